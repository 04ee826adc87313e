import pg from 'pg';
import type { Logger } from 'pino';
import { EngineError } from '../errors.ts';
import type { EngineState } from '../runtime/engine-state.ts';
import { Execution } from '../runtime/execution.ts';
import type { RuntimeServices } from '../runtime/runtime-services.ts';
import { commitChanges, CommitNotSentError } from '../store/commit-changes.ts';
import type { CommitOutcome } from '../store/commit-outcome.ts';
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

interface Pending {
  command: Command<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 1000;
const RETRY_MS = 1000;
const pause = () => new Promise((resolve) => setTimeout(resolve, RETRY_MS));
/** Commands waiting beyond this mean real overload: callers get RESOURCE_EXHAUSTED and retry. */
export const MAX_QUEUED_COMMANDS = 20_000;

/**
 * The single writer (group commit). Commands queue; the writer takes all
 * that are waiting, runs each with its follow-up steps against the in-memory
 * state, persists every change of the batch in one transaction, and only
 * then answers the callers and announces what changed. If anything fails
 * after the state was touched, memory is reloaded from the database so it
 * never diverges from what is durable — except when a commit's connection
 * broke and the database, asked once it answers again, says the commit did
 * land: then memory already is what is durable, and the batch is answered
 * as if the commit had returned.
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
      /** Whether the commit numbered `sequence` landed, made final (store/commit-outcome.ts). */
      settleCommit(sequence: number): Promise<CommitOutcome>;
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
    if (!x.changes.empty && !(await this.commit(x, batch))) return;
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
   * Commits the batch; true when it is durable. On failure its callers are
   * answered and the state reloaded here, except when the connection broke:
   * then the commit may have landed, and the database decides once it can
   * be asked (`settle`).
   */
  private async commit(x: Execution, batch: Pending[]): Promise<boolean> {
    const commitSequence = this.state.commitSequence + 1;
    try {
      await commitChanges(
        this.options.pool,
        x.changes,
        { keyCounter: this.state.keyCounter, commitSequence },
        x.now,
      );
    } catch (error) {
      // A statement that was never sent did not land, nor did one the server
      // refused (a constraint: its transaction rolled back). After a broken
      // connection — or any error not from the server — only the database can tell.
      const unsent = error instanceof CommitNotSentError;
      const cause = unsent ? error.cause : error;
      const refused = error instanceof pg.DatabaseError && !isDatabaseUnavailable(error);
      const broken = !unsent && !refused;
      if (!broken)
        this.options.logger.error(
          { err: cause },
          'committing an engine batch failed; reloading state from the database',
        );
      if (!(broken && (await this.settle(commitSequence, error)))) {
        const failure = isDatabaseUnavailable(cause) ? unavailableError(cause) : processingError(cause);
        for (const pending of batch) pending.reject(failure);
        await this.recover();
        return false;
      }
    }
    this.state.commitSequence = commitSequence;
    return true;
  }

  /**
   * Asks the database whether the commit numbered `sequence` landed, until
   * it answers (meanwhile commands are answered UNAVAILABLE at once). False
   * when it did not, or when the engine closed before it could tell.
   */
  private async settle(sequence: number, cause: unknown): Promise<boolean> {
    this.options.logger.error(
      { err: cause, commitSequence: sequence },
      'the connection broke while committing an engine batch; asking the database whether it landed',
    );
    for (;;) {
      try {
        const outcome = await this.options.settleCommit(sequence);
        if (outcome === 'superseded')
          this.options.logger.error(
            { commitSequence: sequence },
            'another writer committed after the lost commit; reloading state from the database',
          );
        if (outcome !== 'landed') return false;
        this.options.logger.info(
          { commitSequence: sequence },
          'the lost commit did land; answering its commands and accepting commands again',
        );
        this.unavailable = undefined;
        return true;
      } catch (error) {
        this.options.logger.error({ err: error }, 'asking whether a commit landed failed; retrying');
        if (isDatabaseUnavailable(error)) this.refuseWhileUnavailable(error);
        await pause();
        if (this.closed) return false;
      }
    }
  }

  /** Until the database answers again, waiting and new commands get UNAVAILABLE at once. */
  private refuseWhileUnavailable(error: unknown): void {
    this.unavailable = unavailableError(error);
    for (const pending of this.queue.splice(0)) pending.reject(this.unavailable);
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
        if (isDatabaseUnavailable(error)) this.refuseWhileUnavailable(error);
        await pause();
        if (this.closed) return;
      }
    }
  }
}
