import type { EntityManager } from '@mikro-orm/postgresql';
import type { HistoryReader, ProcessInstanceView } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import type { BundleVersionRef } from '../../catalogue/published-versions.ts';
import type { Application } from '../application.entity.ts';
import { planProgress, writeProgress, type ProgressUpdate } from './apply-progress.ts';
import type { FailedApplication } from './progress-failures.ts';

/** An application a round brings up to its history, with the feed position that named it. */
export interface RoundItem {
  application: Application;
  position: string;
}

export interface ApplyEachDeps {
  history: HistoryReader;
  manifestOf: (application: BundleVersionRef) => Promise<BundleManifest | undefined>;
  now: Date;
}

export interface ApplyEachResult {
  /** Applications whose stored progress changed. */
  applied: number;
  /** Applications now up to their history (whether or not anything changed). */
  succeeded: string[];
  failed: FailedApplication[];
}

/**
 * Brings each application up to its history so that one that cannot be
 * (its manifest, its history, its plan or its write fails) fails alone: the
 * common path reads and writes the whole batch at once; only when that
 * fails does it go one by one, each write in its own savepoint of the
 * round's transaction, so a constraint error rolls back that application's
 * write only.
 */
export async function applyEach(
  tx: EntityManager,
  items: readonly RoundItem[],
  deps: ApplyEachDeps,
): Promise<ApplyEachResult> {
  const failed: FailedApplication[] = [];
  const fail = (item: RoundItem, error: unknown) =>
    failed.push({
      applicationId: item.application.id,
      processInstanceKey: item.application.processInstanceKey ?? null,
      position: item.position,
      error,
    });
  const succeeded: string[] = [];

  const followed: { item: RoundItem; manifest: BundleManifest; key: string }[] = [];
  for (const item of items) {
    const key = item.application.processInstanceKey;
    if (key === null || key === undefined) {
      succeeded.push(item.application.id);
      continue;
    }
    try {
      const manifest = await deps.manifestOf(item.application);
      // A bundle the platform does not follow (no manifest): nothing to show.
      if (manifest === undefined) succeeded.push(item.application.id);
      else followed.push({ item, manifest, key });
    } catch (error) {
      fail(item, error);
    }
  }

  const views = await readViews(
    deps.history,
    followed.map(({ key }) => key),
  );
  const planned: { item: RoundItem; update: ProgressUpdate }[] = [];
  for (const { item, manifest, key } of followed) {
    const view = views.get(key);
    if (view instanceof Error) {
      fail(item, view);
      continue;
    }
    try {
      const update = planProgress(item.application, manifest, view, deps.now);
      if (update === undefined) succeeded.push(item.application.id);
      else planned.push({ item, update });
    } catch (error) {
      fail(item, error);
    }
  }

  let applied = 0;
  if (planned.length === 0) return { applied, succeeded, failed };
  try {
    await tx.transactional((savepoint) =>
      writeProgress(
        savepoint,
        planned.map(({ update }) => update),
      ),
    );
    applied = planned.length;
    succeeded.push(...planned.map(({ item }) => item.application.id));
  } catch {
    for (const { item, update } of planned) {
      try {
        await tx.transactional((savepoint) => writeProgress(savepoint, [update]));
        applied += 1;
        succeeded.push(item.application.id);
      } catch (error) {
        fail(item, error);
      }
    }
  }
  return { applied, succeeded, failed };
}

/** The instances' history at once; if that fails, one by one, so that one bad instance fails alone. */
async function readViews(
  history: HistoryReader,
  keys: readonly string[],
): Promise<Map<string, ProcessInstanceView | Error>> {
  if (keys.length === 0) return new Map();
  try {
    return await history.getProcessInstances(keys);
  } catch {
    const views = new Map<string, ProcessInstanceView | Error>();
    for (const key of keys) {
      try {
        const view = (await history.getProcessInstances([key])).get(key);
        if (view !== undefined) views.set(key, view);
      } catch (error) {
        views.set(key, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return views;
  }
}
