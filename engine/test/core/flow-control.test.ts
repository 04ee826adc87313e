import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activate,
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  flow,
  openCoreEngine,
  serviceTask,
} from './core-support.ts';

describe('gateways, sub-processes and end events', () => {
  let engine: OpenedEngine;

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('flow_control'));
  });
  afterAll(async () => {
    await engine.close();
  });

  const exclusive = (id: string, conditions: { a?: string; b?: string }, withDefault: boolean) =>
    bpmn(
      id,
      `<bpmn:startEvent id="Start"/><bpmn:exclusiveGateway id="Gateway"${withDefault ? ' default="F_default"' : ''}/>` +
        serviceTask('A', `${id}-a`) +
        serviceTask('B', `${id}-b`) +
        serviceTask('D', `${id}-d`) +
        flow('F0', 'Start', 'Gateway') +
        flow('F_a', 'Gateway', 'A', conditions.a) +
        flow('F_b', 'Gateway', 'B', conditions.b) +
        (withDefault ? flow('F_default', 'Gateway', 'D') : ''),
    );

  it('takes the first true condition in XML order, else the default flow', async () => {
    await deploy(engine.service, 'xor.bpmn', exclusive('xor', { a: '=x > 10', b: '=x > 5' }, true));
    await create(engine.service, 'xor', '{"x": 20}');
    await create(engine.service, 'xor', '{"x": 7}');
    await create(engine.service, 'xor', '{"x": 1}');
    expect(await activate(engine.service, 'xor-a')).toHaveLength(1);
    expect(await activate(engine.service, 'xor-b')).toHaveLength(1);
    expect(await activate(engine.service, 'xor-d')).toHaveLength(1);
  });

  it('raises an incident for a condition on a missing variable even with a default flow, and continues after SetVariables + resolve', async () => {
    // given
    await deploy(
      engine.service,
      'xor_missing.bpmn',
      exclusive('xor_missing', { a: '=x > 10', b: '=x > 5' }, true),
    );
    // when
    const created = await create(engine.service, 'xor_missing', '{}');
    // then
    expect(await activate(engine.service, 'xor_missing-d')).toEqual([]);
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
      state: 'ACTIVE',
    });
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'Gateway' });
    await engine.service.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: '{"x": 6}',
      local: false,
    });
    await engine.service.resolveIncident(incident?.key ?? '');
    expect(await activate(engine.service, 'xor_missing-b')).toHaveLength(1);
  });

  it('raises CONDITION_ERROR when no condition is true and there is no default', async () => {
    await deploy(
      engine.service,
      'xor_none.bpmn',
      exclusive('xor_none', { a: '=x > 10', b: '=x > 5' }, false),
    );
    const created = await create(engine.service, 'xor_none', '{"x": 1}');
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
    });
    expect(incident?.errorType).toBe('CONDITION_ERROR');
  });

  it('forks and joins: completing both branches yields exactly one job after the join', async () => {
    // given
    await deploy(
      engine.service,
      'and.bpmn',
      bpmn(
        'and',
        '<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/><bpmn:parallelGateway id="Join"/><bpmn:endEvent id="End"/>' +
          serviceTask('A', 'and-a') +
          serviceTask('B', 'and-b') +
          serviceTask('After', 'and-after') +
          flow('F0', 'Start', 'Fork') +
          flow('F1', 'Fork', 'A') +
          flow('F2', 'Fork', 'B') +
          flow('F3', 'A', 'Join') +
          flow('F4', 'B', 'Join') +
          flow('F5', 'Join', 'After') +
          flow('F6', 'After', 'End'),
      ),
    );
    const created = await create(engine.service, 'and');
    const a = await activateOne(engine.service, 'and-a');
    const b = await activateOne(engine.service, 'and-b');
    // when
    await engine.service.completeJob(a.key, '{"fromA": 1}');
    expect(await activate(engine.service, 'and-after')).toEqual([]);
    await engine.service.completeJob(b.key, '{"fromB": 2}');
    // then
    const after = await activate(engine.service, 'and-after');
    expect(after).toHaveLength(1);
    expect(JSON.parse(after[0]?.variables ?? '{}')).toEqual({ fromA: 1, fromB: 2 });
    await engine.service.completeJob(after[0]?.key ?? '', '');
    expect((await engine.inspector.getProcessInstance(created.processInstanceKey))?.state).toBe('COMPLETED');
  });

  it('runs an embedded sub-process and completes it when its last element ends', async () => {
    await deploy(
      engine.service,
      'sub.bpmn',
      bpmn(
        'sub',
        '<bpmn:startEvent id="Start"/><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart"/>' +
          serviceTask('Inner', 'sub-inner') +
          '<bpmn:endEvent id="SubEnd"/>' +
          flow('S1', 'SubStart', 'Inner') +
          flow('S2', 'Inner', 'SubEnd') +
          '</bpmn:subProcess>' +
          serviceTask('After', 'sub-after') +
          flow('F1', 'Start', 'Sub') +
          flow('F2', 'Sub', 'After'),
      ),
    );
    const created = await create(engine.service, 'sub');
    const inner = await activateOne(engine.service, 'sub-inner');
    await engine.service.completeJob(inner.key, '{"done": true}');
    const after = await activateOne(engine.service, 'sub-after');
    expect(JSON.parse(after.variables)).toEqual({ done: true });
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.elements.find((element) => element.elementId === 'Sub')).toMatchObject({
      elementType: 'SUB_PROCESS',
      state: 'COMPLETED',
    });
  });

  it('ends the other branches at a terminate end event and completes the process', async () => {
    await deploy(
      engine.service,
      'terminate.bpmn',
      bpmn(
        'terminate',
        '<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/>' +
          serviceTask('Slow', 'terminate-slow') +
          '<bpmn:endEvent id="Kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>' +
          flow('F0', 'Start', 'Fork') +
          flow('F1', 'Fork', 'Slow') +
          flow('F2', 'Fork', 'Kill'),
      ),
    );
    const created = await create(engine.service, 'terminate');
    expect(await activate(engine.service, 'terminate-slow')).toEqual([]);
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.state).toBe('COMPLETED');
    expect(view?.elements.find((element) => element.elementId === 'Slow')?.state).toBe('TERMINATED');
  });
});
