import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import {
  eventually,
  expectNoJobs,
  rejection,
  waitForElement,
  waitForJob,
  waitForJobs,
} from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient, type Job } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 39–41, 44 and 46: multi-instance, call activities, signals, user tasks.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_activities');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('activities through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '39: a parallel multi-instance makes one job per item and collects the results in item order',
    async () => {
      // given
      const fixture = uniqueFixture('multi-instance-parallel.bpmn', tag('c39'));
      await client.deploy('multi-instance-parallel.bpmn', fixture.bytes);
      const items = ['birth', 'household', 'insurance'];
      await client.createInstance({
        bpmnProcessId: fixture.id('Process_EachParallel'),
        variables: { items },
      });

      // when
      const jobs = await waitForJobs(client, { type: fixture.type('each'), count: 3 });
      for (const job of [...jobs].reverse())
        await client.completeJob(job.key, { result: `done:${String(job.variables['item'])}` });
      const after = await waitForJob(client, { type: fixture.type('after') });

      // then
      const seen = jobs.map((job) => [job.variables['item'], job.variables['loopCounter']]);
      expect(seen.sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
        ['birth', 1],
        ['household', 2],
        ['insurance', 3],
      ]);
      expect(after.variables).toEqual({ items, results: ['done:birth', 'done:household', 'done:insurance'] });
    },
  );

  it.concurrent('39: an empty input collection skips the multi-instance task', async () => {
    // given
    const fixture = uniqueFixture('multi-instance-parallel.bpmn', tag('c39-empty'));
    await client.deploy('multi-instance-parallel.bpmn', fixture.bytes);

    // when
    await client.createInstance({
      bpmnProcessId: fixture.id('Process_EachParallel'),
      variables: { items: [] },
    });

    // then
    expect((await waitForJob(client, { type: fixture.type('after') })).variables).toEqual({
      items: [],
      results: [],
    });
    await expectNoJobs(client, fixture.type('each'), 300);
  });

  it.concurrent('40: a sequential multi-instance stops once its completion condition holds', async () => {
    // given
    const fixture = uniqueFixture('multi-instance-sequential.bpmn', tag('c40'));
    await client.deploy('multi-instance-sequential.bpmn', fixture.bytes);
    await client.createInstance({
      bpmnProcessId: fixture.id('Process_EachSequential'),
      variables: { items: [1, 2, 3, 4] },
    });

    // when
    const first = await waitForJob(client, { type: fixture.type('each') });
    await client.completeJob(first.key);
    const second = await waitForJob(client, { type: fixture.type('each') });
    await client.completeJob(second.key);

    // then
    expect([first.variables['item'], second.variables['item']]).toEqual([1, 2]);
    await waitForJob(client, { type: fixture.type('after') });
    await expectNoJobs(client, fixture.type('each'), 500);
  });

  it.concurrent(
    '41: a call activity hands variables down and back, and cancels with its parent only',
    async () => {
      // given
      const child = uniqueFixture('call-child.bpmn', tag('c41'));
      const parent = uniqueFixture('call-parent.bpmn', tag('c41'));
      await client.deploy('call-child.bpmn', child.bytes);
      await client.deploy('call-parent.bpmn', parent.bytes);
      await client.createInstance({
        bpmnProcessId: parent.id('Process_Parent'),
        variables: { applicant: 'Wang Fang' },
      });

      // when
      const childJob = await waitForJob(client, { type: child.type('child') });
      await client.completeJob(childJob.key, { certificate: 'C-1' });
      const parentAfter = await waitForJob(client, { type: parent.type('parent-after') });

      // then
      expect(childJob.variables).toEqual({ applicant: 'Wang Fang' });
      expect(childJob.bpmnProcessId).toBe(child.id('Process_Child'));
      expect(parentAfter.variables).toEqual({ applicant: 'Wang Fang', certificate: 'C-1' });

      const second = await client.createInstance({ bpmnProcessId: parent.id('Process_Parent') });
      const secondChildJob = await waitForJob(client, { type: child.type('child') });
      expect(await rejection(client.cancelInstance(secondChildJob.processInstanceKey))).toBe(
        status.FAILED_PRECONDITION,
      );
      await client.cancelInstance(second.processInstanceKey);
      expect(await rejection(client.completeJob(secondChildJob.key))).toBe(status.NOT_FOUND);
    },
  );

  it.concurrent(
    '44: a broadcast signal wakes every waiting catch event and starts signal-start processes',
    async () => {
      // given
      const waiting = uniqueFixture('signal-catch.bpmn', tag('c44'));
      const starting = uniqueFixture('signal-start.bpmn', tag('c44'));
      await client.deploy('signal-catch.bpmn', waiting.bytes);
      await client.deploy('signal-start.bpmn', starting.bytes);
      for (const _ of [1, 2]) {
        const instance = await client.createInstance({ bpmnProcessId: waiting.id('Process_SignalCatch') });
        await waitForElement(engine.inspector, instance.processInstanceKey, 'Catch_Go');
      }

      // when
      await client.broadcastSignal(waiting.signal('go'), { reason: 'all documents received' });

      // then
      expect(await waitForJobs(client, { type: waiting.type('went'), count: 2 })).toHaveLength(2);
      const started = await waitForJob(client, { type: starting.type('started') });
      expect(started.variables).toEqual({ reason: 'all documents received' });
    },
  );

  it.concurrent(
    '46: a user task is a job for io.camunda.zeebe:userTask with assignment and form headers',
    async () => {
      // given
      const fixture = uniqueFixture('user-task.bpmn', tag('c46'));
      await client.deploy('user-task.bpmn', fixture.bytes);
      const instance = await client.createInstance({
        bpmnProcessId: fixture.id('Process_UserTask'),
        variables: { owner: 'window1' },
      });

      // when
      const job = await userTaskJobOf(client, instance.processInstanceKey);

      // then
      expect(job).toMatchObject({
        type: 'io.camunda.zeebe:userTask',
        retries: 1,
        elementId: 'UserTask_Approve',
      });
      expect(job.customHeaders).toEqual({
        'io.camunda.zeebe:assignee': 'window1',
        'io.camunda.zeebe:candidateGroups': '["a","b"]',
        'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:Form_Approve',
      });
      await client.completeJob(job.key);
      const view = await eventually(
        () => engine.inspector.getProcessInstance(instance.processInstanceKey),
        (found) => found?.state === 'COMPLETED',
      );
      expect(view?.state).toBe('COMPLETED');
    },
  );
});

/**
 * User-task jobs share one type across every test, so a test looks for its own
 * instance's job; others it takes are locked for only a second and come back.
 */
async function userTaskJobOf(client: ConformanceClient, processInstanceKey: string): Promise<Job> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const jobs = await client.activateJobs({
      type: 'io.camunda.zeebe:userTask',
      timeout: 1_000,
      requestTimeout: 1_000,
    });
    const own = jobs.find((job) => job.processInstanceKey === processInstanceKey);
    if (own) return own;
  }
  throw new Error(`no user task job for instance ${processInstanceKey}`);
}
