import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZBClient, type JSONDoc } from 'zeebe-node';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { rejection, waitForJob } from '../support/conformance-helpers.ts';
import { RawGatewayClient } from '../support/raw-gateway-client.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 8–12 and 43: creating, awaiting and canceling instances.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_instances');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('process instances through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent('8: rejects an unknown process id or version as NOT_FOUND', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', tag('c8'));
    await client.deploy('one-task.bpmn', fixture.bytes);

    // when
    const unknownId = await rejection(
      client.createInstance({ bpmnProcessId: fixture.id('Process_Unknown') }),
    );
    const unknownVersion = await rejection(
      client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask'), version: 7 }),
    );

    // then
    expect(unknownId).toBe(status.NOT_FOUND);
    expect(unknownVersion).toBe(status.NOT_FOUND);
  });

  it.concurrent(
    '11: returns every root variable of a completed instance, or only the fetched ones',
    async () => {
      // given
      const fixture = uniqueFixture('straight-through.bpmn', tag('c11'));
      await client.deploy('straight-through.bpmn', fixture.bytes);
      const bpmnProcessId = fixture.id('Process_StraightThrough');

      // when
      const all = await client.createInstanceWithResult({ bpmnProcessId, variables: { a: 1, b: 'two' } });
      const some = await client.createInstanceWithResult({
        bpmnProcessId,
        variables: { a: 1, b: 'two' },
        fetchVariables: ['a'],
      });

      // then
      expect(all).toMatchObject({ bpmnProcessId, version: 1, variables: { a: 1, b: 'two' } });
      expect(some.variables).toEqual({ a: 1 });
    },
  );

  it.concurrent(
    '12: ends CreateProcessInstanceWithResult with DEADLINE_EXCEEDED when the instance waits at a task',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', tag('c12'));
      await client.deploy('one-task.bpmn', fixture.bytes);
      const started = Date.now();

      // when
      const code = await rejection(
        client.createInstanceWithResult({
          bpmnProcessId: fixture.id('Process_OneTask'),
          requestTimeout: 500,
        }),
      );

      // then
      expect(code).toBe(status.DEADLINE_EXCEEDED);
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      expect(Date.now() - started).toBeLessThan(5_000);
    },
  );

  it.concurrent('43: cancels an instance, whose job is then gone, and rejects a second cancel', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', tag('c43'));
    await client.deploy('one-task.bpmn', fixture.bytes);
    const instance = await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
    const job = await waitForJob(client, { type: fixture.type('work') });

    // when
    await client.cancelInstance(instance.processInstanceKey);

    // then
    expect(await rejection(client.completeJob(job.key))).toBe(status.NOT_FOUND);
    expect(await rejection(client.cancelInstance(instance.processInstanceKey))).toBe(status.NOT_FOUND);
    const view = await engine.inspector.getProcessInstance(instance.processInstanceKey);
    expect(view?.state).toBe('TERMINATED');
  });
});

// Neither Node client can create by definition key or send non-object variables
// (the SDK refuses arrays before sending), so these run on the raw wire, plus
// zeebe-node, which stringifies an array as it is.
describe('creation requests only the raw wire can express', () => {
  let raw: RawGatewayClient;
  beforeAll(() => {
    raw = new RawGatewayClient(engine.address);
  });
  afterAll(() => raw?.close());

  it('8: creates an instance by processDefinitionKey, and rejects an unknown key as NOT_FOUND', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'raw-c8');
    const deployed = await raw.unary('DeployResource', {
      resources: [{ name: 'one-task.bpmn', content: fixture.bytes }],
    });
    const processDefinitionKey = deployedProcessKey(deployed.messages[0]);

    // when
    const byKey = await raw.unary('CreateProcessInstance', { processDefinitionKey });
    const unknownKey = await raw.unary('CreateProcessInstance', { processDefinitionKey: '2251799813999999' });

    // then
    expect(byKey.code).toBe(status.OK);
    expect(byKey.messages[0]).toMatchObject({
      processDefinitionKey,
      bpmnProcessId: fixture.id('Process_OneTask'),
      version: 1,
    });
    expect(unknownKey.code).toBe(status.NOT_FOUND);
  });

  it.each(['[1]', '{bad', '"text"', '42'])(
    '10: rejects CreateProcessInstance variables %s as INVALID_ARGUMENT',
    async (variables) => {
      // given
      const fixture = uniqueFixture(
        'one-task.bpmn',
        `raw-c10-${variables.length}-${variables.charCodeAt(0)}`,
      );
      await raw.unary('DeployResource', { resources: [{ name: 'one-task.bpmn', content: fixture.bytes }] });

      // when
      const outcome = await raw.unary('CreateProcessInstance', {
        bpmnProcessId: fixture.id('Process_OneTask'),
        version: -1,
        variables,
      });

      // then
      expect(outcome.code).toBe(status.INVALID_ARGUMENT);
    },
  );

  it('10: rejects an array that zeebe-node sends as variables with INVALID_ARGUMENT', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'zeebe-node-c10');
    const zbc = new ZBClient(engine.address, { useTLS: false, loglevel: 'NONE', retry: false });
    await zbc.deployResource({ name: 'one-task.bpmn', process: fixture.bytes });
    const variables: unknown = JSON.parse('[1]');

    // when
    const code = await rejection(
      zbc.createProcessInstance({
        bpmnProcessId: fixture.id('Process_OneTask'),
        variables: variables as JSONDoc,
      }),
    );
    await zbc.close(2_000);

    // then
    expect(code).toBe(status.INVALID_ARGUMENT);
  });
});

function deployedProcessKey(message: Record<string, unknown> | undefined): string {
  const deployments = message?.['deployments'];
  const first: unknown = Array.isArray(deployments) ? deployments[0] : undefined;
  const process: unknown =
    first && typeof first === 'object' && 'process' in first ? first.process : undefined;
  const key: unknown =
    process && typeof process === 'object' && 'processDefinitionKey' in process
      ? process.processDefinitionKey
      : undefined;
  if (typeof key !== 'string') throw new Error('the deployment holds no process');
  return key;
}
