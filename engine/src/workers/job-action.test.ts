import { describe, expect, it } from 'vitest';
import { ATTEMPT_VARIABLE, backOffMs, decideJobAction, REJECTION_VARIABLE } from './job-action.ts';
import { operationForJobType } from './operations.ts';

const operation = operationForJobType('onething:health:issue-birth-certificate');
if (!operation) throw new Error('the table lost issue-birth-certificate');
const policy = { baseMs: 1_000, maxMs: 10_000 };

describe('decideJobAction', () => {
  it('completes with the contract response fields only', () => {
    // given
    const body = {
      birthCertificateNo: 'Q000000001',
      issuedAt: '2026-11-29',
      documentUrl: '/registries/health/documents/Q000000001',
      internal: 'x',
    };
    // when
    const action = decideJobAction(
      operation,
      { kind: 'success', status: 201, body, replayed: false },
      { retries: 3, attempt: 0 },
      policy,
    );
    // then
    expect(action).toEqual({
      action: 'complete',
      variables: {
        birthCertificateNo: 'Q000000001',
        issuedAt: '2026-11-29',
        documentUrl: '/registries/health/documents/Q000000001',
      },
    });
  });

  it('throws a BPMN error with the registry code and the rejection as a variable', () => {
    const action = decideJobAction(
      operation,
      { kind: 'business', status: 422, code: 'MOTHER_NOT_FEMALE', message: 'not a woman' },
      { retries: 3, attempt: 0 },
      policy,
    );
    expect(action).toEqual({
      action: 'error',
      errorCode: 'MOTHER_NOT_FEMALE',
      errorMessage: 'not a woman',
      variables: {
        [REJECTION_VARIABLE]: {
          registry: 'health',
          operation: 'issue-birth-certificate',
          code: 'MOTHER_NOT_FEMALE',
          message: 'not a woman',
          fields: {},
        },
      },
    });
  });

  it('fails a technical failure with one retry less, exponential back-off and the attempt counted', () => {
    const action = decideJobAction(
      operation,
      { kind: 'technical', code: 'REGISTRY_UNAVAILABLE', message: 'down', status: 503 },
      { retries: 4, attempt: 2 },
      policy,
    );
    expect(action).toEqual({
      action: 'fail',
      retries: 3,
      retryBackOff: 4_000,
      errorMessage: 'health/issue-birth-certificate: REGISTRY_UNAVAILABLE: down',
      variables: { [ATTEMPT_VARIABLE]: 3 },
    });
  });

  it('raises an incident with a clear message when the last retry fails', () => {
    const action = decideJobAction(
      operation,
      { kind: 'technical', code: 'CONNECTOR_TIMEOUT', message: 'slow' },
      { retries: 1, attempt: 4 },
      policy,
    );
    expect(action).toMatchObject({ action: 'fail', retries: 0, retryBackOff: 0 });
    expect(action.action === 'fail' && action.errorMessage).toBe(
      'health/issue-birth-certificate: CONNECTOR_TIMEOUT after 5 attempt(s), retries exhausted: slow',
    );
  });

  it('raises an incident at once for a request that cannot succeed', () => {
    const action = decideJobAction(
      operation,
      { kind: 'fatal', code: 'IDEMPOTENCY_KEY_REUSED', message: 'other body', status: 422 },
      { retries: 5, attempt: 0 },
      policy,
    );
    expect(action).toMatchObject({ action: 'fail', retries: 0 });
  });
});

describe('backOffMs', () => {
  it('doubles from the base and stops at the maximum', () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backOffMs(attempt, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});
