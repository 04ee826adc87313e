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

describe('recovery of running instances after a restart', () => {
  let databaseUrl: string;
  let engine: OpenedEngine;

  beforeAll(async () => {
    databaseUrl = await createCoreDatabase('recovery');
    engine = await openCoreEngine(databaseUrl);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('continues a half-joined fork, a half-done multi-instance and a waiting called process', async () => {
    // given
    await deploy(
      engine.service,
      'callee.bpmn',
      bpmn(
        'callee',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('CalleeTask', 'rec-callee') +
          flow('F1', 'Start', 'CalleeTask'),
      ),
    );
    await deploy(
      engine.service,
      'recover.bpmn',
      bpmn(
        'recover',
        '<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/><bpmn:parallelGateway id="Join"/>' +
          '<bpmn:serviceTask id="Each"><bpmn:extensionElements><zeebe:taskDefinition type="rec-each"/></bpmn:extensionElements>' +
          '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="out" outputElement="=item * 2"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>' +
          '<bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="callee"/></bpmn:extensionElements></bpmn:callActivity>' +
          serviceTask('Quick', 'rec-quick') +
          serviceTask('Final', 'rec-final') +
          flow('F0', 'Start', 'Fork') +
          flow('F1', 'Fork', 'Each') +
          flow('F2', 'Fork', 'Call') +
          flow('F3', 'Fork', 'Quick') +
          flow('F4', 'Each', 'Join') +
          flow('F5', 'Call', 'Join') +
          flow('F6', 'Quick', 'Join') +
          flow('F7', 'Join', 'Final'),
      ),
    );
    const created = await create(engine.service, 'recover', '{"items": [1, 2, 3]}');
    await engine.service.completeJob((await activateOne(engine.service, 'rec-quick')).key, '');
    const [firstItem] = await activate(engine.service, 'rec-each', { max: 1 });
    await engine.service.completeJob(firstItem?.key ?? '', '');
    // when
    await engine.close();
    engine = await openCoreEngine(databaseUrl);
    // then
    const remaining = await activate(engine.service, 'rec-each');
    expect(remaining.map((job) => JSON.parse(job.variables).item)).toEqual([2, 3]);
    for (const job of remaining) await engine.service.completeJob(job.key, '');
    expect(await activate(engine.service, 'rec-final')).toEqual([]);
    await engine.service.completeJob(
      (await activateOne(engine.service, 'rec-callee')).key,
      '{"fromChild": "c"}',
    );
    const final = await activateOne(engine.service, 'rec-final');
    expect(JSON.parse(final.variables)).toMatchObject({ out: [2, 4, 6], fromChild: 'c' });
    await engine.service.completeJob(final.key, '');
    expect((await engine.inspector.getProcessInstance(created.processInstanceKey))?.state).toBe('COMPLETED');
  });

  it('keeps incidents and resolves them after a restart', async () => {
    await deploy(
      engine.service,
      'rec_incident.bpmn',
      bpmn(
        'rec_incident',
        '<bpmn:startEvent id="Start"/>' + serviceTask('Task', 'rec-incident') + flow('F1', 'Start', 'Task'),
      ),
    );
    const created = await create(engine.service, 'rec_incident');
    const job = await activateOne(engine.service, 'rec-incident');
    await engine.service.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'down',
      retryBackOff: 0,
      variables: '',
    });
    await engine.close();
    engine = await openCoreEngine(databaseUrl);
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
      state: 'ACTIVE',
    });
    await engine.service.updateJobRetries(job.key, 2);
    await engine.service.resolveIncident(incident?.key ?? '');
    expect((await activateOne(engine.service, 'rec-incident')).retries).toBe(2);
  });
});
