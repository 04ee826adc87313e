import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activate,
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  eventually,
  flow,
  ManualClock,
  openCoreEngine,
  serviceTask,
} from './core-support.ts';

const timerBoundary = (id: string, interrupting: boolean, definition: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="Task" cancelActivity="${interrupting}"><bpmn:timerEventDefinition>${definition}</bpmn:timerEventDefinition></bpmn:boundaryEvent>`;

const errorBoundary = (id: string, host: string, errorRef?: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${host}"><bpmn:errorEventDefinition${errorRef ? ` errorRef="${errorRef}"` : ''}/></bpmn:boundaryEvent>`;

describe('timers and error events', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createCoreDatabase('boundary_events');
    engine = await openCoreEngine(databaseUrl, clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('interrupts a task with a timer boundary: the job is gone and the timeout path runs', async () => {
    await deploy(
      engine.service,
      'timeout.bpmn',
      bpmn(
        'timeout',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('Task', 'slow') +
          timerBoundary('Late', true, '<bpmn:timeDuration>PT1S</bpmn:timeDuration>') +
          serviceTask('Escalate', 'escalate') +
          flow('F1', 'Start', 'Task') +
          flow('F2', 'Late', 'Escalate'),
      ),
    );
    await create(engine.service, 'timeout');
    const job = await activateOne(engine.service, 'slow');
    clock.advance(1000);
    await eventually(() => activateOne(engine.service, 'escalate'));
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
  });

  it('fires a non-interrupting cycle boundary repeatedly while the task stays completable', async () => {
    await deploy(
      engine.service,
      'remind.bpmn',
      bpmn(
        'remind',
        '<bpmn:startEvent id="Start"/>' +
          serviceTask('Task', 'remind-task') +
          timerBoundary('Remind', false, '<bpmn:timeCycle>R2/PT1S</bpmn:timeCycle>') +
          serviceTask('Reminder', 'reminder') +
          flow('F1', 'Start', 'Task') +
          flow('F2', 'Remind', 'Reminder'),
      ),
    );
    await create(engine.service, 'remind');
    const job = await activateOne(engine.service, 'remind-task');
    clock.advance(1000);
    await eventually(() => activateOne(engine.service, 'reminder'));
    clock.advance(1000);
    await eventually(() => activateOne(engine.service, 'reminder'));
    clock.advance(5000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await activate(engine.service, 'reminder')).toEqual([]);
    await engine.service.completeJob(job.key, '');
  });

  it('terminates a whole sub-process when its interrupting timer fires, cancelling the inner jobs', async () => {
    await deploy(
      engine.service,
      'subtimer.bpmn',
      bpmn(
        'subtimer',
        '<bpmn:startEvent id="Start"/><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart"/><bpmn:parallelGateway id="Fork"/>' +
          serviceTask('A', 'subtimer-a') +
          serviceTask('B', 'subtimer-b') +
          flow('S1', 'SubStart', 'Fork') +
          flow('S2', 'Fork', 'A') +
          flow('S3', 'Fork', 'B') +
          '</bpmn:subProcess>' +
          '<bpmn:boundaryEvent id="Deadline" attachedToRef="Sub"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>' +
          serviceTask('Expired', 'subtimer-expired') +
          flow('F1', 'Start', 'Sub') +
          flow('F2', 'Deadline', 'Expired'),
      ),
    );
    const created = await create(engine.service, 'subtimer');
    const a = await activateOne(engine.service, 'subtimer-a');
    clock.advance(24 * 3_600_000);
    await eventually(() => activateOne(engine.service, 'subtimer-expired'));
    await expect(engine.service.completeJob(a.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    expect(await activate(engine.service, 'subtimer-b')).toEqual([]);
    const states = (await engine.inspector.getProcessInstance(created.processInstanceKey))?.elements.map(
      (e) => [e.elementId, e.state],
    );
    expect(states).toEqual(
      expect.arrayContaining([
        ['Sub', 'TERMINATED'],
        ['A', 'TERMINATED'],
        ['B', 'TERMINATED'],
        ['Deadline', 'COMPLETED'],
      ]),
    );
  });

  it('waits at an intermediate timer across a restart', async () => {
    await deploy(
      engine.service,
      'wait.bpmn',
      bpmn(
        'wait',
        '<bpmn:startEvent id="Start"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>=duration</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>' +
          serviceTask('After', 'after-wait') +
          flow('F1', 'Start', 'Wait') +
          flow('F2', 'Wait', 'After'),
      ),
    );
    await create(engine.service, 'wait', '{"duration": "PT10M"}');
    await engine.close();
    engine = await openCoreEngine(databaseUrl, clock);
    expect(await activate(engine.service, 'after-wait')).toEqual([]);
    clock.advance(10 * 60 * 1000);
    await eventually(() => activateOne(engine.service, 'after-wait'));
  });

  it('rejects an invalid static timer at deploy', async () => {
    const broken = bpmn(
      'badtimer',
      '<bpmn:startEvent id="Start"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>soon</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>' +
        flow('F1', 'Start', 'Wait'),
    );
    await expect(deploy(engine.service, 'badtimer.bpmn', broken)).rejects.toThrow(/Element 'Wait'/);
  });

  const errorProcess = (id: string, boundaries: string, extra = '') =>
    bpmn(
      id,
      '<bpmn:startEvent id="Start"/>' +
        serviceTask('Task', `${id}-task`) +
        boundaries +
        serviceTask('Exact', `${id}-exact`) +
        serviceTask('Any', `${id}-any`) +
        flow('F1', 'Start', 'Task') +
        flow('F2', 'CatchExact', 'Exact') +
        flow('F3', 'CatchAll', 'Any'),
      '<bpmn:error id="Err_Exact" errorCode="NOT_FOUND"/>' + extra,
    );

  it('catches a thrown error at the boundary with the exact code before the catch-all, with its variables', async () => {
    await deploy(
      engine.service,
      'errors.bpmn',
      errorProcess(
        'errors',
        errorBoundary('CatchAll', 'Task') + errorBoundary('CatchExact', 'Task', 'Err_Exact'),
      ),
    );
    await create(engine.service, 'errors');
    const job = await activateOne(engine.service, 'errors-task');
    await engine.service.throwError({
      jobKey: job.key,
      errorCode: 'NOT_FOUND',
      errorMessage: 'no such person',
      variables: '{"reason": "unknown id"}',
    });
    const exact = await activateOne(engine.service, 'errors-exact');
    expect(JSON.parse(exact.variables)).toEqual({ reason: 'unknown id' });
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    await create(engine.service, 'errors');
    const second = await activateOne(engine.service, 'errors-task');
    await engine.service.throwError({
      jobKey: second.key,
      errorCode: 'OTHER',
      errorMessage: '',
      variables: '',
    });
    expect(await activate(engine.service, 'errors-any')).toHaveLength(1);
  });

  it('raises UNHANDLED_ERROR_EVENT for an uncaught error; resolving makes the job activatable with its retries', async () => {
    await deploy(engine.service, 'uncaught.bpmn', oneTask('uncaught'));
    const created = await create(engine.service, 'uncaught');
    const job = await activateOne(engine.service, 'uncaught-task');
    await engine.service.throwError({
      jobKey: job.key,
      errorCode: 'BOOM',
      errorMessage: 'exploded',
      variables: '',
    });
    expect(await activate(engine.service, 'uncaught-task')).toEqual([]);
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({
      rejection: 'INVALID_STATE',
    });
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
      state: 'ACTIVE',
    });
    expect(incident?.errorType).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident?.errorMessage).toContain("'BOOM'");
    await engine.service.resolveIncident(incident?.key ?? '');
    expect((await activateOne(engine.service, 'uncaught-task')).retries).toBe(3);
  });

  it('catches an error end event of a sub-process at the sub-process boundary', async () => {
    await deploy(
      engine.service,
      'suberror.bpmn',
      bpmn(
        'suberror',
        '<bpmn:startEvent id="Start"/><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart"/>' +
          '<bpmn:endEvent id="Fail"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:endEvent>' +
          flow('S1', 'SubStart', 'Fail') +
          '</bpmn:subProcess>' +
          errorBoundary('Caught', 'Sub', 'Err') +
          serviceTask('Handle', 'suberror-handle') +
          flow('F1', 'Start', 'Sub') +
          flow('F2', 'Caught', 'Handle'),
        '<bpmn:error id="Err" errorCode="INVALID"/>',
      ),
    );
    const created = await create(engine.service, 'suberror');
    await activateOne(engine.service, 'suberror-handle');
    const view = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(view?.elements.find((element) => element.elementId === 'Sub')?.state).toBe('TERMINATED');
  });
});

function oneTask(id: string) {
  return bpmn(
    id,
    '<bpmn:startEvent id="Start"/>' + serviceTask('Task', `${id}-task`) + flow('F1', 'Start', 'Task'),
  );
}
