/**
 * Fault injection for tests and demos: latency, error and timeout rates,
 * outages, and lost responses after a committed write. State lives in memory,
 * one injector per registry; randomness comes from an injectable source.
 */
export interface Faults {
  readonly latencyMs: number;
  readonly latencyJitterMs: number;
  readonly errorRate: number;
  readonly timeoutRate: number;
  readonly lostResponseRate: number;
  readonly hangMs: number;
  readonly outage: boolean;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  lostResponseRate: 0,
  hangMs: 30_000,
  outage: false,
};

/** What a request meets before the registry handles it. */
export type Gate = 'pass' | 'unavailable' | 'timeout';

export class FaultInjector {
  #faults: Faults = NO_FAULTS;

  constructor(
    private readonly random: () => number,
    private readonly sleep: (ms: number) => Promise<void> = delay,
  ) {}

  get current(): Faults {
    return this.#faults;
  }

  set(partial: Partial<Faults>): Faults {
    this.#faults = { ...this.#faults, ...partial };
    return this.#faults;
  }

  clear(): Faults {
    this.#faults = NO_FAULTS;
    return this.#faults;
  }

  /** Applied before any work: latency, then outage, injected errors and timeouts. */
  async gate(): Promise<Gate> {
    const faults = this.#faults;
    const latency =
      faults.latencyMs + (faults.latencyJitterMs > 0 ? this.random() * faults.latencyJitterMs : 0);
    if (latency > 0) await this.sleep(latency);
    if (faults.outage) return 'unavailable';
    if (faults.errorRate > 0 && this.random() < faults.errorRate) return 'unavailable';
    if (faults.timeoutRate > 0 && this.random() < faults.timeoutRate) {
      await this.sleep(faults.hangMs);
      return 'timeout';
    }
    return 'pass';
  }

  /** After a write committed: whether to withhold its response (it then hangs and times out). */
  async loseResponse(): Promise<boolean> {
    const faults = this.#faults;
    if (faults.lostResponseRate > 0 && this.random() < faults.lostResponseRate) {
      await this.sleep(faults.hangMs);
      return true;
    }
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
