import { readFileSync, readdirSync } from 'node:fs';

/** What one load level measured. CPU is split into this Node process and its child processes. */
export interface LevelResult {
  inFlight: number;
  completed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU ms per completed instance of this process (engine + gateway + client + workers). */
  processCpuMs: number;
  /** CPU ms per completed instance of child processes (the embedded PostgreSQL), when measurable. */
  childCpuMs: number;
  peakRssMb: number;
}

export interface ClosedLoopOptions {
  inFlight: number;
  /** Stop after this many instances completed... */
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
export async function runClosedLoop(options: ClosedLoopOptions): Promise<LevelResult> {
  const latencies: number[] = [];
  let started = 0;
  const begin = performance.now();
  const deadline = begin + options.maxMs;
  const cpuBefore = process.cpuUsage();
  const childBefore = childCpuMs();
  let peakRss = process.memoryUsage.rss();
  const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);

  const lane = async () => {
    while (started < options.total && performance.now() < deadline) {
      started++;
      const t0 = performance.now();
      await options.runOne();
      latencies.push(performance.now() - t0);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.inFlight }, lane));
  } finally {
    clearInterval(rssSampler);
  }

  const seconds = (performance.now() - begin) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const childAfter = childCpuMs();
  const completed = latencies.length;
  latencies.sort((a, b) => a - b);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return {
    inFlight: options.inFlight,
    completed,
    seconds,
    perSecond: completed / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    processCpuMs: (cpu.user + cpu.system) / 1000 / completed,
    childCpuMs:
      childBefore === undefined || childAfter === undefined ? Number.NaN : (childAfter - childBefore) / completed,
    peakRssMb: peakRss / 2 ** 20,
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU ms used so far by every descendant of this process (PostgreSQL's
 * postmaster and backends), read from /proc; undefined where /proc is missing.
 * Exited children are not counted, but PostgreSQL backends live as long as the pool.
 */
export function childCpuMs(): number | undefined {
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
    if (isDescendant(pid, parentOf)) ticks += own;
  }
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
}

function isDescendant(pid: number, parentOf: Map<number, number>): boolean {
  let current = parentOf.get(pid);
  for (let depth = 0; current !== undefined && current > 1 && depth < 16; depth++) {
    if (current === process.pid) return true;
    current = parentOf.get(current);
  }
  return false;
}
