import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activate,
  activateOne,
  create,
  createCoreDatabase,
  deploy,
  oneTaskProcess,
  openCoreEngine,
} from './core-support.ts';

describe('a process with one service task', () => {
  let databaseUrl: string;
  let engine: OpenedEngine;

  beforeAll(async () => {
    databaseUrl = await createCoreDatabase('service_task');
    engine = await openCoreEngine(databaseUrl);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('deploys version 1 with a key on partition 1', async () => {
    // when
    const result = await deploy(engine.service, 'orders/one-task.bpmn', oneTaskProcess('one_task', 'charge'));
    // then
    const [process] = result.processes;
    expect(process).toMatchObject({
      bpmnProcessId: 'one_task',
      version: 1,
      resourceName: 'orders/one-task.bpmn',
      tenantId: '<default>',
    });
    expect(BigInt(process?.processDefinitionKey ?? '0') >> 51n).toBe(1n);
    expect(BigInt(result.key)).toBeGreaterThan(BigInt(process?.processDefinitionKey ?? '0'));
  });

  it('hands the job to a worker with the instance variables and announces it', async () => {
    // given
    await deploy(engine.service, 'announce.bpmn', oneTaskProcess('announce', 'announce-type'));
    const announced: string[] = [];
    const stop = engine.service.onJobsAvailable((type) => announced.push(type));
    // when
    const created = await create(
      engine.service,
      'announce',
      '{"amount": 12345678901234567890, "name": "Li"}',
    );
    stop();
    const job = await activateOne(engine.service, 'announce-type', { timeout: 5000 });
    // then
    expect(announced).toContain('announce-type');
    expect(job).toMatchObject({
      type: 'announce-type',
      bpmnProcessId: 'announce',
      elementId: 'Task',
      processInstanceKey: created.processInstanceKey,
      retries: 3,
      worker: 'test-worker',
      customHeaders: '{}',
    });
    expect(job.variables).toBe('{"amount":12345678901234567890,"name":"Li"}');
    expect(await activate(engine.service, 'announce-type')).toEqual([]);
  });

  it('completes the instance when the job completes, keeping the job variables', async () => {
    // given
    await deploy(engine.service, 'complete.bpmn', oneTaskProcess('complete_me', 'complete-type'));
    const created = await create(engine.service, 'complete_me', '{"a": 1}');
    const job = await activateOne(engine.service, 'complete-type');
    // when
    await engine.service.completeJob(job.key, '{"b": 2}');
    // then
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.state).toBe('COMPLETED');
    expect(view?.variables[created.processInstanceKey]).toEqual({ a: 1, b: 2 });
    expect(view?.elements.map((element) => [element.elementId, element.state])).toEqual([
      ['complete_me', 'COMPLETED'],
      ['Start', 'COMPLETED'],
      ['Task', 'COMPLETED'],
      ['End', 'COMPLETED'],
    ]);
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
  });

  it('rejects variables that are not a JSON object', async () => {
    await deploy(engine.service, 'reject.bpmn', oneTaskProcess('reject_vars', 'reject-type'));
    await expect(create(engine.service, 'reject_vars', '[1]')).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
    await expect(create(engine.service, 'reject_vars', '{bad')).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
  });

  it('keeps a waiting job and never repeats keys across a restart', async () => {
    // given
    await deploy(engine.service, 'restart.bpmn', oneTaskProcess('restart_me', 'restart-type'));
    const before = await create(engine.service, 'restart_me', '{"x": "kept"}');
    // when
    await engine.close();
    engine = await openCoreEngine(databaseUrl);
    const job = await activateOne(engine.service, 'restart-type');
    const after = await create(engine.service, 'restart_me');
    // then
    expect(job.processInstanceKey).toBe(before.processInstanceKey);
    expect(job.variables).toBe('{"x":"kept"}');
    expect(BigInt(after.processInstanceKey)).toBeGreaterThan(BigInt(job.key));
    await engine.service.completeJob(job.key, '');
    expect((await engine.inspector.getProcessInstance(before.processInstanceKey))?.state).toBe('COMPLETED');
  });
});
