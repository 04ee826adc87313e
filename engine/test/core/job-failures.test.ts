import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activate,
  activateOne,
  create,
  createCoreDatabase,
  deploy,
  eventually,
  ManualClock,
  oneTaskProcess,
  openCoreEngine,
} from './core-support.ts';

describe('failing jobs, retries, incidents and timeouts', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;
  let n = 0;

  async function startWith(type: string) {
    n += 1;
    const processId = `fail_${n}`;
    await deploy(engine.service, `${processId}.bpmn`, oneTaskProcess(processId, type));
    const created = await create(engine.service, processId);
    return { processId, created, job: await activateOne(engine.service, type) };
  }

  beforeAll(async () => {
    engine = await openCoreEngine(await createCoreDatabase('job_failures'), clock);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('makes a failed job with retries left activatable again with the new retries', async () => {
    // given
    const { job } = await startWith('retry-now');
    // when
    await engine.service.failJob({
      jobKey: job.key,
      retries: 2,
      errorMessage: 'registry down',
      retryBackOff: 0,
      variables: '{"attempt": 1}',
    });
    // then
    const again = await activateOne(engine.service, 'retry-now');
    expect(again.key).toBe(job.key);
    expect(again.retries).toBe(2);
    expect(JSON.parse(again.variables)).toEqual({ attempt: 1 });
  });

  it('holds a job back during its retry backoff and rejects completing it', async () => {
    // given
    const { job } = await startWith('backoff');
    // when
    await engine.service.failJob({
      jobKey: job.key,
      retries: 1,
      errorMessage: '',
      retryBackOff: 1500,
      variables: '',
    });
    // then
    expect(await activate(engine.service, 'backoff')).toEqual([]);
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({
      rejection: 'INVALID_STATE',
    });
    clock.advance(1500);
    const again = await eventually(() => activateOne(engine.service, 'backoff'));
    expect(again.key).toBe(job.key);
  });

  it('raises a JOB_NO_RETRIES incident that resolves only after the retries are raised', async () => {
    // given
    const { created, job } = await startWith('no-retries');
    // when
    await engine.service.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'gave up',
      retryBackOff: 0,
      variables: '',
    });
    // then
    expect(await activate(engine.service, 'no-retries')).toEqual([]);
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({
      rejection: 'INVALID_STATE',
    });
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
      state: 'ACTIVE',
    });
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'gave up',
      jobKey: job.key,
      elementId: 'Task',
    });
    const incidentKey = incident?.key ?? '';
    await expect(engine.service.resolveIncident(incidentKey)).rejects.toMatchObject({
      rejection: 'NOT_FOUND',
    });
    await expect(engine.service.updateJobRetries(job.key, 0)).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
    await engine.service.updateJobRetries(job.key, 1);
    expect(await activate(engine.service, 'no-retries')).toEqual([]);
    await engine.service.resolveIncident(incidentKey);
    const again = await activateOne(engine.service, 'no-retries');
    expect(again.retries).toBe(1);
    expect(
      await engine.inspector.listIncidents({
        processInstanceKey: created.processInstanceKey,
        state: 'ACTIVE',
      }),
    ).toEqual([]);
  });

  it('uses a default incident message when the worker gave none', async () => {
    const { created, job } = await startWith('no-message');
    await engine.service.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: '',
      retryBackOff: 0,
      variables: '',
    });
    const [incident] = await engine.inspector.listIncidents({
      processInstanceKey: created.processInstanceKey,
    });
    expect(incident?.errorMessage).toBe('No more retries left.');
  });

  it('hands a timed-out job out again with the same retries', async () => {
    // given
    const { job } = await startWith('timeout');
    // when
    clock.advance(60_001);
    // then
    const again = await eventually(() => activateOne(engine.service, 'timeout', { timeout: 1000 }));
    expect(again).toMatchObject({ key: job.key, retries: 3, deadline: clock.now() + 1000 });
  });

  it('extends the deadline of an activated job and rejects it for a job that is not activated', async () => {
    // given
    const { job } = await startWith('extend');
    // when
    await engine.service.updateJobTimeout(job.key, 120_000);
    clock.advance(60_001);
    await new Promise((resolve) => setTimeout(resolve, 250));
    // then
    expect(await activate(engine.service, 'extend')).toEqual([]);
    await engine.service.failJob({
      jobKey: job.key,
      retries: 3,
      errorMessage: '',
      retryBackOff: 0,
      variables: '',
    });
    await expect(engine.service.updateJobTimeout(job.key, 1000)).rejects.toMatchObject({
      rejection: 'INVALID_STATE',
    });
    await expect(engine.service.updateJobTimeout('2251799813685248', 1000)).rejects.toMatchObject({
      rejection: 'NOT_FOUND',
    });
  });

  it('rejects invalid activation requests', async () => {
    const request = {
      type: 'x',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
      tenantIds: [],
    };
    await expect(engine.service.activateJobs({ ...request, maxJobsToActivate: 0 })).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
    await expect(engine.service.activateJobs({ ...request, timeout: 0 })).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
    await expect(engine.service.activateJobs({ ...request, type: '' })).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
    await expect(engine.service.activateJobs({ ...request, tenantIds: ['other'] })).rejects.toMatchObject({
      rejection: 'INVALID_ARGUMENT',
    });
  });

  it('cancels an instance: its job is gone and cancelling again is NOT_FOUND', async () => {
    const { created, job } = await startWith('cancel');
    await engine.service.cancelProcessInstance(created.processInstanceKey);
    await expect(engine.service.completeJob(job.key, '')).rejects.toMatchObject({ rejection: 'NOT_FOUND' });
    await expect(engine.service.cancelProcessInstance(created.processInstanceKey)).rejects.toMatchObject({
      rejection: 'NOT_FOUND',
    });
    expect((await engine.inspector.getProcessInstance(created.processInstanceKey))?.state).toBe('TERMINATED');
  });
});
