import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProcessInstanceView } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import { ApplicationEventSchema, ApplicationSchema, type Application } from '../application.entity.ts';
import { partProgress, progressChanges } from './part-progress.ts';

/** Applications that ended: their progress is final once their process has ended too. */
const ENDED = ['completed', 'rejected', 'withdrawn'] as const;
export const isEnded = (status: string): boolean => ENDED.some((ended) => ended === status);

/**
 * Brings one application's stored progress up to its process's history, in
 * the caller's transaction, which holds the application's row lock: the
 * parts (pending, in progress, done, failed), a timeline entry per change
 * (a part is started before it is done: progressChanges orders them), the
 * move from `accepted` to `processing` once a department started, and
 * `progressFinal` once the process ended. Idempotent: the changes are the
 * difference from what is stored, so applying the same history twice adds
 * nothing. Returns whether anything was written.
 */
export async function applyProgress(
  tx: EntityManager,
  application: Application,
  manifest: BundleManifest,
  view: ProcessInstanceView | undefined,
  now: Date,
): Promise<boolean> {
  if (view === undefined) {
    // Its history is gone (retention): an ended application has nothing more to show.
    if (!isEnded(application.status) || application.progressFinal) return false;
    await tx.nativeUpdate(ApplicationSchema, { id: application.id }, { progressFinal: true });
    return true;
  }
  const current = partProgress(manifest, {
    elements: view.elements,
    variables: view.variables[view.key] ?? {},
  });
  const changes = progressChanges(application.progress ?? null, current);
  const final = view.state !== 'ACTIVE';
  const started = Object.values(current).filter((part) => part.startedAt !== undefined);
  const processing = application.status === 'accepted' && started.length > 0;
  if (changes.length === 0 && !processing && final === application.progressFinal) return false;
  await tx.nativeUpdate(
    ApplicationSchema,
    { id: application.id },
    {
      progress: current,
      progressFinal: final,
      ...(changes.length > 0 || processing ? { updatedAt: now } : {}),
      ...(processing ? { status: 'processing' as const } : {}),
    },
  );
  if (processing) {
    const firstStart = started.map((part) => part.startedAt ?? '').sort()[0];
    await tx.insert(ApplicationEventSchema, {
      applicationId: application.id,
      at: firstStart === undefined ? now : new Date(firstStart),
      event: 'application.processing',
      by: null,
      details: null,
    });
  }
  for (const change of changes) {
    await tx.insert(ApplicationEventSchema, {
      applicationId: application.id,
      at: change.at === undefined ? now : new Date(change.at),
      event: change.event,
      by: null,
      details: change.details,
    });
  }
  return true;
}
