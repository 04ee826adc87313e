import type pg from 'pg';
import type { Logger } from 'pino';
import { EngineError } from '../errors.ts';
import type { EngineState } from '../runtime/engine-state.ts';
import { Execution } from '../runtime/execution.ts';
import type { RuntimeServices } from '../runtime/runtime-services.ts';
import { commitChanges } from '../store/commit-changes.ts';
import { isDatabaseUnavailable } from '../store/database-errors.ts';

export type Command<T> = (x: Execution) => T;

/** Work that may only happen once a batch is committed: answers, pushes, wake-ups. */
export type AfterCommit = () => void;

function processingError(error: unknown): EngineError {
  return new EngineError(
    'PROCESSING_ERROR',
    'PROCESS',
    `the command was not applied: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function unavailableError(error: unknown): EngineError {
  return new EngineError(
    'UNAVAILABLE',
    'PROCESS',
    `the engine's database is unavailable (${error instanceof Error ? error.message : String(error)}); retry the command`,
  );
}

/** A commit that failed because PostgreSQL is out of reach is worth a retry; any other is not. */
function commitFailure(error: unknown): EngineError {
  return isDatabaseUnavailable(error) ? unavailableError(error) : processingError(error);
}

interface Pending {
  command: Command<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 1000;
/** Commands waiting beyond this mean real overload: callers get RESOURCE_EXHAUSTED and retry. */
export const MAX_QUEUED_COMMANDS = 20_000;

/**
 * The single writer (group commit). Commands queue; the writer takes all
 * that are waiting, runs each with its follow-up steps against the in-memory
 * state, persists every change of the batch in one transaction, and only
 * then answers the callers and announces what changed. If anything fails
 * after the state was touched, memory is reloaded from the database so it
 * never diverges from what is durable.
 */
export class CommandWriter {
  private queue: Pending[] = [];
  private running = false;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  /** Set while the database is out of reach: commands fail fast (clients retry 14) instead of piling up. */
  private unavailable: EngineError | undefined;

  constructor(
    public state: EngineState,
    private readonly options: {
      pool: pg.Pool;
      services: RuntimeServices;
      clock: { now(): number };
      logger: Logger;
      reload(): Promise<EngineState>;
      /**
       * Runs last in every batch, against the same Execution, so what it
       * changes joins the batch's transaction (e.g. activating new jobs for
       * open job streams). What it returns runs once the batch is durable.
       */
      seal(x: Execution): AfterCommit;
    },
  ) {}

  submit<T>(command: Command<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(new EngineError('RESOURCE_EXHAUSTED', 'PROCESS', 'the engine is shutting down'));
    if (this.unavailable) return Promise.reject(this.unavailable);
    if (this.queue.length >= MAX_QUEUED_COMMANDS) {
      return Promise.reject(
        new EngineError(
          'RESOURCE_EXHAUSTED',
          'PROCESS',
          `the engine has ${this.queue.length} commands waiting; retry later`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ command, resolve: (value) => resolve(value as T), reject });
      if (!this.running) this.idle = this.drain();
    });
  }

  /** Stops accepting commands and waits for the batch in flight. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle;
  }

  private async drain(): Promise<void> {
    this.running = true;
    // Let commands submitted in the same tick join the first batch.
    await Promise.resolve();
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.runBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const x = new Execution(this.state, this.options.services, this.options.clock.now());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    for (const [index, pending] of batch.entries()) {
      try {
        const value = pending.command(x);
        x.runSteps();
        outcomes.push({ ok: true, value });
      } catch (error) {
        // A business rejection is raised before any state is touched.
        if (error instanceof EngineError) {
          outcomes.push({ ok: false, error });
          continue;
        }
        // A bug left the state half-changed: fail only this command, reload, and
        // run the others again (nothing of theirs was committed or answered).
        this.options.logger.error(
          { err: error },
          'an engine command failed; reloading state from the database',
        );
        pending.reject(processingError(error));
        await this.recover();
        this.queue.unshift(...batch.slice(0, index), ...batch.slice(index + 1));
        return;
      }
    }
    let afterCommit: AfterCommit;
    try {
      afterCommit = this.options.seal(x);
      x.runSteps();
    } catch (error) {
      this.options.logger.error({ err: error }, 'sealing an engine batch failed; reloading state');
      for (const pending of batch) pending.reject(processingError(error));
      await this.recover();
      return;
    }
    try {
      if (!x.changes.empty) await commitChanges(this.options.pool, x.changes, this.state.keyCounter, x.now);
    } catch (error) {
      this.options.logger.error(
        { err: error },
        'committing an engine batch failed; reloading state from the database',
      );
      const failure = commitFailure(error);
      for (const pending of batch) pending.reject(failure);
      await this.recover();
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (!outcome) return;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    try {
      afterCommit();
    } catch (error) {
      this.options.logger.error({ err: error }, 'a listener failed after a commit');
    }
  }

  /**
   * Reloads the state from the database until that works. While the
   * database is out of reach, waiting and new commands are answered
   * UNAVAILABLE at once (nothing of theirs was applied).
   */
  private async recover(): Promise<void> {
    for (;;) {
      try {
        this.state = await this.options.reload();
        if (this.unavailable) this.options.logger.info('the database is back; accepting commands again');
        this.unavailable = undefined;
        return;
      } catch (error) {
        this.options.logger.error({ err: error }, 'reloading engine state failed; retrying');
        if (isDatabaseUnavailable(error)) {
          this.unavailable = unavailableError(error);
          for (const pending of this.queue.splice(0)) pending.reject(this.unavailable);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (this.closed) return;
      }
    }
  }
}
