import { cpus } from 'node:os';
import { openBenchDatabase } from './bench-postgres.ts';
import { startReferenceRig } from './bpmn-engine-load.ts';
import type { LevelResult } from './closed-loop.ts';
import type { WorkerMode } from './driver-protocol.ts';
import { startOneThingRig, type OneThingLevel, type OneThingOpenLevel } from './onething-load.ts';
import { printReport } from './report.ts';

/**
 * `pnpm bench` for the engine (issue 3): the bundle shape driven by real
 * @camunda8/sdk workers through the gateway, durable in PostgreSQL, at several
 * in-flight levels, beside `bpmn-engine` in memory in the same process.
 * A measurement, not a test: it exits 0 whatever the figures, non-zero on an error.
 * See README.md for the environment variables and what each figure means.
 */
const config = {
  levels: numbers('BENCH_LEVELS', [1, 100, 1000]),
  /** Open-loop arrival rates (instances/s); empty (`BENCH_RATES=0`) skips the open loop. */
  rates: numbers('BENCH_RATES', [100, 200], true),
  openSeconds: number('BENCH_OPEN_SECONDS', 15),
  openMaxInFlight: number('BENCH_OPEN_MAX_IN_FLIGHT', 2000),
  /** Instances per level (at least 3 × the in-flight count); level 1 uses BENCH_SERIAL_INSTANCES. */
  instances: number('BENCH_INSTANCES', 2000),
  serialInstances: number('BENCH_SERIAL_INSTANCES', 200),
  maxSecondsPerLevel: number('BENCH_SECONDS', 20),
  warmup: number('BENCH_WARMUP', 200),
  parked: number('BENCH_PARKED', 10_000),
  referenceParked: number('BENCH_REF_PARKED', 1000),
  workerMode: workerMode(process.env.BENCH_WORKER),
  skipReference: process.env.BENCH_SKIP_REFERENCE === '1',
};

function totalFor(inFlight: number): number {
  return inFlight === 1 ? config.serialInstances : Math.max(config.instances, 3 * inFlight);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const ours: OneThingLevel[] = [];
  const open: OneThingOpenLevel[] = [];
  const reference: LevelResult[] = [];
  let oursParkedKb = Number.NaN;
  let oursRestartMs = Number.NaN;
  let referenceParkedKb = Number.NaN;
  try {
    const rig = await startOneThingRig(database.url, config.workerMode);
    try {
      await rig.runLevel({ inFlight: 20, total: config.warmup, maxMs: 30_000 });
      for (const inFlight of config.levels) {
        const level = await rig.runLevel({
          inFlight,
          total: totalFor(inFlight),
          maxMs: config.maxSecondsPerLevel * 1000,
        });
        log(`onething     ${inFlight} in flight: ${level.completed} in ${level.seconds.toFixed(1)} s`);
        ours.push(level);
      }
      for (const rate of config.rates) {
        const level = await rig.runOpen({
          rate,
          seconds: config.openSeconds,
          maxInFlight: config.openMaxInFlight,
        });
        log(
          `onething     open loop ${rate}/s: ${level.completed} in ${level.seconds.toFixed(1)} s, ` +
            `at most ${level.maxInFlight} in flight`,
        );
        open.push(level);
      }
      if (config.parked > 0) {
        oursParkedKb = await rig.measureParked(config.parked);
        log(`onething     ${config.parked} parked: ${oursParkedKb.toFixed(2)} KB each`);
        oursRestartMs = await rig.measureRestart();
        log(`onething     restarted with ${config.parked} waiting in ${oursRestartMs.toFixed(0)} ms`);
      }
    } finally {
      await rig.close();
    }
  } finally {
    await database.stop();
  }

  if (!config.skipReference) {
    const rig = await startReferenceRig();
    await rig.runLevel({ inFlight: 20, total: config.warmup, maxMs: 30_000 });
    for (const inFlight of config.levels) {
      const level = await rig.runLevel({
        inFlight,
        total: totalFor(inFlight),
        maxMs: config.maxSecondsPerLevel * 1000,
      });
      log(`bpmn-engine  ${inFlight} in flight: ${level.completed} in ${level.seconds.toFixed(1)} s`);
      reference.push(level);
    }
    if (config.referenceParked > 0) referenceParkedKb = await rig.measureParked(config.referenceParked);
  }

  printReport(
    {
      ours,
      open,
      reference,
      oursParkedKb,
      oursParkedCount: config.parked,
      oursRestartMs,
      referenceParkedKb,
      referenceParkedCount: config.referenceParked,
    },
    [
      `engine benchmark — bundle shape (accept → 4 parallel registry tasks → join → notify), ${cpus().length} cores, Node ${process.version}`,
      `onething: ${database.description}; engine + gateway in this process, @camunda8/sdk starter and ${config.workerMode} workers in a child process`,
      'latency: CreateProcessInstanceWithResult sent → result received (the engine answers when the instance completed)',
      'CPU ms per instance: engine process, client process (SDK starter + workers), PostgreSQL processes; commits = PostgreSQL transactions per instance; WAL KB / recs = write-ahead log per instance (load-independent)',
      'bpmn-engine: in memory, no durability, XML parsed once, one Engine per instance, tasks answered on setImmediate',
    ],
  );
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

function numbers(name: string, fallback: number[], zeroMeansNone = false): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (zeroMeansNone && raw.trim() === '0') return [];
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`${name} must be a comma-separated list of positive integers, got '${raw}'`);
  }
  return values;
}

function workerMode(raw: string | undefined): WorkerMode {
  if (raw === undefined || raw === '' || raw === 'stream') return 'stream';
  if (raw === 'poll') return 'poll';
  throw new Error(`BENCH_WORKER must be 'stream' or 'poll', got '${raw}'`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
