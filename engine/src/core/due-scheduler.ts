import type { Logger } from 'pino';
import { runDueWork } from '../runtime/due-work.ts';
import type { CommandWriter } from './command-writer.ts';

export const DUE_WORK_INTERVAL_MS = 100;

/**
 * Drives due work from outside the pure runtime: every ~100 ms, when the
 * earliest due entry has come, it submits a command that runs everything due.
 */
export class DueScheduler {
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  /** After a failed run, due work pauses (doubling up to a minute) instead of reloading every 100 ms. */
  private failures = 0;
  private pausedUntil = 0;

  constructor(
    private readonly writer: CommandWriter,
    private readonly clock: { now(): number },
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.check(), DUE_WORK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs due work now if any is due (also used by tests with an injected clock). */
  check(): Promise<void> {
    const at = this.writer.state.due.peekAt();
    const now = this.clock.now();
    if (this.inFlight || at === undefined || at > now || now < this.pausedUntil) return Promise.resolve();
    this.inFlight = true;
    return this.writer
      .submit((x) => {
        runDueWork(x);
      })
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures += 1;
        this.pausedUntil = this.clock.now() + Math.min(60_000, 1000 * 2 ** (this.failures - 1));
        this.logger.error({ err: error, failures: this.failures }, 'due work failed; pausing it');
      })
      .finally(() => {
        this.inFlight = false;
      });
  }
}
