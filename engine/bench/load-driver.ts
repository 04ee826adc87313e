import { Camunda8 } from '@camunda8/sdk';
import { runClosedLoop } from './closed-loop.ts';
import { runOpenLoop } from './open-loop.ts';
import { isDriverRequest, type DriverReply, type DriverRequest, type WorkerMode } from './driver-protocol.ts';

/**
 * The client side of the onething runs, in its own process so that the
 * engine's CPU can be told apart from the client's: the @camunda8/sdk Zeebe
 * client that starts instances and the workers that complete every job at
 * once — the accept user task too, as the user-task bridge would.
 * Driven by the bench over IPC (driver-protocol.ts).
 */
const PROCESS_ID = 'Process_BundleShape';
const POLL_LONG_POLL_MS = 2_000;
const JOB_OUTPUTS: [string, Record<string, string>][] = [
  ['io.camunda.zeebe:userTask', { decision: 'accepted' }],
  ['bench-hr', { hr: 'ok' }],
  ['bench-tax', { tax: 'ok' }],
  ['bench-health', { health: 'ok' }],
  ['bench-civil', { civil: 'ok' }],
  ['bench-notify', { notified: 'yes' }],
];

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

function connect(address: string): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    // No client retries: an error must surface as an error, not as a slow instance.
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  }).getZeebeGrpcApiClient();
}

const address = process.argv[2];
const mode: WorkerMode = process.argv[3] === 'poll' ? 'poll' : 'stream';
if (!address || !process.send)
  throw new Error('load-driver runs as a forked child: load-driver.ts <host:port> <stream|poll>');
// The starter and the workers use separate connections, as separate processes would.
const starter = connect(address);

const reply = (message: DriverReply) => process.send?.(message);

process.on('message', (message: unknown) => {
  if (!isDriverRequest(message)) return;
  handle(message).then(reply, (error: unknown) =>
    reply({
      kind: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
});

async function handle(request: DriverRequest): Promise<DriverReply> {
  switch (request.kind) {
    case 'deploy':
      await starter.deployResource({ name: 'bundle-shape.bpmn', process: Buffer.from(request.xml) });
      return { kind: 'done' };
    case 'level': {
      const workers = await startWorkers(request.inFlight);
      try {
        const cpuBefore = process.cpuUsage();
        const loop = await runClosedLoop({ ...request, runOne: runToCompletion });
        return { kind: 'level', ...loop, clientCpuMs: cpuMsSince(cpuBefore) };
      } finally {
        await workers.close();
      }
    }
    case 'open': {
      const workers = await startWorkers(request.rate);
      try {
        const cpuBefore = process.cpuUsage();
        const loop = await runOpenLoop({ ...request, runOne: runToCompletion });
        return { kind: 'open', ...loop, clientCpuMs: cpuMsSince(cpuBefore) };
      } finally {
        await workers.close();
      }
    }
    case 'park':
      // No worker runs: every instance waits at the accept user task.
      await runClosedLoop({
        inFlight: 200,
        total: request.count,
        maxMs: Number.POSITIVE_INFINITY,
        runOne: async () => {
          await starter.createProcessInstance({
            bpmnProcessId: PROCESS_ID,
            variables: { applicant: 'bench' },
          });
        },
      });
      return { kind: 'done' };
    case 'close':
      await starter.close(2_000);
      setImmediate(() => process.exit(0));
      return { kind: 'done' };
  }
}

async function runToCompletion(): Promise<void> {
  await starter.createProcessInstanceWithResult({
    bpmnProcessId: PROCESS_ID,
    variables: { applicant: 'bench' },
    requestTimeout: 300_000,
    fetchVariables: ['notified'],
  });
}

function cpuMsSince(before: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000;
}

async function startWorkers(inFlight: number): Promise<{ close(): Promise<void> }> {
  const client = connect(address ?? '');
  const closers: (() => void)[] = [];
  for (const [type, output] of JOB_OUTPUTS) {
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
        longPoll: POLL_LONG_POLL_MS,
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
      // Closing the channel does not cancel a parked ActivateJobs call: until its long poll
      // ends, the gateway may still hand it jobs that no handler will ever see (they come
      // back only at their timeout, as with Zeebe). Let those polls run out first.
      if (mode === 'poll') await new Promise((resolve) => setTimeout(resolve, POLL_LONG_POLL_MS + 500));
    },
  };
}
