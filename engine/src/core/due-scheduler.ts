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
    if (this.inFlight || at === undefined || at > this.clock.now()) return Promise.resolve();
    this.inFlight = true;
    return this.writer
      .submit((x) => {
        runDueWork(x);
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'due work failed'))
      .finally(() => {
        this.inFlight = false;
      });
  }
}
