import { readFile } from 'node:fs/promises';
import { Camunda8 } from '@camunda8/sdk';
import { pino } from 'pino';
import { startEngine, type RunningEngine } from '../src/index.ts';
import { runClosedLoop, type LevelResult } from './closed-loop.ts';
import { heapPerInstanceKb } from './heap.ts';

const FIXTURE = new URL('./fixtures/bundle-shape.bpmn', import.meta.url);
const PROCESS_ID = 'Process_BundleShape';
const ACCEPT_TYPE = 'io.camunda.zeebe:userTask';
const REGISTRY_TYPES = ['bench-hr', 'bench-tax', 'bench-health', 'bench-civil'];
const NOTIFY_TYPE = 'bench-notify';

export type WorkerMode = 'stream' | 'poll';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** The engine under test, its gateway on an ephemeral port, and the clients that drive it. */
export interface OneThingRig {
  engine: RunningEngine;
  /** Runs one level with workers for every task; latency from the create call to its result. */
  runLevel(options: { inFlight: number; total: number; maxMs: number }): Promise<LevelResult>;
  /** Heap held per instance waiting at the accept user task (no worker serves it meanwhile). */
  measureParked(count: number): Promise<number>;
  close(): Promise<void>;
}

function connect(address: string): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    // No client retries: an error must surface as an error, not as a slow instance.
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  }).getZeebeGrpcApiClient();
}

export async function startOneThingRig(databaseUrl: string, workerMode: WorkerMode): Promise<OneThingRig> {
  const engine = await startEngine({
    databaseUrl,
    gatewayAddress: '127.0.0.1:0',
    logger: pino({ level: process.env.BENCH_ENGINE_LOG ?? 'silent' }),
  });
  // The starter and the workers use separate connections, as separate processes would.
  const starter = connect(engine.address);
  await starter.deployResource({ name: 'bundle-shape.bpmn', process: await readFile(FIXTURE) });

  const createOne = async () => {
    await starter.createProcessInstanceWithResult({
      bpmnProcessId: PROCESS_ID,
      variables: { applicant: 'bench' },
      requestTimeout: 120_000,
      fetchVariables: ['notified'],
    });
  };

  return {
    engine,
    runLevel: async (options) => {
      const workers = await startWorkers(engine.address, workerMode, options.inFlight);
      try {
        return await runClosedLoop({ ...options, runOne: createOne });
      } finally {
        await workers.close();
      }
    },
    measureParked: (count) =>
      heapPerInstanceKb(count, async () => {
        // Start through the gateway; the instance then waits at the accept user task.
        await runClosedLoop({
          inFlight: 200,
          total: count,
          maxMs: Number.POSITIVE_INFINITY,
          runOne: async () => {
            await starter.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: { applicant: 'bench' } });
          },
        });
      }),
    close: async () => {
      await starter.close(2_000);
      await engine.stop();
    },
  };
}

interface Workers {
  close(): Promise<void>;
}

/**
 * One client connection for all workers; each completes its job at once, as
 * the user-task bridge (accept) and the registry connectors would.
 */
async function startWorkers(address: string, mode: WorkerMode, inFlight: number): Promise<Workers> {
  const client = connect(address);
  const handlers: [string, Record<string, string>][] = [
    [ACCEPT_TYPE, { decision: 'accepted' }],
    ...REGISTRY_TYPES.map((type): [string, Record<string, string>] => [type, { [type.slice(6)]: 'ok' }]),
    [NOTIFY_TYPE, { notified: 'yes' }],
  ];
  const closers: (() => void)[] = [];
  for (const [type, output] of handlers) {
    if (mode === 'stream') {
      const stream = await client.streamJobs({
        type,
        worker: `bench-${type}`,
        tenantIds: [],
        timeout: 60_000,
        pollInterval: 5_000,
        taskHandler: (job) => job.complete(output),
      });
      closers.push(stream.close);
    } else {
      const worker = client.createWorker({
        taskType: type,
        maxJobsToActivate: Math.max(32, inFlight),
        timeout: 60_000,
        longPoll: 10_000,
        pollInterval: 10,
        taskHandler: (job) => job.complete(output),
      });
      closers.push(() => void worker.close());
    }
  }
  return {
    close: async () => {
      for (const close of closers) close();
      await client.close(2_000);
    },
  };
}
