import { status } from '@grpc/grpc-js';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { expectNoJobs, rejection, sleep, waitForJob, waitForJobs } from '../support/conformance-helpers.ts';
import { RawGatewayClient } from '../support/raw-gateway-client.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ConformanceClient } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 13–19 and 47: job activation, long polling and job push.
let engine: RunningEngine;
let raw: RawGatewayClient;
beforeAll(async () => {
  engine = await startTestEngine('conformance_activation');
  raw = new RawGatewayClient(engine.address);
});
afterAll(async () => {
  raw?.close();
  await engine?.stop();
});

const activation = (type: string, overrides: Record<string, unknown> = {}) => ({
  type,
  worker: 'conformance',
  timeout: '60000',
  maxJobsToActivate: 10,
  requestTimeout: '-1',
  ...overrides,
});

// zeebe-node's activateJobs() never settles on a stream that ends empty or with an
// error (as against real Zeebe), so the empty-poll and validation cases are
// observed on the raw wire, which shows message counts, and through the SDK.
describe('long polling on the wire', () => {
  it.concurrent(
    '13: ends a poll with requestTimeout -1 and no jobs at once, with zero messages',
    async () => {
      // when
      const outcome = await raw.stream('ActivateJobs', activation('c13-none'));

      // then
      expect(outcome).toMatchObject({ code: status.OK, messages: [] });
      expect(outcome.elapsedMs).toBeLessThan(2_000);
    },
  );

  it.concurrent(
    '14: ends a poll with requestTimeout 2000 and no jobs after about 2 s, with zero messages',
    async () => {
      // when
      const outcome = await raw.stream('ActivateJobs', activation('c14-none', { requestTimeout: '2000' }));

      // then
      expect(outcome).toMatchObject({ code: status.OK, messages: [] });
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(1_950);
      expect(outcome.elapsedMs).toBeLessThan(4_000);
    },
  );

  it.concurrent(
    '14: parks a poll with requestTimeout 0 for the 10 s default',
    async () => {
      // when
      const outcome = await raw.stream('ActivateJobs', activation('c14-default', { requestTimeout: '0' }));

      // then
      expect(outcome).toMatchObject({ code: status.OK, messages: [] });
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(9_900);
      expect(outcome.elapsedMs).toBeLessThan(13_000);
    },
    20_000,
  );

  it.concurrent.each([
    ['maxJobsToActivate 0', { maxJobsToActivate: 0 }],
    ['timeout 0', { timeout: '0' }],
    ['an empty type', { type: '' }],
  ])('16: rejects ActivateJobs with %s as INVALID_ARGUMENT', async (_label, overrides) => {
    // when
    const outcome = await raw.stream('ActivateJobs', activation('c16', overrides));

    // then
    expect(outcome).toMatchObject({ code: status.INVALID_ARGUMENT, messages: [] });
  });

  it.concurrent(
    '47: pushes jobs created after a stream opened, one per message; older jobs stay for ActivateJobs',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', 'raw-c47');
      await raw.unary('DeployResource', { resources: [{ name: 'one-task.bpmn', content: fixture.bytes }] });
      const create = () =>
        raw.unary('CreateProcessInstance', { bpmnProcessId: fixture.id('Process_OneTask'), version: -1 });
      await create();
      await sleep(500);
      const pushed: Record<string, unknown>[] = [];
      const stream = raw.stream(
        'StreamActivatedJobs',
        { type: fixture.type('work'), worker: 'pusher', timeout: '30000' },
        {
          onMessage: (job, cancel) => {
            pushed.push(job);
            if (pushed.length === 2) cancel();
          },
        },
      );
      await sleep(300);

      // when
      const before = Date.now();
      await create();
      await create();
      await stream;

      // then
      expect(pushed).toHaveLength(2);
      for (const job of pushed) {
        expect(job).toMatchObject({ type: fixture.type('work'), worker: 'pusher' });
        expect(Number(job['deadline'])).toBeGreaterThanOrEqual(before + 29_000);
      }
      const polled = await raw.stream('ActivateJobs', activation(fixture.type('work')));
      expect(polled.messages).toHaveLength(1);
      expect(polled.messages[0]?.['jobs']).toHaveLength(1);
    },
  );
});

describe('empty and invalid polls through the Camunda 8 SDK', () => {
  const sdk = () =>
    new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    }).getZeebeGrpcApiClient();

  it.concurrent('14: resolves activateJobs with no jobs once the 2 s long poll ends', async () => {
    // given
    const zbc = sdk();
    const started = Date.now();

    // when
    const jobs = await zbc.activateJobs({
      type: 'sdk-c14-none',
      worker: 'sdk',
      maxJobsToActivate: 5,
      timeout: 10_000,
      requestTimeout: 2_000,
    });
    await zbc.close(1_000);

    // then
    expect(jobs).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_950);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it.concurrent('16: rejects activateJobs with maxJobsToActivate 0 as INVALID_ARGUMENT', async () => {
    // given
    const zbc = sdk();

    // when
    const code = await rejection(
      zbc.activateJobs({
        type: 'sdk-c16',
        worker: 'sdk',
        maxJobsToActivate: 0,
        timeout: 10_000,
        requestTimeout: -1,
      }),
    );
    await zbc.close(1_000);

    // then
    expect(code).toBe(status.INVALID_ARGUMENT);
  });
});

