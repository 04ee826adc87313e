import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildRequestBody, runConnectorJob } from './connector.ts';
import { ATTEMPT_VARIABLE } from './job-action.ts';
import { operationForJobType } from './operations.ts';

const operation = operationForJobType('onething:hr:enroll-medical-insurance');
if (!operation) throw new Error('the table lost enroll-medical-insurance');

describe('buildRequestBody', () => {
  it('sends the request fields by name and leaves out absent, null and unrelated variables', () => {
    // given
    const variables = {
      idNumber: '330106202611100028',
      name: '陈小雨',
      guardianIdNumber: null,
      child: { name: '陈小雨' },
    };
    // when / then
    expect(buildRequestBody(operation, variables)).toEqual({
      idNumber: '330106202611100028',
      name: '陈小雨',
    });
  });
});

describe('runConnectorJob', () => {
  it('calls the operation with an idempotency key from the job key and backs off by the attempts counted so far', async () => {
    // given: a registry that is down, at its HTTP edge
    const calls: { url: string; key: string | null }[] = [];
    const fetchDown = async (url: string, init: RequestInit) => {
      calls.push({ url, key: new Headers(init.headers).get('idempotency-key') });
      return new Response(JSON.stringify({ error: { code: 'REGISTRY_UNAVAILABLE', message: 'down' } }), {
        status: 503,
      });
    };
    const job = {
      key: '2251799813685301',
      retries: 4,
      processInstanceKey: '1',
      elementId: 'Task_Medical',
      variables: { idNumber: '330106202611100028', name: '陈小雨', [ATTEMPT_VARIABLE]: 1 },
    };
    // when
    const action = await runConnectorJob(operation, job, {
      registriesUrl: 'http://registries.test/',
      requestTimeoutMs: 1_000,
      retryPolicy: { baseMs: 100, maxMs: 1_000 },
      idempotencyKeyPrefix: 'onething',
      logger: pino({ level: 'silent' }),
      fetch: fetchDown,
    });
    // then
    expect(calls).toEqual([
      {
        url: 'http://registries.test/registries/hr/resident-medical-enrolments',
        key: 'onething-2251799813685301',
      },
    ]);
    expect(action).toMatchObject({
      action: 'fail',
      retries: 3,
      retryBackOff: 200,
      variables: { [ATTEMPT_VARIABLE]: 2 },
    });
  });
});
