import { readFileSync, readdirSync } from 'node:fs';

/** What a closed loop observed from the client's side. */
export interface LoopResult {
  completed: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

/** What one load level measured; CPU figures are ms per completed instance, NaN where not measured. */
export interface LevelResult extends LoopResult {
  inFlight: number;
  perSecond: number;
  /** The process that hosts the engine (for bpmn-engine: engine, client and services together). */
  engineCpuMs: number;
  /** The process that hosts the @camunda8/sdk client and workers. */
  clientCpuMs: number;
  /** The PostgreSQL processes. */
  postgresCpuMs: number;
  /** Peak RSS of the engine's process. */
  peakRssMb: number;
}

export interface ClosedLoopOptions {
  inFlight: number;
  /** Stop starting instances after this many... */
  total: number;
  /** ...or once this many ms passed since the start (whatever comes first). */
  maxMs: number;
  /** Starts one instance; resolves when it ended. */
  runOne: () => Promise<void>;
}

/**
 * A closed loop: `inFlight` lanes, each starting its next instance as soon as
 * the previous one ended, until `total` were started or `maxMs` passed.
 * Latency is start-to-end of each instance as `runOne` observes it.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<LoopResult> {
  const latencies: number[] = [];
  let started = 0;
  const begin = performance.now();
  const deadline = begin + options.maxMs;
  const lane = async () => {
    while (started < options.total && performance.now() < deadline) {
      started++;
      const t0 = performance.now();
      await options.runOne();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, lane));
  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    completed: latencies.length,
    seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/**
 * Runs `work` (one level) and adds what this process and its PostgreSQL
 * children spent meanwhile. `clientPid` is a child process to leave out of
 * the PostgreSQL figure; its CPU comes back from `work` as `clientCpuMs` (total ms).
 */
export async function measureLevel(
  inFlight: number,
  work: () => Promise<LoopResult & { clientCpuMs?: number }>,
  clientPid?: number,
): Promise<LevelResult> {
  const cpuBefore = process.cpuUsage();
  const postgresBefore = descendantCpuMs(clientPid);
  let peakRss = process.memoryUsage.rss();
  const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);
  let loop: LoopResult & { clientCpuMs?: number };
  try {
    loop = await work();
  } finally {
    clearInterval(rssSampler);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const postgresAfter = descendantCpuMs(clientPid);
  const perInstance = (ms: number) => ms / loop.completed;
  return {
    inFlight,
    completed: loop.completed,
    seconds: loop.seconds,
    p50Ms: loop.p50Ms,
    p99Ms: loop.p99Ms,
    perSecond: loop.completed / loop.seconds,
    engineCpuMs: perInstance((cpu.user + cpu.system) / 1000),
    clientCpuMs: loop.clientCpuMs === undefined ? Number.NaN : perInstance(loop.clientCpuMs),
    postgresCpuMs:
      postgresBefore === undefined || postgresAfter === undefined || clientPid === undefined
        ? Number.NaN
        : perInstance(postgresAfter - postgresBefore),
    peakRssMb: Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20,
  };
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU ms used so far by every descendant of this process except the subtree
 * of `excludedPid` (the client process) — the PostgreSQL postmaster and
 * backends — read from /proc; undefined where /proc is missing. Exited
 * processes are not counted, but PostgreSQL backends live as long as the pool.
 */
function descendantCpuMs(excludedPid: number | undefined): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const parentOf = new Map<number, number>();
  const ticksOf = new Map<number, number>();
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid ... utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      ticksOf.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while we read
    }
  }
  let ticks = 0;
  for (const [pid, own] of ticksOf) {
    if (pid !== excludedPid && isDescendant(pid, parentOf, excludedPid)) ticks += own;
  }
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
}

function isDescendant(pid: number, parentOf: Map<number, number>, excludedPid: number | undefined): boolean {
  let current = parentOf.get(pid);
  for (let depth = 0; current !== undefined && current > 1 && depth < 16; depth++) {
    if (current === excludedPid) return false;
    if (current === process.pid) return true;
    current = parentOf.get(current);
  }
  return false;
}
