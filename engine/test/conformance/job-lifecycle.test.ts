import { status } from '@grpc/grpc-js';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, expectNoJobs, rejection, sleep, waitForJob } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 20 and 23–25: completing and failing jobs, retries, incidents.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_job_lifecycle');
});
afterAll(() => engine?.stop());

describe.each(CLIENT_NAMES)('job lifecycle through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  /** Deploys one-task.bpmn, starts an instance and activates its job. */
  async function activatedWorkJob(label: string) {
    const fixture = uniqueFixture('one-task.bpmn', tag(label));
    await client.deploy('one-task.bpmn', fixture.bytes);
    const instance = await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
    const job = await waitForJob(client, { type: fixture.type('work') });
    return { fixture, instance, job, type: fixture.type('work') };
  }

  it.concurrent(
    '20: passes completion variables to the next job, and rejects a second completion as NOT_FOUND',
    async () => {
      // given
      const fixture = uniqueFixture('two-tasks.bpmn', tag('c20'));
      await client.deploy('two-tasks.bpmn', fixture.bytes);
      await client.createInstance({
        bpmnProcessId: fixture.id('Process_TwoTasks'),
        variables: { applicant: 'Han Meimei' },
      });
      const first = await waitForJob(client, { type: fixture.type('first') });

      // when
      await client.completeJob(first.key, { approved: true, score: 87 });
      const second = await waitForJob(client, { type: fixture.type('second') });

      // then
      expect(second.variables).toEqual({ applicant: 'Han Meimei', approved: true, score: 87 });
      expect(await rejection(client.completeJob(first.key))).toBe(status.NOT_FOUND);
    },
  );

  it.concurrent(
    '23: reactivates a job failed with retries left, and raises JOB_NO_RETRIES when none are left',
    async () => {
      // given
      const { instance, job, type } = await activatedWorkJob('c23');

      // when
      await client.failJob({ jobKey: job.key, retries: 2, errorMessage: 'registry timed out' });
      const again = await waitForJob(client, { type });
      await client.failJob({ jobKey: again.key, retries: 0, errorMessage: 'registry rejected the request' });

      // then
      expect(again).toMatchObject({ key: job.key, retries: 2 });
      await expectNoJobs(client, type, 500);
      expect(await rejection(client.completeJob(job.key))).toBe(status.FAILED_PRECONDITION);
      const incidents = await eventually(
        () =>
          engine.inspector.listIncidents({
            processInstanceKey: instance.processInstanceKey,
            state: 'ACTIVE',
          }),
        (found) => found.length > 0,
      );
      expect(incidents).toEqual([
        expect.objectContaining({
          errorType: 'JOB_NO_RETRIES',
          errorMessage: 'registry rejected the request',
          elementId: 'Task_Work',
          jobKey: job.key,
        }),
      ]);
    },
  );

  it.concurrent(
    '24: keeps a job failed with a retry back-off away from workers until the back-off ends',
    async () => {
      // given
      const { job, type } = await activatedWorkJob('c24');

      // when
      const failedAt = Date.now();
      await client.failJob({ jobKey: job.key, retries: 1, errorMessage: 'try later', retryBackOff: 1_500 });

      // then
      expect(await rejection(client.completeJob(job.key))).toBe(status.FAILED_PRECONDITION);
      expect(await client.activateJobs({ type, requestTimeout: -1 })).toEqual([]);
      const again = await waitForJob(client, { type, within: 5_000 });
      expect(again).toMatchObject({ key: job.key, retries: 1 });
      expect(Date.now() - failedAt).toBeGreaterThanOrEqual(1_450);
    },
  );

  it.concurrent(
    '25: resolves a no-retries incident only after UpdateJobRetries, then the job is activatable again',
    async () => {
      // given
      const { instance, job, type } = await activatedWorkJob('c25');
      await client.failJob({ jobKey: job.key, retries: 0, errorMessage: 'out of retries' });
      const [incident] = await eventually(
        () =>
          engine.inspector.listIncidents({
            processInstanceKey: instance.processInstanceKey,
            state: 'ACTIVE',
          }),
        (found) => found.length > 0,
      );
      const incidentKey = incident?.key ?? '';

      // when
      const resolvedTooEarly = await rejection(client.resolveIncident(incidentKey));
      const zeroRetries = await rejection(client.updateJobRetries(job.key, 0));
      await client.updateJobRetries(job.key, 1);
      await sleep(100);
      await client.resolveIncident(incidentKey);

      // then
      expect(resolvedTooEarly).toBe(status.NOT_FOUND);
      expect(zeroRetries).toBe(status.INVALID_ARGUMENT);
      expect(await waitForJob(client, { type })).toMatchObject({ key: job.key, retries: 1 });
      const resolved = await engine.inspector.listIncidents({
        processInstanceKey: instance.processInstanceKey,
      });
      expect(resolved).toEqual([expect.objectContaining({ key: incidentKey, state: 'RESOLVED' })]);
    },
  );
});

describe('UpdateJobTimeout through the Camunda 8 SDK (not in the 8.3.2 proto)', () => {
  it('moves an activated job’s deadline, and rejects an unknown job as NOT_FOUND', async () => {
    // given
    const client = connect('camunda8-sdk', engine.address);
    const fixture = uniqueFixture('one-task.bpmn', 'sdk-update-timeout');
    await client.deploy('one-task.bpmn', fixture.bytes);
    await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
    const job = await waitForJob(client, { type: fixture.type('work'), timeout: 1_000 });
    const zbc = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    }).getZeebeGrpcApiClient();

    // when
    await zbc.updateJobTimeout({ jobKey: job.key, timeout: 60_000 });
    const unknown = await rejection(zbc.updateJobTimeout({ jobKey: '2251799813999999', timeout: 60_000 }));

    // then
    expect(unknown).toBe(status.NOT_FOUND);
    await expectNoJobs(client, fixture.type('work'), 2_500);
    await client.completeJob(job.key);
    await Promise.all([client.close(), zbc.close(1_000)]);
  });
});
