import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZBClient } from 'zeebe-node';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, sleep } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';
import { CLIENT_NAMES, connect, type ClientName } from '../support/zeebe-clients.ts';

// ZEEBE-COMPAT.md §7.2 cases 48–49: the clients' own job workers end to end.
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_workers');
});
afterAll(() => engine?.stop());

const LONG_POLL_MS = 2_000;

interface WorkerRun {
  /** Stream durations the client logged, in seconds (zeebe-node only). */
  streamSeconds: number[];
  close(): Promise<void>;
}

type Handler = (job: { key: string; retries: number }) => 'complete' | 'throw';

/** A worker of the client itself, with a small long poll, completing or throwing per the handler. */
function startWorker(
  clientName: ClientName,
  taskType: string,
  handler: Handler,
  maxJobsToActivate = 10,
): WorkerRun {
  const streamSeconds: number[] = [];
  if (clientName === 'zeebe-node') {
    const record = (line: string) => {
      const seconds = /ended after ([\d.]+) seconds/.exec(line)?.[1];
      if (seconds) streamSeconds.push(Number(seconds));
    };
    const zbc = new ZBClient(engine.address, {
      useTLS: false,
      loglevel: 'DEBUG',
      stdout: { debug: record, info: record, error: () => undefined },
      longPoll: LONG_POLL_MS,
      pollInterval: 100,
    });
    zbc.createWorker({
      taskType,
      maxJobsToActivate,
      timeout: 30_000,
      taskHandler: (job) => {
        if (handler(job) === 'throw') throw new Error('the registry answered nonsense');
        return job.complete({ handledBy: 'zeebe-node' });
      },
    });
    return { streamSeconds, close: async () => void (await zbc.close(3_000)) };
  }
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  });
  const zbc = camunda.getZeebeGrpcApiClient();
  zbc.createWorker({
    taskType,
    maxJobsToActivate,
    timeout: 30_000,
    longPoll: LONG_POLL_MS,
    pollInterval: 100,
    taskHandler: (job) => {
      if (handler(job) === 'throw') throw new Error('the registry answered nonsense');
      return job.complete({ handledBy: 'camunda8-sdk' });
    },
  });
  return { streamSeconds, close: async () => void (await zbc.close(3_000)) };
}

describe.each(CLIENT_NAMES)('job workers of %s', (clientName) => {
  const tag = (label: string) => `${clientName}-${label}`;

  it.concurrent(
    '48: a worker with 10 jobs in flight completes 100 instances, each job exactly once',
    async () => {
      // given
      const client = connect(clientName, engine.address);
      const fixture = uniqueFixture('one-task.bpmn', tag('c48'));
      await client.deploy('one-task.bpmn', fixture.bytes);
      const instances: string[] = [];
      for (let i = 0; i < 100; i++) {
        instances.push(
          (await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') })).processInstanceKey,
        );
      }
      const handled: string[] = [];

      // when
      const worker = startWorker(clientName, fixture.type('work'), (job) => {
        handled.push(job.key);
        return 'complete';
      });
      await eventually(
        async () => handled.length,
        (count) => count >= 100,
        60_000,
      );
      await sleep(LONG_POLL_MS + 500);
      await worker.close();
      await client.close();

      // then
      expect(handled).toHaveLength(100);
      expect(new Set(handled).size).toBe(100);
      const states = await Promise.all(
        instances.map(async (key) => (await engine.inspector.getProcessInstance(key))?.state),
      );
      expect(states.every((state) => state === 'COMPLETED')).toBe(true);
      // zeebe-node logs how long each poll stream lasted; it gives up on one after longPoll + 1 s.
      if (clientName === 'zeebe-node') expect(worker.streamSeconds.length).toBeGreaterThan(0);
      for (const seconds of worker.streamSeconds)
        expect(seconds).toBeLessThanOrEqual(LONG_POLL_MS / 1000 + 1);
    },
    90_000,
  );

  it.concurrent(
    '49: a handler that throws fails the job with one retry less until an incident is raised',
    async () => {
      // given
      const client = connect(clientName, engine.address);
      const fixture = uniqueFixture('one-task.bpmn', tag('c49'));
      await client.deploy('one-task.bpmn', fixture.bytes);
      const instance = await client.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });
      const seenRetries: number[] = [];

      // when
      const worker = startWorker(clientName, fixture.type('work'), (job) => {
        seenRetries.push(job.retries);
        return 'throw';
      });
      const incidents = await eventually(
        () =>
          engine.inspector.listIncidents({
            processInstanceKey: instance.processInstanceKey,
            state: 'ACTIVE',
          }),
        (found) => found.length > 0,
        20_000,
      );
      await worker.close();
      await client.close();

      // then
      expect(seenRetries).toEqual([3, 2, 1]);
      expect(incidents).toEqual([
        expect.objectContaining({ errorType: 'JOB_NO_RETRIES', elementId: 'Task_Work' }),
      ]);
      expect(incidents[0]?.errorMessage).toContain('the registry answered nonsense');
    },
    30_000,
  );
});
