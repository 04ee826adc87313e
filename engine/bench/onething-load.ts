import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { startEngine, type RunningEngine } from '../src/index.ts';
import { measureLevel, type LevelResult, type LoopResult } from './closed-loop.ts';
import { isDriverReply, type DriverReply, type DriverRequest, type WorkerMode } from './driver-protocol.ts';
import { heapPerInstanceKb } from './heap.ts';

const FIXTURE = new URL('./fixtures/bundle-shape.bpmn', import.meta.url);
const DRIVER = fileURLToPath(new URL('./load-driver.ts', import.meta.url));

/** The engine under test in this process; its clients in a child process (load-driver.ts). */
export interface OneThingRig {
  runLevel(options: { inFlight: number; total: number; maxMs: number }): Promise<OneThingLevel>;
  /** An open loop: `rate` arrivals per second for `seconds` (open-loop.ts). */
  runOpen(options: { rate: number; seconds: number; maxInFlight: number }): Promise<OneThingOpenLevel>;
  /** Heap of this process held per instance waiting at the accept user task. */
  measureParked(count: number): Promise<number>;
  /** Stops the engine and starts it again on the same database: ms until it serves again (recovery). */
  measureRestart(): Promise<number>;
  close(): Promise<void>;
}

export interface OneThingLevel extends LevelResult {
  /** Transactions PostgreSQL committed per completed instance (the writer's batches). */
  commitsPerInstance: number;
  /**
   * WAL PostgreSQL wrote per completed instance (pg_stat_wal): rows and index
   * entries written, in units that do not move with the machine's load.
   */
  walKbPerInstance: number;
  walRecordsPerInstance: number;
}

export interface OneThingOpenLevel extends OneThingLevel {
  rate: number;
  dropped: number;
  failed: number;
  maxInFlight: number;
}

export async function startOneThingRig(databaseUrl: string, workerMode: WorkerMode): Promise<OneThingRig> {
  const start = () =>
    startEngine({
      databaseUrl,
      gatewayAddress: '127.0.0.1:0',
      logger: pino({ level: process.env.BENCH_ENGINE_LOG ?? 'silent' }),
    });
  let engine = await start();
  const stats = new pg.Client({ connectionString: databaseUrl });
  await stats.connect();
  const driver = startDriver(engine, workerMode);
  try {
    await driver.call({ kind: 'deploy', xml: await readFile(FIXTURE, 'utf8') });
  } catch (error) {
    await Promise.allSettled([driver.kill(), stats.end(), engine.stop()]);
    throw error;
  }
  const commits = async () =>
    Number(
      (
        await stats.query<{ n: string }>(
          'select xact_commit::text as n from pg_stat_database where datname = current_database()',
        )
      ).rows[0]?.n ?? Number.NaN,
    );

  const wal = async () => {
    const row = (
      await stats.query<{ records: string; bytes: string }>(
        'select wal_records::text as records, wal_bytes::text as bytes from pg_stat_wal',
      )
    ).rows[0];
    return { records: Number(row?.records ?? Number.NaN), bytes: Number(row?.bytes ?? Number.NaN) };
  };

  /** Runs one level in the driver; adds this process's and PostgreSQL's CPU, the commits and the WAL. */
  const measured = async <R extends LoopResult & { clientCpuMs: number }>(
    label: number,
    run: () => Promise<R>,
  ): Promise<
    LevelResult & {
      commitsPerInstance: number;
      walKbPerInstance: number;
      walRecordsPerInstance: number;
      loop: R;
    }
  > => {
    const commitsBefore = await commits();
    const walBefore = await wal();
    let loop: R | undefined;
    const level = await measureLevel(
      label,
      async () => {
        loop = await run();
        return loop;
      },
      driver.pid,
    );
    if (!loop) throw new Error('the load driver returned no result');
    // The statistics collector reports with a delay of up to a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const walAfter = await wal();
    return {
      ...level,
      commitsPerInstance: ((await commits()) - commitsBefore) / level.completed,
      walKbPerInstance: (walAfter.bytes - walBefore.bytes) / 1024 / level.completed,
      walRecordsPerInstance: (walAfter.records - walBefore.records) / level.completed,
      loop,
    };
  };

  return {
    runLevel: async (options) => {
      const { loop: _loop, ...level } = await measured(options.inFlight, async () => {
        const reply = await driver.call({ kind: 'level', ...options });
        if (reply.kind !== 'level') throw new Error(`the load driver answered ${reply.kind} to a level`);
        return reply;
      });
      return level;
    },
    runOpen: async (options) => {
      const { loop, ...level } = await measured(0, async () => {
        const reply = await driver.call({ kind: 'open', ...options });
        if (reply.kind !== 'open') throw new Error(`the load driver answered ${reply.kind} to an open loop`);
        return reply;
      });
      return {
        ...level,
        inFlight: loop.maxInFlight,
        rate: loop.rate,
        dropped: loop.dropped,
        failed: loop.failed,
        maxInFlight: loop.maxInFlight,
      };
    },
    measureParked: (count) =>
      heapPerInstanceKb(count, async () => {
        await driver.call({ kind: 'park', count });
      }),
    measureRestart: async () => {
      await engine.stop();
      const begin = performance.now();
      engine = await start();
      return performance.now() - begin;
    },
    close: async () => {
      await driver.call({ kind: 'close' }).catch(() => driver.kill());
      await stats.end();
      await engine.stop();
    },
  };
}

interface Driver {
  pid: number | undefined;
  call(request: DriverRequest): Promise<DriverReply>;
  kill(): Promise<void>;
}

/** One request at a time; the driver answers each in order. */
function startDriver(engine: RunningEngine, workerMode: WorkerMode): Driver {
  // BENCH_CPU_PROF=<dir> profiles the client process too (run the bench itself with node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF;
  const execArgv = ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const child: ChildProcess = fork(DRIVER, [engine.address, workerMode], { execArgv });
  let waiting: { resolve(reply: DriverReply): void; reject(error: Error): void } | undefined;
  child.on('message', (message: unknown) => {
    if (!isDriverReply(message) || !waiting) return;
    const current = waiting;
    waiting = undefined;
    if (message.kind === 'failed') current.reject(new Error(`load driver: ${message.message}`));
    else current.resolve(message);
  });
  child.on('exit', (code) => {
    waiting?.reject(new Error(`the load driver exited with code ${code}`));
    waiting = undefined;
  });
  return {
    pid: child.pid,
    call: (request) =>
      new Promise<DriverReply>((resolve, reject) => {
        if (waiting) return reject(new Error('the load driver is busy'));
        waiting = { resolve, reject };
        child.send(request);
      }),
    kill: async () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
