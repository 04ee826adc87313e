import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { rejection, waitForJob } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 21, 22 and 42: variable scopes, mappings and SetVariables.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_variables');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('variables through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '21: a completion without output mappings updates an input-mapped local, not the root variable',
    async () => {
      // given
      const fixture = uniqueFixture('local-shadow.bpmn', tag('c21'));
      await client.deploy('local-shadow.bpmn', fixture.bytes);
      await client.createInstance({ bpmnProcessId: fixture.id('Process_LocalShadow'), variables: { x: 1 } });
      const local = await waitForJob(client, { type: fixture.type('local') });

      // when
      await client.completeJob(local.key, { x: 2 });
      const after = await waitForJob(client, { type: fixture.type('after') });

      // then
      expect(local.variables).toEqual({ x: 10 });
      expect(after.variables).toEqual({ x: 1 });
    },
  );

  it.concurrent('22: with an output mapping only the mapped result leaves the task', async () => {
    // given
    const fixture = uniqueFixture('output-mapping.bpmn', tag('c22'));
    await client.deploy('output-mapping.bpmn', fixture.bytes);
    await client.createInstance({
      bpmnProcessId: fixture.id('Process_OutputMapping'),
      variables: { request: 'r-1' },
    });
    const produce = await waitForJob(client, { type: fixture.type('produce') });

    // when
    await client.completeJob(produce.key, { result: 1, other: 2 });
    const consume = await waitForJob(client, { type: fixture.type('consume') });

    // then
    expect(consume.variables).toEqual({ request: 'r-1', out: 1 });
  });

  it.concurrent(
    '42: SetVariables local stays on the task, non-local creates at the root, an unknown scope is NOT_FOUND',
    async () => {
      // given
      const fixture = uniqueFixture('two-tasks.bpmn', tag('c42'));
      await client.deploy('two-tasks.bpmn', fixture.bytes);
      const instance = await client.createInstance({
        bpmnProcessId: fixture.id('Process_TwoTasks'),
        variables: { a: 1 },
      });
      const first = await waitForJob(client, { type: fixture.type('first'), timeout: 60_000 });

      // when
      await client.setVariables({
        elementInstanceKey: first.elementInstanceKey,
        variables: { secret: 's' },
        local: true,
      });
      await client.setVariables({
        elementInstanceKey: first.elementInstanceKey,
        variables: { shared: 'yes' },
        local: false,
      });
      const unknown = await rejection(
        client.setVariables({ elementInstanceKey: '2251799813999999', variables: { a: 2 }, local: false }),
      );
      await client.failJob({ jobKey: first.key, retries: 3, errorMessage: 'look again' });
      const firstAgain = await waitForJob(client, { type: fixture.type('first') });
      await client.completeJob(firstAgain.key);
      const second = await waitForJob(client, { type: fixture.type('second') });

      // then
      expect(unknown).toBe(status.NOT_FOUND);
      expect(firstAgain.variables).toEqual({ a: 1, secret: 's', shared: 'yes' });
      expect(second.variables).toEqual({ a: 1, shared: 'yes' });
      const view = await engine.inspector.getProcessInstance(instance.processInstanceKey);
      expect(view?.variables[instance.processInstanceKey]).toEqual({ a: 1, shared: 'yes' });
    },
  );
});
