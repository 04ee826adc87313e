import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { expectNoJobs, rejection, waitForJob, waitForJobs } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 35–36: timer boundary events.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_timers');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('timer boundaries through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '35: an interrupting PT1S timer cancels the task’s job and takes the timeout path',
    async () => {
      // given
      const fixture = uniqueFixture('timer-boundary.bpmn', tag('c35'));
      await client.deploy('timer-boundary.bpmn', fixture.bytes);
      await client.createInstance({ bpmnProcessId: fixture.id('Process_TimerBoundary') });
      const slow = await waitForJob(client, { type: fixture.type('slow') });

      // when
      const escalate = await waitForJob(client, { type: fixture.type('escalate'), within: 5_000 });

      // then
      expect(escalate.elementId).toBe('Task_Escalate');
      expect(await rejection(client.completeJob(slow.key))).toBe(status.NOT_FOUND);
    },
  );

  it.concurrent(
    '36: a non-interrupting R2/PT1S cycle fires twice while the task stays completable',
    async () => {
      // given
      const fixture = uniqueFixture('timer-cycle-boundary.bpmn', tag('c36'));
      await client.deploy('timer-cycle-boundary.bpmn', fixture.bytes);
      await client.createInstance({ bpmnProcessId: fixture.id('Process_TimerCycle') });
      const long = await waitForJob(client, { type: fixture.type('long') });

      // when
      const reminders = await waitForJobs(client, { type: fixture.type('remind'), count: 2, within: 6_000 });

      // then
      expect(reminders).toHaveLength(2);
      await expectNoJobs(client, fixture.type('remind'), 1_500);
      await client.completeJob(long.key);
    },
  );
});
