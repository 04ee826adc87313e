import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HistoryReader } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import type { Logger } from 'pino';
import type { Orm } from '../../../orm.ts';
import type { BundleVersionRef } from '../../catalogue/published-versions.ts';
import { ApplicationSchema, type Application } from '../application.entity.ts';
import { applyEach, type RoundItem } from './apply-each.ts';
import { HISTORY_CURSOR, ProgressCursorSchema, type ProgressCursor } from './progress-cursor.entity.ts';
import {
  DEFAULT_RETRY_POLICY,
  clearFailures,
  dueRetries,
  recordFailures,
  withFailures,
  type RecordedFailure,
  type RetryPolicy,
} from './progress-failures.ts';

export interface ProgressRoundOptions {
  orm: Orm;
  history: HistoryReader;
  /** The manifest of the bundle version an application was submitted under. */
  manifestOf: (application: BundleVersionRef) => Promise<BundleManifest | undefined>;
  logger?: Logger;
  /** Feed rows read per round (each names an instance a commit touched). */
  feedLimit: number;
  /** Applications looked at per round by each sweep (and retries due per round). */
  sweepLimit: number;
  /** Called after the round's work, before it commits (tests simulate a crash here). */
  beforeCommit?: () => Promise<void> | void;
  /** Retries of an application that fails (default DEFAULT_RETRY_POLICY). */
  retryPolicy?: RetryPolicy;
  /** The clock (tests move it past a retry's wait). */
  now?: () => Date;
}

export type ProgressRoundResult =
  { kind: 'busy' } | { kind: 'done'; feedRows: number; applied: number; failed: number; more: boolean };

/** Applications the polling worker followed: the upgrade sweep looks at them once. */
const FOLLOWED = ['accepted', 'processing'] as const;
const ENDED = ['completed', 'rejected', 'withdrawn'] as const;

/**
 * One round of the application-progress worker, in ONE transaction that
 * holds the cursor row (`FOR UPDATE SKIP LOCKED`: another replica in a round
 * makes this one `busy`, so a range is applied by one worker only) and the
 * rows of the applications it updates:
 * 1. the engine's history change feed after the cursor, up to `feedLimit`
 *    rows: each named instance's application is brought up to its history;
 * 2. accepted applications whose parts already started (the progress was
 *    applied before the window's acceptance was stored): they move on to
 *    `processing`;
 * 3. until done once, a page of the applications the polling worker
 *    followed, whose history may predate the feed;
 * 4. applications that failed before and whose retry is due.
 * An application that fails (apply-each.ts) fails alone: it is recorded in
 * `app.progress_failure` (progress-failures.ts) and left to its retries,
 * while the others are applied and the cursor moves on. The cursor moves in
 * the same transaction, so a crash applies the round again from the start,
 * and the stored progress makes that add nothing twice.
 */
