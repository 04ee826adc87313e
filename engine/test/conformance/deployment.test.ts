import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZBClient } from 'zeebe-node';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { readFixture, uniqueFixture, uniqueXml } from '../support/bpmn-fixtures.ts';
import { partitionOf, rejection, rejectionWithDetails } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 1–7: topology and deployment.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_deployment');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('deployment through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent('1: reports one broker leading partition 1, healthy, with a gateway version', async () => {
    // when
    const topology = await client.topology();

    // then
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1, replicationFactor: 1 });
    expect(topology.gatewayVersion).not.toBe('');
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0]?.partitions).toEqual([{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }]);
  });

  it.concurrent('2: deploys a valid BPMN as version 1 of its process, keyed on partition 1', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', tag('c2'));

    // when
    const deployment = await client.deploy('one-task.bpmn', fixture.bytes);

    // then
    expect(deployment.processes).toEqual([
      {
        bpmnProcessId: fixture.id('Process_OneTask'),
        version: 1,
        processDefinitionKey: expect.any(String),
        resourceName: 'one-task.bpmn',
        tenantId: '<default>',
      },
    ]);
    expect(partitionOf(deployment.processes[0]?.processDefinitionKey ?? '0')).toBe(1);
    expect(partitionOf(deployment.key)).toBe(1);
  });

  it.concurrent(
    '3: answers a re-deploy of the same bytes under the same name with the same version and a new deployment key',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', tag('c3'));
      const first = await client.deploy('one-task.bpmn', fixture.bytes);

      // when
      const second = await client.deploy('one-task.bpmn', fixture.bytes);

      // then
      expect(second.processes[0]).toEqual(first.processes[0]);
      expect(second.key).not.toBe(first.key);
    },
  );

  it.concurrent(
    '4: deploys changed bytes under the same name as version 2, which new instances then use',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', tag('c4'));
      const first = await client.deploy('one-task.bpmn', fixture.bytes);
      const changed = Buffer.from(fixture.xml.replace('name="Work"', 'name="Work, revised"'));

      // when
      const second = await client.deploy('one-task.bpmn', changed);
      const instance = await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });

      // then
      expect(second.processes[0]?.version).toBe(2);
      expect(second.processes[0]?.processDefinitionKey).not.toBe(first.processes[0]?.processDefinitionKey);
      expect(instance).toMatchObject({
        version: 2,
        processDefinitionKey: second.processes[0]?.processDefinitionKey,
      });
    },
  );

  it.concurrent('5: compares only with the latest version: deploying A, B, A gives A version 3', async () => {
    // given
    const a = uniqueFixture('one-task.bpmn', tag('c5'));
    const b = Buffer.from(a.xml.replace('name="Work"', 'name="Other work"'));
    await client.deploy('one-task.bpmn', a.bytes);
    await client.deploy('one-task.bpmn', b);

    // when
    const third = await client.deploy('one-task.bpmn', a.bytes);

    // then
    expect(third.processes[0]?.version).toBe(3);
  });

  it.concurrent(
    '6: rejects broken XML and a service task without a type, naming the element, and deploys nothing',
    async () => {
      // given
      const broken = uniqueXml('broken-xml.bpmn', readFixture('broken-xml.bpmn'), tag('c6'));
      const untyped = uniqueFixture('missing-task-type.bpmn', tag('c6'));

      // when
      const brokenOutcome = await rejectionWithDetails(client.deploy('broken-xml.bpmn', broken.bytes));
      const untypedOutcome = await rejectionWithDetails(
        client.deploy('missing-task-type.bpmn', untyped.bytes),
      );

      // then
      expect(brokenOutcome.code).toBe(status.INVALID_ARGUMENT);
      expect(untypedOutcome.code).toBe(status.INVALID_ARGUMENT);
      expect(untypedOutcome.details).toContain('Task_Untyped');
      expect(
        await rejection(client.createInstance({ bpmnProcessId: untyped.id('Process_MissingType') })),
      ).toBe(status.NOT_FOUND);
    },
  );

  it.concurrent('7: rejects a resource of unknown type and a deployment without resources', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', tag('c7'));

    // when
    const unknownType = await rejection(client.deploy('x.txt', fixture.bytes));
    const nothing = await rejection(client.deployNothing());

    // then
    expect(unknownType).toBe(status.INVALID_ARGUMENT);
    expect(nothing).toBe(status.INVALID_ARGUMENT);
  });
});

describe('the deprecated DeployProcess', () => {
  it('deploys through zeebe-node’s deployProcess() and answers with the process metadata', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'zeebe-node-deploy-process');
    const zbc = new ZBClient(engine.address, { useTLS: false, loglevel: 'NONE', retry: false });

    // when
    const response = await zbc.deployProcess({ definition: fixture.bytes, name: 'one-task.bpmn' });
    await zbc.close(2_000);

    // then
    expect(response.key).toMatch(/^\d+$/);
    expect(response.processes).toEqual([
      expect.objectContaining({
        bpmnProcessId: fixture.id('Process_OneTask'),
        version: 1,
        resourceName: 'one-task.bpmn',
      }),
    ]);
  });
});
