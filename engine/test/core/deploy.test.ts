import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  flow,
  oneTaskProcess,
  openCoreEngine,
} from './core-support.ts';

describe('deploying BPMN resources', () => {
  let engine: OpenedEngine;

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('deploy'));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('returns the existing version for the same bytes and name, with a new deployment key', async () => {
    const first = await deploy(engine.service, 'same.bpmn', oneTaskProcess('same', 't'));
    const second = await deploy(engine.service, 'same.bpmn', oneTaskProcess('same', 't'));
    expect(second.processes[0]).toEqual(first.processes[0]);
    expect(second.key).not.toBe(first.key);
  });

  it('compares only with the latest version (A, B, A gives version 3)', async () => {
    await deploy(engine.service, 'abc.bpmn', oneTaskProcess('abc', 'a'));
    await deploy(engine.service, 'abc.bpmn', oneTaskProcess('abc', 'b'));
    const third = await deploy(engine.service, 'abc.bpmn', oneTaskProcess('abc', 'a'));
    expect(third.processes[0]?.version).toBe(3);
    const created = await create(engine.service, 'abc');
    expect(created.version).toBe(3);
  });

  it('gives a new version for the same bytes under another name', async () => {
    await deploy(engine.service, 'one.bpmn', oneTaskProcess('renamed', 't'));
    const other = await deploy(engine.service, 'two.bpmn', oneTaskProcess('renamed', 't'));
    expect(other.processes[0]?.version).toBe(2);
  });

  it('rejects a service task without a type, naming the element, and deploys nothing', async () => {
    const broken = bpmn(
      'broken',
      '<bpmn:startEvent id="Start"/><bpmn:serviceTask id="Task_NoType"/>' +
        flow('F1', 'Start', 'Task_NoType'),
    );
    const error = await deploy(engine.service, 'broken.bpmn', broken).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ rejection: 'INVALID_ARGUMENT' });
    expect(String(error)).toContain("'broken.bpmn': Element 'Task_NoType'");
    await expect(create(engine.service, 'broken')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
  });

  it('reports every problem of a resource in one rejection', async () => {
    const broken = bpmn(
      'many',
      '<bpmn:startEvent id="Start"/><bpmn:serviceTask id="A"/><bpmn:complexGateway id="G"/><bpmn:endEvent id="End"/>' +
        flow('F1', 'Start', 'A') +
        flow('F2', 'A', 'End', '=x > 1'),
    );
    const error = String(
      await deploy(engine.service, 'many.bpmn', broken).catch((caught: unknown) => caught),
    );
    expect(error).toContain("Element 'A'");
    expect(error).toContain("Element 'G'");
    expect(error).toContain("Element 'F2'");
  });

  it('rejects hostile and unknown documents', async () => {
    const doctype = new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>');
    await expect(deploy(engine.service, 'doctype.bpmn', doctype)).rejects.toThrow(/DOCTYPE/);
    await expect(
      deploy(engine.service, 'huge.bpmn', new Uint8Array(4 * 1024 * 1024 + 1)),
    ).rejects.toMatchObject({ rejection: 'INVALID_ARGUMENT' });
    await expect(
      deploy(engine.service, 'ctl.bpmn', new TextEncoder().encode('<x>\u0001</x>')),
    ).rejects.toThrow(/characters/);
    await expect(
      deploy(engine.service, 'broken.bpmn', new TextEncoder().encode('<bpmn:definitions')),
    ).rejects.toMatchObject({ rejection: 'INVALID_ARGUMENT' });
    await expect(deploy(engine.service, 'x.txt', oneTaskProcess('txt', 't'))).rejects.toThrow(/unknown/);
    await expect(deploy(engine.service, 'x.dmn', oneTaskProcess('dmn', 't'))).rejects.toThrow(
      /not supported/,
    );
    await expect(engine.service.deploy([], '')).rejects.toMatchObject({ rejection: 'INVALID_ARGUMENT' });
  });

  it('rejects the same process id in two resources of one deployment', async () => {
    const resources = [
      { name: 'a.bpmn', content: oneTaskProcess('twice', 'a') },
      { name: 'b.bpmn', content: oneTaskProcess('twice', 'b') },
    ];
    await expect(engine.service.deploy(resources, '')).rejects.toThrow(/Duplicated process id/);
  });

  it('rejects unsupported elements with the element id', async () => {
    const compensation = bpmn(
      'comp',
      '<bpmn:startEvent id="Start"/><bpmn:intermediateThrowEvent id="Comp"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>' +
        flow('F', 'Start', 'Comp'),
    );
    await expect(deploy(engine.service, 'comp.bpmn', compensation)).rejects.toThrow(
      /Element 'Comp'.*compensation/,
    );
    const reserved = oneTaskProcess(
      'reserved',
      't',
      '<zeebe:taskHeaders><zeebe:header key="io.camunda.zeebe:x" value="1"/></zeebe:taskHeaders>',
    );
    await expect(deploy(engine.service, 'reserved.bpmn', reserved)).rejects.toThrow(/reserved prefix/);
  });

  it('resolves a process by key, by exact version, and rejects unknown ones', async () => {
    const deployed = await deploy(engine.service, 'bykey.bpmn', oneTaskProcess('bykey', 't'));
    const key = deployed.processes[0]?.processDefinitionKey ?? '';
    const byKey = await engine.service.createProcessInstance({
      bpmnProcessId: '',
      version: -1,
      processDefinitionKey: key,
      variables: '',
      startInstructions: [],
      tenantId: '',
    });
    expect(byKey.bpmnProcessId).toBe('bykey');
    const request = {
      bpmnProcessId: 'bykey',
      processDefinitionKey: '',
      variables: '',
      startInstructions: [],
      tenantId: '',
    };
    await expect(engine.service.createProcessInstance({ ...request, version: 0 })).rejects.toMatchObject({
      rejection: 'NOT_FOUND',
    });
    await expect(engine.service.createProcessInstance({ ...request, version: 9 })).rejects.toMatchObject({
      rejection: 'NOT_FOUND',
    });
    await expect(engine.service.createProcessInstance({ ...request, version: 1 })).resolves.toMatchObject({
      version: 1,
    });
    await expect(
      engine.service.createProcessInstance({ ...request, bpmnProcessId: 'unknown', version: -1 }),
    ).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    await expect(
      engine.service.createProcessInstance({ ...request, bpmnProcessId: '', version: -1 }),
    ).rejects.toMatchObject({ rejection: 'INVALID_ARGUMENT' });
  });

  it('refuses to create an instance of a process without a none start event', async () => {
    const messageOnly = bpmn(
      'msg_start',
      '<bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="M"/></bpmn:startEvent><bpmn:endEvent id="End"/>' +
        flow('F', 'Start', 'End'),
      '<bpmn:message id="M" name="go"/>',
    );
    await deploy(engine.service, 'msg.bpmn', messageOnly);
    await expect(create(engine.service, 'msg_start')).rejects.toMatchObject({ rejection: 'INVALID_STATE' });
  });
});
