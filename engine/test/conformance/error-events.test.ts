import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, expectNoJobs, rejection, waitForJob } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 26–28: BPMN errors thrown by workers.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_error_events');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('error events through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '26: a matching error boundary takes the task’s path away, with the thrown variables',
    async () => {
      // given
      const fixture = uniqueFixture('error-boundary.bpmn', tag('c26'));
      await client.deploy('error-boundary.bpmn', fixture.bytes);
      await client.createInstance({
        bpmnProcessId: fixture.id('Process_ErrorBoundary'),
        variables: { orderId: 'o-1' },
      });
      const charge = await waitForJob(client, { type: fixture.type('charge') });

      // when
      await client.throwError({
        jobKey: charge.key,
        errorCode: 'PAYMENT_FAILED',
        errorMessage: 'card declined',
        variables: { reason: 'declined' },
      });
      const handle = await waitForJob(client, { type: fixture.type('handle-failure') });

      // then
      expect(handle.elementId).toBe('Task_HandleFailure');
      expect(handle.variables).toEqual({ orderId: 'o-1', reason: 'declined' });
      expect(await rejection(client.completeJob(charge.key))).toBe(status.NOT_FOUND);
    },
  );

  it.concurrent(
    '27: a catch-all boundary catches any code, but an exact code in the same scope wins',
    async () => {
      // given
      const fixture = uniqueFixture('error-catch-all.bpmn', tag('c27'));
      await client.deploy('error-catch-all.bpmn', fixture.bytes);
      const bpmnProcessId = fixture.id('Process_ErrorCatchAll');
      await client.createInstance({ bpmnProcessId, variables: { n: 1 } });
      await client.createInstance({ bpmnProcessId, variables: { n: 2 } });
      const jobs = [
        await waitForJob(client, { type: fixture.type('work') }),
        await waitForJob(client, { type: fixture.type('work') }),
      ];
      const [exact, other] = jobs[0]?.variables['n'] === 1 ? jobs : [jobs[1], jobs[0]];

      // when
      await client.throwError({ jobKey: exact?.key ?? '', errorCode: 'EXACT' });
      await client.throwError({ jobKey: other?.key ?? '', errorCode: 'SOMETHING_ELSE' });

      // then
      expect((await waitForJob(client, { type: fixture.type('exact') })).variables).toEqual({ n: 1 });
      expect((await waitForJob(client, { type: fixture.type('catch-all') })).variables).toEqual({ n: 2 });
    },
  );

  it.concurrent(
    '28: an uncaught error raises UNHANDLED_ERROR_EVENT; resolving it frees the job with its retries',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', tag('c28'));
      await client.deploy('one-task.bpmn', fixture.bytes);
      const instance = await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
      const job = await waitForJob(client, { type: fixture.type('work') });
      await client.failJob({ jobKey: job.key, retries: 2, errorMessage: 'first attempt failed' });
      const retried = await waitForJob(client, { type: fixture.type('work') });

      // when
      await client.throwError({
        jobKey: retried.key,
        errorCode: 'NOBODY_CATCHES_THIS',
        errorMessage: 'no catch event',
      });

      // then
      await expectNoJobs(client, fixture.type('work'), 500);
      const [incident] = await eventually(
        () =>
          engine.inspector.listIncidents({
            processInstanceKey: instance.processInstanceKey,
            state: 'ACTIVE',
          }),
        (found) => found.length > 0,
      );
      expect(incident).toMatchObject({
        errorType: 'UNHANDLED_ERROR_EVENT',
        elementId: 'Task_Work',
        jobKey: job.key,
      });
      expect(incident?.errorMessage).toContain('NOBODY_CATCHES_THIS');
      await client.resolveIncident(incident?.key ?? '');
      expect(await waitForJob(client, { type: fixture.type('work') })).toMatchObject({
        key: job.key,
        retries: 2,
      });
    },
  );
});
