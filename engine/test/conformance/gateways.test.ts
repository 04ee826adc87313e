import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, expectNoJobs, waitForJob, waitForJobs } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 37, 38 and 45: gateways, conditions and script tasks.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_gateways');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('gateways through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  const activeIncidents = (processInstanceKey: string) =>
    eventually(
      () => engine.inspector.listIncidents({ processInstanceKey, state: 'ACTIVE' }),
      (found) => found.length > 0,
    );

  it.concurrent('37: takes the first true condition in XML order, else the default flow', async () => {
    // given
    const fixture = uniqueFixture('exclusive-gateway.bpmn', tag('c37-route'));
    await client.deploy('exclusive-gateway.bpmn', fixture.bytes);
    const bpmnProcessId = fixture.id('Process_ReviewRouting');

    // when
    await client.createInstance({ bpmnProcessId, variables: { amount: 500 } });
    await client.createInstance({ bpmnProcessId, variables: { amount: 5 } });

    // then
    expect((await waitForJob(client, { type: fixture.type('review') })).variables).toEqual({ amount: 500 });
    expect((await waitForJob(client, { type: fixture.type('automatic') })).variables).toEqual({ amount: 5 });
    await expectNoJobs(client, fixture.type('check'), 500);
  });

  it.concurrent(
    '37: a condition on a missing variable raises an incident even with a default flow, and resolves after SetVariables',
    async () => {
      // given
      const fixture = uniqueFixture('exclusive-gateway.bpmn', tag('c37-missing'));
      await client.deploy('exclusive-gateway.bpmn', fixture.bytes);

      // when
      const instance = await client.createInstance({ bpmnProcessId: fixture.id('Process_ReviewRouting') });
      const [incident] = await activeIncidents(instance.processInstanceKey);

      // then
      expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'Gateway_NeedsReview' });
      await expectNoJobs(client, fixture.type('automatic'), 500);
      await client.setVariables({
        elementInstanceKey: instance.processInstanceKey,
        variables: { amount: 50 },
        local: false,
      });
      await client.resolveIncident(incident?.key ?? '');
      expect((await waitForJob(client, { type: fixture.type('check') })).variables).toEqual({ amount: 50 });
    },
  );

  it.concurrent('37: no true condition and no default flow raises CONDITION_ERROR', async () => {
    // given
    const fixture = uniqueFixture('exclusive-no-default.bpmn', tag('c37-nodefault'));
    await client.deploy('exclusive-no-default.bpmn', fixture.bytes);

    // when
    const instance = await client.createInstance({
      bpmnProcessId: fixture.id('Process_NoDefault'),
      variables: { decision: 'undecided' },
    });

    // then
    const [incident] = await activeIncidents(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'Gateway_Approved' });
  });

  it.concurrent(
    '38: a parallel fork makes two jobs and the join fires once after both complete',
    async () => {
      // given
      const fixture = uniqueFixture('parallel.bpmn', tag('c38'));
      await client.deploy('parallel.bpmn', fixture.bytes);
      await client.createInstance({ bpmnProcessId: fixture.id('Process_Parallel') });
      const health = await waitForJob(client, { type: fixture.type('health') });
      const civil = await waitForJob(client, { type: fixture.type('civil') });

      // when
      await client.completeJob(health.key, { healthDone: true });
      await expectNoJobs(client, fixture.type('notify'), 500);
      await client.completeJob(civil.key, { civilDone: true });

      // then
      const notify = await waitForJobs(client, { type: fixture.type('notify'), count: 2, within: 2_000 });
      expect(notify).toHaveLength(1);
      expect(notify[0]?.variables).toEqual({ healthDone: true, civilDone: true });
    },
  );

  it.concurrent('45: a script task writes its result variable for the next job', async () => {
    // given
    const fixture = uniqueFixture('script-task.bpmn', tag('c45-script'));
    await client.deploy('script-task.bpmn', fixture.bytes);

    // when
    await client.createInstance({
      bpmnProcessId: fixture.id('Process_ScriptSum'),
      variables: { a: 2, b: 40 },
    });

    // then
    expect((await waitForJob(client, { type: fixture.type('report') })).variables).toEqual({
      a: 2,
      b: 40,
      sum: 42,
    });
  });

  it.concurrent(
    '45: comparing a number with a string in a condition raises an incident instead of taking the default',
    async () => {
      // given
      const fixture = uniqueFixture('type-mismatch.bpmn', tag('c45-mismatch'));
      await client.deploy('type-mismatch.bpmn', fixture.bytes);

      // when
      const instance = await client.createInstance({
        bpmnProcessId: fixture.id('Process_TypeMismatch'),
        variables: { x: 1 },
      });

      // then
      const [incident] = await activeIncidents(instance.processInstanceKey);
      expect(incident).toMatchObject({ elementId: 'Gateway_Compare' });
      await expectNoJobs(client, fixture.type('default-path'), 500);
    },
  );
});