export async function runProgressRound(options: ProgressRoundOptions): Promise<ProgressRoundResult> {
  return options.orm.em.fork().transactional(async (tx) => {
    const cursor = await tx.findOne(
      ProgressCursorSchema,
      { name: HISTORY_CURSOR },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (cursor === null) return { kind: 'busy' } as const;
    const now = options.now?.() ?? new Date();
    const changes = await options.history.listHistoryChanges(cursor.position, options.feedLimit);
    // The first position that names each instance (what a failure records).
    const positions = new Map<string, string>();
    for (const change of changes)
      if (!positions.has(change.processInstanceKey))
        positions.set(change.processInstanceKey, change.position);
    const fromFeed =
      positions.size === 0
        ? []
        : await tx.find(
            ApplicationSchema,
            { processInstanceKey: { $in: [...positions.keys()] } },
            { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
          );
    const accepted = await acceptedPage(tx, options.sweepLimit);
    const swept = cursor.sweeping ? await sweepPage(tx, cursor, options.sweepLimit) : [];
    const retries = await dueRetries(tx, now, options.sweepLimit);
    const retried =
      retries.length === 0
        ? []
        : await tx.find(
            ApplicationSchema,
            { id: { $in: retries.map((retry) => retry.applicationId) } },
            { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
          );

    // An application with a failure on record waits for its retry (which re-reads its whole history).
    const candidates = [...fromFeed, ...accepted, ...swept];
    const failing = await withFailures(
      tx,
      candidates.map((application) => application.id),
    );
    const items = new Map<string, RoundItem>();
    for (const application of candidates) {
      if (failing.has(application.id)) continue;
      const position = positions.get(application.processInstanceKey ?? '') ?? cursor.position;
      items.set(application.id, { application, position });
    }
    const retryPositions = new Map(retries.map((retry) => [retry.applicationId, retry.position]));
    for (const application of retried)
      items.set(application.id, {
        application,
        position: retryPositions.get(application.id) ?? cursor.position,
      });

    const result = await applyEach(tx, [...items.values()], {
      history: options.history,
      manifestOf: options.manifestOf,
      now,
    });
    const recovered = result.succeeded.filter((id) => retryPositions.has(id));
    // A retry whose application is gone has nothing left to apply.
    const gone = retries.map((retry) => retry.applicationId).filter((id) => !items.has(id));
    await clearFailures(tx, [...recovered, ...gone]);
    const recorded = await recordFailures(
      tx,
      result.failed,
      options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      now,
    );

    const position = changes.at(-1)?.position ?? cursor.position;
    await tx.nativeUpdate(
      ProgressCursorSchema,
      { name: HISTORY_CURSOR },
      {
        position,
        updatedAt: now,
        ...(cursor.sweeping
          ? { sweeping: swept.length === options.sweepLimit, sweptUpTo: swept.at(-1)?.id ?? cursor.sweptUpTo }
          : {}),
      },
    );
    await options.beforeCommit?.();
    logOutcome(options.logger, recovered, recorded);
    return {
      kind: 'done',
      feedRows: changes.length,
      applied: result.applied,
      failed: recorded.length,
      // A full page of the feed, of the upgrade sweep or of due retries: the next round follows at once.
      more:
        changes.length === options.feedLimit ||
        swept.length === options.sweepLimit ||
        retries.length === options.sweepLimit,
    } as const;
  });
}

/** Logged by application id and the error's message (ID numbers masked), never with the row's values. */
function logOutcome(logger: Logger | undefined, recovered: string[], recorded: RecordedFailure[]): void {
  for (const applicationId of recovered)
    logger?.info({ applicationId }, 'application progress: a failed application is up to date again');
  for (const failure of recorded) {
    const fields = { applicationId: failure.applicationId, attempts: failure.attempts, error: failure.error };
    if (failure.state === 'set_aside')
      logger?.error(fields, 'application progress: an application keeps failing and is set aside');
    else logger?.warn(fields, 'application progress: an application failed; it is retried later');
  }
}

/**
 * Accepted applications whose parts already started (the progress was
 * applied before the window's acceptance was stored), leaving out those with
 * a failure on record: they are the retries' and must not fill every page.
 */
async function acceptedPage(tx: EntityManager, limit: number): Promise<Application[]> {
  const rows = await tx.execute<{ id: string }[]>(
    `select a.id from app.application a
      where a.status = 'accepted' and a.progress is not null and not a.progress_final
        and not exists (select 1 from app.progress_failure f where f.application_id = a.id)
      order by a.id limit ?`,
    [limit],
  );
  if (rows.length === 0) return [];
  return tx.find(
    ApplicationSchema,
    { id: { $in: rows.map((row) => row.id) }, status: 'accepted' },
    { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}

/** The next page of the applications the polling worker followed, after the last one swept. */
function sweepPage(tx: EntityManager, cursor: ProgressCursor, limit: number): Promise<Application[]> {
  return tx.find(
    ApplicationSchema,
    {
      ...(cursor.sweptUpTo === null || cursor.sweptUpTo === undefined
        ? {}
        : { id: { $gt: cursor.sweptUpTo } }),
      processInstanceKey: { $ne: null },
      $or: [{ status: { $in: [...FOLLOWED] } }, { status: { $in: [...ENDED] }, progressFinal: false }],
    },
    { orderBy: { id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}