describe('job push through the Camunda 8 SDK', () => {
  it('47: hands jobs created after streamJobs opened to its handler with deadline ≈ now + timeout', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'sdk-c47');
    const camunda = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    });
    const zbc = camunda.getZeebeGrpcApiClient();
    await zbc.deployResource({ name: 'one-task.bpmn', process: fixture.bytes });
    const received: { key: string; deadline: number; at: number }[] = [];
    const stream = await zbc.streamJobs({
      type: fixture.type('work'),
      worker: 'sdk-stream',
      timeout: 20_000,
      pollInterval: -1,
      tenantIds: [],
      taskHandler: (job) => {
        received.push({ key: job.key, deadline: Number(job.deadline), at: Date.now() });
        return job.complete();
      },
    });
    await sleep(500);

    // when
    const instance = await zbc.createProcessInstance({
      bpmnProcessId: fixture.id('Process_OneTask'),
      variables: {},
    });
    const deadline = Date.now() + 5_000;
    while (received.length === 0 && Date.now() < deadline) await sleep(50);
    stream.close();
    await zbc.close(2_000);

    // then
    expect(received).toHaveLength(1);
    expect(received[0]?.deadline).toBeGreaterThanOrEqual((received[0]?.at ?? 0) + 15_000);
    const view = await engine.inspector.getProcessInstance(instance.processInstanceKey);
    expect(view?.elements.find((element) => element.elementId === 'Task_Work')).toBeDefined();
  });
});

describe.each(CLIENT_NAMES)('job activation through %s', (clientName) => {
  let client: ConformanceClient;
  beforeAll(() => {
    client = connect(clientName, engine.address);
  });
  afterAll(() => client?.close());
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent('15: answers a parked long poll as soon as an instance creates its job', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', tag('c15'));
    await client.deploy('one-task.bpmn', fixture.bytes);
    const poll = client.activateJobs({ type: fixture.type('work'), requestTimeout: 10_000 });
    await sleep(300);

    // when
    await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
    const created = Date.now();
    const jobs = await poll;

    // then
    expect(jobs).toHaveLength(1);
    expect(Date.now() - created).toBeLessThan(3_000);
  });

  it.concurrent(
    '17: hands out a job with decimal keys, its headers and variables as JSON, 3 retries and a deadline',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', tag('c17'));
      const deployment = await client.deploy('one-task.bpmn', fixture.bytes);
      const instance = await client.createInstance({
        bpmnProcessId: fixture.id('Process_OneTask'),
        variables: { applicant: 'Li Lei', amount: 120 },
      });

      // when
      const requested = Date.now();
      const job = await waitForJob(client, {
        type: fixture.type('work'),
        worker: 'clerk-7',
        timeout: 45_000,
      });

      // then
      expect(job).toMatchObject({
        type: fixture.type('work'),
        processInstanceKey: instance.processInstanceKey,
        bpmnProcessId: fixture.id('Process_OneTask'),
        processDefinitionVersion: 1,
        elementId: 'Task_Work',
        worker: 'clerk-7',
        retries: 3,
        customHeaders: { region: 'north', priority: 'high' },
        variables: { applicant: 'Li Lei', amount: 120 },
      });
      for (const key of [job.key, job.elementInstanceKey]) expect(key).toMatch(/^\d+$/);
      expect(job.deadline).toBeGreaterThanOrEqual(requested + 44_000);
      expect(job.deadline).toBeLessThan(Date.now() + 46_000);
      expect(deployment.processes[0]?.processDefinitionKey).toMatch(/^\d+$/);
    },
  );

  it.concurrent(
    '18: returns only the fetched variables, and input-mapped locals shadow root variables',
    async () => {
      // given
      const fixture = uniqueFixture('local-shadow.bpmn', tag('c18'));
      await client.deploy('local-shadow.bpmn', fixture.bytes);
      await client.createInstance({
        bpmnProcessId: fixture.id('Process_LocalShadow'),
        variables: { x: 1, a: 'A', b: 'B' },
      });

      // when
      const fetched = await waitForJob(client, {
        type: fixture.type('local'),
        fetchVariable: ['a', 'missing'],
        timeout: 1_000,
      });
      await sleep(1_500);
      const everything = await waitForJob(client, { type: fixture.type('local') });

      // then
      expect(fetched.variables).toEqual({ a: 'A' });
      expect(everything.variables).toEqual({ x: 10, a: 'A', b: 'B' });
    },
  );

  it.concurrent('19: hands a job that timed out to a worker again with the same retries', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', tag('c19'));
    await client.deploy('one-task.bpmn', fixture.bytes);
    await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
    const first = await waitForJob(client, { type: fixture.type('work'), timeout: 1_000 });

    // when
    const again = await waitForJob(client, { type: fixture.type('work'), within: 5_000 });

    // then
    expect(again).toMatchObject({ key: first.key, retries: 3 });
    // Handed out again only once its deadline (activation + 1 s) has passed, and soon after.
    expect(Date.now()).toBeGreaterThanOrEqual(first.deadline - 50);
    expect(Date.now() - first.deadline).toBeLessThan(3_000);
  });

  it.concurrent(
    '13: a worker polling with requestTimeout -1 gets nothing when nothing is activatable',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', tag('c13'));
      await client.deploy('one-task.bpmn', fixture.bytes);

      // then
      await expectNoJobs(client, fixture.type('work'), -1);
      expect(await waitForJobs(client, { type: fixture.type('work'), within: 300 })).toEqual([]);
    },
  );
});
