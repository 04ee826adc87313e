import { percentile, type LoopResult } from './closed-loop.ts';

export interface OpenLoopOptions {
  /** Arrivals per second, on a fixed schedule whatever the engine does. */
  rate: number;
  /** How long arrivals keep coming. */
  seconds: number;
  /** Arrivals beyond this many unfinished instances are dropped (and counted), so an overload ends. */
  maxInFlight: number;
  /** Starts one instance; resolves when it ended. */
  runOne: () => Promise<void>;
}

/** What an open loop observed; latency runs from each instance's SCHEDULED start. */
export interface OpenLoopResult extends LoopResult {
  rate: number;
  /** Arrivals that found `maxInFlight` unfinished instances and were not started. */
  dropped: number;
  failed: number;
  maxInFlight: number;
}

const TICK_MS = 2;

/**
 * An open loop: instance i is due at start + i / rate, whether or not
 * earlier ones have finished — the way citizens arrive. Latency is measured
 * from the due time, not from when the client got round to sending, so a
 * slow client or a backlog shows in the figures (no coordinated omission).
 * Ends when every started instance has ended; `seconds` runs to that end, so
 * `completed / seconds` falls below the rate when the engine falls behind.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const latencies: number[] = [];
  const total = Math.round(options.rate * options.seconds);
  const running = new Set<Promise<void>>();
  let dropped = 0;
  let failed = 0;
  let maxInFlight = 0;
  const begin = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = begin + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > TICK_MS) await new Promise((resolve) => setTimeout(resolve, wait));
    if (running.size >= options.maxInFlight) {
      dropped += 1;
      continue;
    }
    const one: Promise<void> = options.runOne().then(
      () => {
        latencies.push(performance.now() - due);
      },
      () => {
        failed += 1;
      },
    );
    running.add(one);
    void one.finally(() => running.delete(one));
    maxInFlight = Math.max(maxInFlight, running.size);
  }
  await Promise.all(running);
  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate: options.rate,
    completed: latencies.length,
    seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    dropped,
    failed,
    maxInFlight,
  };
}
