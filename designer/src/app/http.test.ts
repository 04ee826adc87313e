import { describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCode } from '../errors.ts';
import { fakeFetch } from './fake-fetch.test-support.ts';
import { createHttpClient } from './http.ts';

const parseName = (body: unknown) =>
  typeof body === 'object' && body !== null && 'name' in body && typeof body.name === 'string'
    ? body.name
    : undefined;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('http client', () => {
  it('sends JSON with the same-origin session cookie and returns the parsed body', async () => {
    // given
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: { name: 'birth' } }));
    const http = createHttpClient({ fetch });

    // when
    const name = await http.post('/api/things', { a: 1 }, { parse: parseName });

    // then
    expect(name).toBe('birth');
    expect(calls).toEqual([
      { url: '/api/things', method: 'POST', body: { a: 1 }, credentials: 'same-origin' },
    ]);
  });

  it('maps the api error shape to an ApiError with status, code, message and fields', async () => {
    // given
    const { fetch } = fakeFetch(() => ({
      status: 400,
      body: {
        error: { code: 'FORM_INVALID', message: 'Check the form', fields: { idNumber: 'Invalid ID number' } },
      },
    }));
    const http = createHttpClient({ fetch });

    // when
    const error = await rejection(http.post('/api/applications', {}));

    // then
    expect(error).toMatchObject({
      status: 400,
      code: 'FORM_INVALID',
      message: 'Check the form',
      fields: { idNumber: 'Invalid ID number' },
    });
  });

  it('reports an error status without the contract body as HTTP_ERROR', async () => {
    // given
    const { fetch } = fakeFetch(() => ({ status: 502, text: '<html>Bad gateway</html>' }));
    const http = createHttpClient({ fetch });

    // when
    const error = await rejection(http.get('/api/bundles'));

    // then
    expect(error.status).toBe(502);
    expect(error.code).toBe(ClientErrorCode.HTTP_ERROR);
    expect(error.fields).toEqual({});
  });

  it('reports a failed connection as NETWORK_ERROR with status 0', async () => {
    // given
    const http = createHttpClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });

    // when
    const error = await rejection(http.get('/api/bundles'));

    // then
    expect(error).toMatchObject({ status: 0, code: ClientErrorCode.NETWORK_ERROR });
  });

  it('rejects a success body that does not have the expected shape', async () => {
    // given
    const { fetch } = fakeFetch(() => ({ status: 200, body: { name: 42 } }));
    const http = createHttpClient({ fetch });

    // when
    const error = await rejection(http.get('/api/things', { parse: parseName }));

    // then
    expect(error).toMatchObject({ status: 200, code: ClientErrorCode.RESPONSE_INVALID });
  });

  it('calls the unauthorized handler on an unexpected 401 but not when the caller expects one', async () => {
    // given
    const { fetch } = fakeFetch(() => ({
      status: 401,
      body: { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } },
    }));
    const http = createHttpClient({ fetch });
    const onUnauthorized = vi.fn();
    http.onUnauthorized(onUnauthorized);

    // when
    await rejection(http.get('/api/auth/me', { expectUnauthorized: true }));
    const error = await rejection(http.get('/api/tasks'));

    // then
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledWith(error);
  });

  it('stops calling a handler once it is removed', async () => {
    // given
    const { fetch } = fakeFetch(() => ({
      status: 401,
      body: { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } },
    }));
    const http = createHttpClient({ fetch });
    const onUnauthorized = vi.fn();
    const remove = http.onUnauthorized(onUnauthorized);

    // when
    remove();
    await rejection(http.get('/api/tasks'));

    // then
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
  it('hands a text body to the parser as it came, and still reads an error body as the contract JSON', async () => {
    // given
    const xml = '<?xml version="1.0"?><bpmn:definitions />';
    let found = true;
    const { fetch } = fakeFetch(() =>
      found
        ? { status: 200, text: xml }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such process' } } },
    );
    const http = createHttpClient({ fetch });
    const parseXml = (body: unknown) => (typeof body === 'string' ? body : undefined);

    // when
    const text = await http.get('/api/monitor/processes/1/xml', { parse: parseXml, responseType: 'text' });
    found = false;
    const error = await rejection(
      http.get('/api/monitor/processes/2/xml', { parse: parseXml, responseType: 'text' }),
    );

    // then
    expect(text).toBe(xml);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No such process' });
  });
});
