import type pg from 'pg';
import type { Logger } from 'pino';

export interface HistoryRetention {
  /** History of process instances that ended more than this many days ago is deleted. */
  days: number;
  /** How often the pruner looks, ms (default one hour). */
  intervalMs?: number;
  /** Root instances deleted per statement (default 500), so no statement runs long. */
  batchSize?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the history of up to `batchSize` root process instances that ended
 * before `cutoff`, together with everything their called child instances
 * left, in one statement. Returns how many instances (roots and children)
 * went. Runtime tables are untouched: an ended instance has no rows there.
 */
export async function pruneHistoryBatch(pool: pg.Pool, cutoff: Date, batchSize: number): Promise<number> {
  const result = await pool.query<{ n: string }>(
    `with recursive roots as (
       select key from engine.history_process_instances
       where parent_process_instance_key is null and state <> 'ACTIVE' and ended_at < $1
       order by ended_at limit $2),
     tree as (
       select key from roots
       union all
       select h.key from engine.history_process_instances h join tree t on h.parent_process_instance_key = t.key),
     elements as (delete from engine.history_element_instances where process_instance_key in (select key from tree)),
     jobs as (delete from engine.history_jobs where process_instance_key in (select key from tree)),
     incidents as (delete from engine.history_incidents where process_instance_key in (select key from tree)),
     variables as (delete from engine.history_variables where process_instance_key in (select key from tree)),
     instances as (delete from engine.history_process_instances where key in (select key from tree) returning key)
     select count(*)::text as n from instances`,
    [cutoff.toISOString(), batchSize],
  );
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Deletes up to `batchSize` of the oldest change-feed rows committed before
 * `cutoff`. Only the oldest rows are looked at, so a statement never scans
 * the feed for old rows it does not have. Returns how many went.
 */
export async function pruneHistoryChangesBatch(
  pool: pg.Pool,
  cutoff: Date,
  batchSize: number,
): Promise<number> {
  const result = await pool.query(
    `delete from engine.history_changes where position in (
       select position from (select position, committed_at from engine.history_changes order by position limit $2) oldest
       where committed_at < $1)`,
    [cutoff.toISOString(), batchSize],
  );
  return result.rowCount ?? 0;
}

/**
 * The background pruner: every `intervalMs` it deletes, batch after batch,
 * the history of instances that ended more than `days` ago (by the engine's
 * clock). Failures are logged and retried at the next interval.
 */
export function startHistoryPruner(
  pool: pg.Pool,
  retention: HistoryRetention,
  clock: { now(): number },
  logger: Logger,
): { stop(): Promise<void> } {
  const batchSize = retention.batchSize ?? 500;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const prune = async () => {
    const cutoff = new Date(clock.now() - retention.days * DAY_MS);
    let total = 0;
    for (;;) {
      if (stopped) break;
      const deleted = await pruneHistoryBatch(pool, cutoff, batchSize);
      total += deleted;
      if (deleted === 0) break;
    }
    if (total > 0) logger.info({ deleted: total, cutoff }, 'pruned process instance history');
    // The change feed keeps as many days as the history: its readers must keep up within that time.
    const feedBatch = batchSize * 20;
    for (;;) {
      if (stopped) break;
      if ((await pruneHistoryChangesBatch(pool, cutoff, feedBatch)) < feedBatch) break;
    }
  };
  const tick = () => {
    running = running
      .then(prune)
      .catch((error: unknown) => logger.error({ err: error }, 'pruning history failed; retrying later'));
  };
  const timer = setInterval(tick, retention.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
