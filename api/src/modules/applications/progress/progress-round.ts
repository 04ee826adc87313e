import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HistoryReader } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import type { Logger } from 'pino';
import type { Orm } from '../../../orm.ts';
import type { BundleVersionRef } from '../../catalogue/published-versions.ts';
import { ApplicationSchema, type Application } from '../application.entity.ts';
import { planProgress, writeProgress } from './apply-progress.ts';
import { HISTORY_CURSOR, ProgressCursorSchema, type ProgressCursor } from './progress-cursor.entity.ts';

export interface ProgressRoundOptions {
  orm: Orm;
  history: HistoryReader;
  /** The manifest of the bundle version an application was submitted under. */
  manifestOf: (application: BundleVersionRef) => Promise<BundleManifest | undefined>;
  logger?: Logger;
  /** Feed rows read per round (each names an instance a commit touched). */
  feedLimit: number;
  /** Applications looked at per round by each sweep. */
  sweepLimit: number;
  /** Called after the round's work, before it commits (tests simulate a crash here). */
  beforeCommit?: () => Promise<void> | void;
}

export type ProgressRoundResult =
  { kind: 'busy' } | { kind: 'done'; feedRows: number; applied: number; more: boolean };

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
 *    followed, whose history may predate the feed.
 * The cursor moves in the same transaction, so a crash applies the round
 * again from the start, and the stored progress makes that add nothing twice.
 */
export async function runProgressRound(options: ProgressRoundOptions): Promise<ProgressRoundResult> {
  return options.orm.em.fork().transactional(async (tx) => {
    const cursor = await tx.findOne(
      ProgressCursorSchema,
      { name: HISTORY_CURSOR },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (cursor === null) return { kind: 'busy' } as const;
    const now = new Date();
    const changes = await options.history.listHistoryChanges(cursor.position, options.feedLimit);
    const keys = [...new Set(changes.map((change) => change.processInstanceKey))];
    const fromFeed =
      keys.length === 0
        ? []
        : await tx.find(
            ApplicationSchema,
            { processInstanceKey: { $in: keys } },
            { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
          );
    const accepted = await tx.find(
      ApplicationSchema,
      { status: 'accepted', progress: { $ne: null }, progressFinal: false },
      { orderBy: { id: 'asc' }, limit: options.sweepLimit, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const swept = cursor.sweeping ? await sweepPage(tx, cursor, options.sweepLimit) : [];
    const applications = new Map<string, Application>();
    for (const application of [...fromFeed, ...accepted, ...swept])
      applications.set(application.id, application);

    const followed: { application: Application; manifest: BundleManifest; key: string }[] = [];
    for (const application of applications.values()) {
      const key = application.processInstanceKey;
      if (key === null || key === undefined) continue;
      const manifest = await manifestOf(options, application);
      if (manifest !== undefined) followed.push({ application, manifest, key });
    }
    const views = await options.history.getProcessInstances(followed.map(({ key }) => key));
    const updates = followed
      .map(({ application, manifest, key }) => planProgress(application, manifest, views.get(key), now))
      .filter((update) => update !== undefined);
    await writeProgress(tx, updates);
    const applied = updates.length;

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
    return {
      kind: 'done',
      feedRows: changes.length,
      applied,
      // A full page of the feed or of the upgrade sweep: the next round follows at once.
      more: changes.length === options.feedLimit || swept.length === options.sweepLimit,
    } as const;
  });
}

/**
 * The application's manifest, or undefined when it has none to read. A
 * version that cannot be read is logged and the application left out of
 * the round, rather than failing it: one broken application must not hold
 * up every other one behind the cursor.
 */
async function manifestOf(
  options: ProgressRoundOptions,
  application: Application,
): Promise<BundleManifest | undefined> {
  try {
    return await options.manifestOf(application);
  } catch (error) {
    options.logger?.error(
      { err: error, applicationId: application.id },
      'application progress: no manifest for the application; its progress is not followed',
    );
    return undefined;
  }
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
