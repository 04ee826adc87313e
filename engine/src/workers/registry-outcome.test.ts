import { describe, expect, it } from 'vitest';
import { classifyFetchError, classifyResponse, CONNECTOR_CODES } from './registry-outcome.ts';

const error = (code: string, message = 'why', fields?: Record<string, string>) =>
  JSON.stringify({ error: { code, message, ...(fields ? { fields } : {}) } });

describe('classifyResponse', () => {
  it('takes a 201 with a JSON object as success and notes a replay', () => {
    // given / when
    const outcome = classifyResponse(201, '{"birthCertificateNo":"Q123456789"}', true);
    // then
    expect(outcome).toEqual({
      kind: 'success',
      status: 201,
      body: { birthCertificateNo: 'Q123456789' },
      replayed: true,
    });
  });

  it('retries a success status whose body is not a JSON object', () => {
    expect(classifyResponse(201, 'ok', false)).toMatchObject({
      kind: 'technical',
      code: CONNECTOR_CODES.badResponse,
    });
  });

  it('turns a 422 rejection into a business outcome with the registry code', () => {
    expect(classifyResponse(422, error('PERSON_NOT_FOUND', 'no such person'), false)).toEqual({
      kind: 'business',
      status: 422,
      code: 'PERSON_NOT_FOUND',
      message: 'no such person',
    });
  });

  it('turns 400 INVALID_INPUT into a business outcome naming the fields', () => {
    expect(
      classifyResponse(400, error('INVALID_INPUT', 'bad', { motherIdNumber: 'check character' }), false),
    ).toEqual({
      kind: 'business',
      status: 400,
      code: 'INVALID_INPUT',
      message: 'bad',
      fields: { motherIdNumber: 'check character' },
    });
  });

  it.each([
    [503, 'REGISTRY_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [504, 'REGISTRY_TIMEOUT'],
    [500, 'INTERNAL_ERROR'],
    [409, 'IDEMPOTENCY_IN_PROGRESS'],
  ])('retries HTTP %i %s', (status, code) => {
    expect(classifyResponse(status, error(code), false)).toMatchObject({ kind: 'technical', code, status });
  });

  it('retries a 502 from a proxy without an error body', () => {
    expect(classifyResponse(502, '<html>bad gateway</html>', false)).toMatchObject({
      kind: 'technical',
      code: CONNECTOR_CODES.httpStatus,
      status: 502,
    });
  });

  it.each([
    [400, 'IDEMPOTENCY_KEY_MISSING'],
    [422, 'IDEMPOTENCY_KEY_REUSED'],
    [404, 'ROUTE_NOT_FOUND'],
    [401, 'ADMIN_UNAUTHORIZED'],
  ])('does not retry HTTP %i %s, a request that can never succeed', (status, code) => {
    expect(classifyResponse(status, error(code), false)).toMatchObject({ kind: 'fatal', code });
  });

  it('does not retry a 4xx without an error body', () => {
    expect(classifyResponse(404, 'not here', false)).toMatchObject({
      kind: 'fatal',
      code: CONNECTOR_CODES.httpStatus,
      status: 404,
    });
  });
});

describe('classifyFetchError', () => {
  it('takes an aborted call as a timeout to retry', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyFetchError(timeout, 1500)).toEqual({
      kind: 'technical',
      code: CONNECTOR_CODES.timeout,
      message: 'registry did not answer within 1500 ms',
    });
  });

  it('takes a refused connection as a network failure to retry, naming the cause', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyFetchError(refused, 1500)).toEqual({
      kind: 'technical',
      code: CONNECTOR_CODES.network,
      message: 'registry unreachable: ECONNREFUSED',
    });
  });
});
