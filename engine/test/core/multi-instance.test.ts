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

const loop = (sequential: boolean, extra = '', completion = '') =>
  `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:extensionElements>` +
  `<zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=result"/>${extra}</bpmn:extensionElements>` +
  (completion
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${completion}</bpmn:completionCondition>`
    : '') +
  '</bpmn:multiInstanceLoopCharacteristics>';

const looped = (id: string, loopXml: string) =>
  bpmn(
    id,
    '<bpmn:startEvent id="Start"/>' +
      `<bpmn:serviceTask id="Each"><bpmn:extensionElements><zeebe:taskDefinition type="${id}-each"/></bpmn:extensionElements>${loopXml}</bpmn:serviceTask>` +
      serviceTask('After', `${id}-after`) +
      flow('F1', 'Start', 'Each') +
      flow('F2', 'Each', 'After'),
  );

describe('multi-instance activities and call activities', () => {
  let engine: OpenedEngine;

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('multi_instance'));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('runs a parallel multi-instance over a list and collects the results in index order', async () => {
    await deploy(engine.service, 'par.bpmn', looped('par', loop(false)));
    await create(engine.service, 'par', '{"items": ["a", "b", "c"]}');
    const jobs = await activate(engine.service, 'par-each');
    expect(
      jobs
        .map((job) => JSON.parse(job.variables) as { item: string; loopCounter: number })
        .map(({ item, loopCounter }) => [item, loopCounter]),
    ).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    for (const job of [...jobs].reverse())
      await engine.service.completeJob(job.key, `{"result": "${JSON.parse(job.variables).item}!"}`);
    const after = await activateOne(engine.service, 'par-after');
    expect(JSON.parse(after.variables)).toEqual({ items: ['a', 'b', 'c'], results: ['a!', 'b!', 'c!'] });
  });

  it('skips the activity for an empty collection', async () => {
    await deploy(engine.service, 'empty.bpmn', looped('empty', loop(false)));
    await create(engine.service, 'empty', '{"items": []}');
    const after = await activateOne(engine.service, 'empty-after');
    expect(JSON.parse(after.variables)).toEqual({ items: [], results: [] });
  });

  it('stops a sequential multi-instance when its completion condition holds', async () => {
    await deploy(
      engine.service,
      'seq.bpmn',
      looped('seq', loop(true, '', '=numberOfCompletedInstances &gt;= 2')),
    );
    await create(engine.service, 'seq', '{"items": [1, 2, 3, 4]}');
    for (let round = 1; round <= 2; round += 1) {
      const [job, ...others] = await activate(engine.service, 'seq-each');
      expect(others).toEqual([]);
      expect(JSON.parse(job?.variables ?? '{}').loopCounter).toBe(round);
      await engine.service.completeJob(job?.key ?? '', '{"result": 0}');
    }
    expect(await activate(engine.service, 'seq-each')).toEqual([]);
    expect(JSON.parse((await activateOne(engine.service, 'seq-after')).variables).results).toEqual([
      0,
      0,
      null,
      null,
    ]);
  });

  it('raises an incident when the input collection is not a list', async () => {
    await deploy(engine.service, 'notlist.bpmn', looped('notlist', loop(false)));
    const created = await create(engine.service, 'notlist', '{"items": "abc"}');
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
    });
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'Each' });
  });

  it('calls a child process with the parent variables and returns its results', async () => {
    await deploy(
      engine.service,
      'child.bpmn',
      bpmn(
        'child',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('ChildTask', 'child-task') +
          flow('F1', 'Start', 'ChildTask'),
      ),
    );
    await deploy(
      engine.service,
      'parent.bpmn',
      bpmn(
        'parent',
        '<bpmn:startEvent id="Start"/><bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>' +
          serviceTask('After', 'parent-after') +
          flow('F1', 'Start', 'Call') +
          flow('F2', 'Call', 'After'),
      ),
    );
    const parent = await create(engine.service, 'parent', '{"applicant": "Li"}');
    const childJob = await activateOne(engine.service, 'child-task');
    expect(JSON.parse(childJob.variables)).toEqual({ applicant: 'Li' });
    expect(childJob.processInstanceKey).not.toBe(parent.processInstanceKey);
    await expect(engine.service.cancelProcessInstance(childJob.processInstanceKey)).rejects.toMatchObject({
      rejection: 'INVALID_STATE',
    });
    await engine.service.completeJob(childJob.key, '{"approved": true}');
    const after = await activateOne(engine.service, 'parent-after');
    expect(JSON.parse(after.variables)).toEqual({ applicant: 'Li', approved: true });
    const child = await engine.inspector.getProcessInstance(childJob.processInstanceKey);
    expect(child).toMatchObject({ state: 'COMPLETED', parentProcessInstanceKey: parent.processInstanceKey });
  });

  it('cancels the child with the parent, and catches a child error at the call activity', async () => {
    await deploy(
      engine.service,
      'child2.bpmn',
      bpmn(
        'child2',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('ChildTask', 'child2-task') +
          flow('F1', 'Start', 'ChildTask'),
      ),
    );
    await deploy(
      engine.service,
      'parent2.bpmn',
      bpmn(
        'parent2',
        '<bpmn:startEvent id="Start"/><bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="child2"/></bpmn:extensionElements></bpmn:callActivity>' +
          '<bpmn:boundaryEvent id="Failed" attachedToRef="Call"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>' +
          serviceTask('Recover', 'parent2-recover') +
          flow('F1', 'Start', 'Call') +
          flow('F2', 'Failed', 'Recover'),
      ),
    );
    const cancelled = await create(engine.service, 'parent2');
    const first = await activateOne(engine.service, 'child2-task');
    await engine.service.cancelProcessInstance(cancelled.processInstanceKey);
    await expect(engine.service.completeJob(first.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    await create(engine.service, 'parent2');
    const second = await activateOne(engine.service, 'child2-task');
    await engine.service.throwError({
      jobKey: second.key,
      errorCode: 'ANY',
      errorMessage: '',
      variables: '',
    });
    expect(await activate(engine.service, 'parent2-recover')).toHaveLength(1);
  });

  it('raises CALLED_ELEMENT_ERROR for a process that is not deployed', async () => {
    await deploy(
      engine.service,
      'orphan.bpmn',
      bpmn(
        'orphan',
        '<bpmn:startEvent id="Start"/><bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="=target"/></bpmn:extensionElements></bpmn:callActivity>' +
          flow('F1', 'Start', 'Call'),
      ),
    );
    const created = await create(engine.service, 'orphan', '{"target": "nowhere"}');
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
    });
    expect(incident).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'Call' });
  });
});
