import { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../src/index.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { createDatabase } from '../support/test-engine.ts';
import { connect, type ConformanceClient } from '../support/zeebe-clients.ts';

/** Every batch commit is one execution of a prepared statement named engine_commit_<parts>. */
const COMMIT_STATEMENT = 'engine_commit_';
const OUTAGE_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

/**
 * The connection between the engine and PostgreSQL breaks in the middle of a
 * commit (a TCP relay drops it at the commit statement), seen through the
 * Camunda 8 SDK: a commit that landed although its answer was lost counts as
 * done — answered, pushed, awaited results delivered — and one that never
 * reached the server is answered UNAVAILABLE and, retried, happens once.
 */
describe('a commit whose database connection broke', () => {
  let proxy: TcpProxy;
  let engine: RunningEngine;
  let admin: pg.Client;
  /** No client retries: what it gets is what the gateway answered first. */
  let sdk: ConformanceClient;
  /** The SDK as applications run it: UNAVAILABLE is retried. */
  let retrying: Camunda8;

  beforeAll(async () => {
    const directUrl = await createDatabase('lost_commit');
    const direct = new URL(directUrl);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port) });
    engine = await startEngine({
      databaseUrl: proxy.through(directUrl),
      gatewayAddress: '127.0.0.1:0',
      logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
    });
    admin = new pg.Client({ connectionString: directUrl });
    await admin.connect();
    sdk = connect('camunda8-sdk', engine.address);
    retrying = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: {
        ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
        ZEEBE_GRPC_CLIENT_RETRY: true,
        ZEEBE_GRPC_CLIENT_MAX_RETRY_TIMEOUT_SECONDS: 1,
      },
    });
  });
  afterAll(async () => {
    await sdk?.close();
    await retrying?.getZeebeGrpcApiClient().close(2_000);
    await admin?.end();
    await proxy?.restore();
    await engine?.stop();
    await proxy?.cut();
  });

  const jobsOf = async (processInstanceKey: string) =>
    (
      await admin.query<{ element_id: string; state: string; worker: string }>(
        'select element_id, state, worker from engine.history_jobs where process_instance_key = $1 order by key',
        [processInstanceKey],
      )
    ).rows;
  const instancesOf = async (bpmnProcessId: string) =>
    (
      await admin.query<{ key: string; state: string }>(
        'select key::text, state from engine.history_process_instances where bpmn_process_id = $1',
        [bpmnProcessId],
      )
    ).rows;

  it('answers a CompleteJob whose commit landed but whose answer was lost, and pushes the job that commit activated for a stream', async () => {
    // given a stream for the second task's jobs, and an instance at its first task
    const fixture = uniqueFixture('two-tasks.bpmn', 'lost-ack');
    await sdk.deploy('two-tasks.bpmn', fixture.bytes);
    const pushed: { key: string; elementId: string; processInstanceKey: string }[] = [];
    const stream = await retrying.getZeebeGrpcApiClient().streamJobs({
      type: fixture.type('second'),
      worker: 'lost-ack-stream',
      // Far beyond the test: a job lost with its push would come back only after this.
      timeout: 600_000,
      pollInterval: -1,
      tenantIds: [],
      taskHandler: (job) => {
        pushed.push({ key: job.key, elementId: job.elementId, processInstanceKey: job.processInstanceKey });
        return job.complete();
      },
    });
    const firstJob = async () => {
      const [job] = await until(
        () => sdk.activateJobs({ type: fixture.type('first'), maxJobsToActivate: 1 }),
        (jobs) => jobs.length > 0,
      );
      return job?.key ?? '';
    };
    // A probe instance proves the stream is open before the commit that matters.
    await sdk.createInstance({ bpmnProcessId: fixture.id('Process_TwoTasks') });
    await sdk.completeJob(await firstJob());
    await until(
      () => pushed,
      (jobs) => jobs.length === 1,
    );
    const instance = await sdk.createInstance({ bpmnProcessId: fixture.id('Process_TwoTasks') });
    const first = await firstJob();

    // when the server commits the completion, the answer is lost and the database is away for a while
    const fault = proxy.breakNext(COMMIT_STATEMENT, 'drop-reply', { thenCut: true });
    const completing = sdk.completeJob(first, { checked: true }).then(
      () => 'completed',
      (error: unknown) => error,
    );
    await fault;
    await sleep(OUTAGE_MS);
    await proxy.restore();

    // then
    expect(await completing).toBe('completed');
    await until(
      () => pushed,
      (jobs) => jobs.length === 2,
    );
    expect(pushed[1]).toEqual(
      expect.objectContaining({ elementId: 'Task_Second', processInstanceKey: instance.processInstanceKey }),
    );
    const done = await until(
      () => instancesOf(fixture.id('Process_TwoTasks')),
      (rows) => rows.every((row) => row.state === 'COMPLETED'),
    );
    stream.close();
    expect(done).toContainEqual({ key: instance.processInstanceKey, state: 'COMPLETED' });
    expect(done).toHaveLength(2);
    expect(await jobsOf(instance.processInstanceKey)).toEqual([
      { element_id: 'Task_First', state: 'COMPLETED', worker: 'conformance' },
      { element_id: 'Task_Second', state: 'COMPLETED', worker: 'lost-ack-stream' },
    ]);
  });

  it('answers a CreateProcessInstanceWithResult waiter when the completing commit landed but its answer was lost', async () => {
    // given a caller waiting for the result of an instance at its only task
    const fixture = uniqueFixture('one-task.bpmn', 'lost-ack-result');
    await sdk.deploy('one-task.bpmn', fixture.bytes);
    const waiting = sdk.createInstanceWithResult({
      bpmnProcessId: fixture.id('Process_OneTask'),
      variables: { applicant: 'Han Meimei' },
      requestTimeout: 30_000,
    });
    const [job] = await until(
      () => sdk.activateJobs({ type: fixture.type('work'), maxJobsToActivate: 1 }),
      (jobs) => jobs.length > 0,
    );

    // when the completion commits but its answer is lost
    const fault = proxy.breakNext(COMMIT_STATEMENT, 'drop-reply');
    const completing = sdk.completeJob(job?.key ?? '', { approved: true }).then(
      () => 'completed',
      (error: unknown) => error,
    );
    await fault;

    // then
    expect(await completing).toBe('completed');
    const result = await waiting;
    expect(result.variables).toEqual({ applicant: 'Han Meimei', approved: true });
    expect(await instancesOf(fixture.id('Process_OneTask'))).toEqual([
      { key: result.processInstanceKey, state: 'COMPLETED' },
    ]);
  });

  it('applies a CreateProcessInstance once when its statement never reached the server and the client retried', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'lost-request-create');
    await sdk.deploy('one-task.bpmn', fixture.bytes);

    // when the connection breaks before the commit is sent, and the database is away for a while
    const fault = proxy.breakNext(COMMIT_STATEMENT, 'drop-request', { thenCut: true });
    const creating = retrying.getZeebeGrpcApiClient().createProcessInstance({
      bpmnProcessId: fixture.id('Process_OneTask'),
      variables: {},
    });
    await fault;
    await sleep(OUTAGE_MS);
    await proxy.restore();
    const created = await creating;

    // then
    expect(await instancesOf(fixture.id('Process_OneTask'))).toEqual([
      { key: created.processInstanceKey, state: 'ACTIVE' },
    ]);
    const jobs = await sdk.activateJobs({ type: fixture.type('work'), maxJobsToActivate: 10 });
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([created.processInstanceKey]);
  });

  it('applies a CompleteJob once when its statement never reached the server and the client retried', async () => {
    // given
    const fixture = uniqueFixture('two-tasks.bpmn', 'lost-request-complete');
    await sdk.deploy('two-tasks.bpmn', fixture.bytes);
    const instance = await sdk.createInstance({ bpmnProcessId: fixture.id('Process_TwoTasks') });
    const [first] = await until(
      () => sdk.activateJobs({ type: fixture.type('first'), maxJobsToActivate: 1 }),
      (jobs) => jobs.length > 0,
    );

    // when
    const fault = proxy.breakNext(COMMIT_STATEMENT, 'drop-request');
    const completing = retrying
      .getZeebeGrpcApiClient()
      .completeJob({ jobKey: first?.key ?? '', variables: {} });
    await fault;

    // then
    await expect(completing).resolves.toBeDefined();
    const second = await sdk.activateJobs({ type: fixture.type('second'), maxJobsToActivate: 10 });
    expect(second.map((job) => job.processInstanceKey)).toEqual([instance.processInstanceKey]);
    expect(await jobsOf(instance.processInstanceKey)).toEqual([
      { element_id: 'Task_First', state: 'COMPLETED', worker: 'conformance' },
      { element_id: 'Task_Second', state: 'ACTIVATED', worker: 'conformance' },
    ]);
  });
});
