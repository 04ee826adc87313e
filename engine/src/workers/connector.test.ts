import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildRequestBody, runConnectorJob } from './connector.ts';
import { ATTEMPT_VARIABLE } from './job-action.ts';
import { operationForJobType } from './operations.ts';

const operation = operationForJobType('onething:hr:enroll-medical-insurance');
if (!operation) throw new Error('the table lost enroll-medical-insurance');

describe('buildRequestBody', () => {
  it('sends the request fields by name and leaves out absent, null, empty and unrelated variables', () => {
    // given
    const variables = {
      idNumber: '330106202611100028',
      name: '陈小雨',
      guardianIdNumber: '',
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

describe('runConnectorJob with quick retries', () => {
  it('repeats a call that failed technically under the same key and completes the job once the registry answers', async () => {
    // given: a registry that drops the first call and accepts the second
    const keys: (string | null)[] = [];
    const flaky = async (_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('idempotency-key'));
      return keys.length === 1
        ? new Response(JSON.stringify({ error: { code: 'REGISTRY_UNAVAILABLE', message: 'restarting' } }), {
            status: 503,
          })
        : new Response(
            JSON.stringify({ enrolmentNo: 'YB2026000001', scheme: 'resident', startDate: '2026-11-10' }),
            { status: 201 },
          );
    };
    const job = {
      key: '2251799813685302',
      retries: 5,
      processInstanceKey: '1',
      elementId: 'Task_Medical',
      variables: { idNumber: '330106202611100028', name: '陈小雨' },
    };
    // when
    const action = await runConnectorJob(operation, job, {
      registriesUrl: 'http://registries.test',
      requestTimeoutMs: 1_000,
      retryPolicy: { baseMs: 100, maxMs: 1_000 },
      quickRetries: { count: 2, delayMs: 1 },
      idempotencyKeyPrefix: 'onething',
      logger: pino({ level: 'silent' }),
      fetch: flaky,
    });
    // then
    expect(keys).toEqual(['onething-2251799813685302', 'onething-2251799813685302']);
    expect(action).toMatchObject({ action: 'complete', variables: { enrolmentNo: 'YB2026000001' } });
  });

  it('does not repeat a business rejection', async () => {
    // given
    let calls = 0;
    const rejecting = async () => {
      calls += 1;
      return new Response(JSON.stringify({ error: { code: 'ALREADY_ENROLLED', message: '已参保' } }), {
        status: 422,
      });
    };
    const job = {
      key: '2251799813685303',
      retries: 5,
      processInstanceKey: '1',
      elementId: 'Task_Medical',
      variables: { idNumber: '330106202611100028', name: '陈小雨' },
    };
    // when
    const action = await runConnectorJob(operation, job, {
      registriesUrl: 'http://registries.test',
      requestTimeoutMs: 1_000,
      retryPolicy: { baseMs: 100, maxMs: 1_000 },
      quickRetries: { count: 2, delayMs: 1 },
      idempotencyKeyPrefix: 'onething',
      logger: pino({ level: 'silent' }),
      fetch: rejecting,
    });
    // then
    expect(calls).toBe(1);
    expect(action).toMatchObject({ action: 'error', errorCode: 'ALREADY_ENROLLED' });
  });
});
