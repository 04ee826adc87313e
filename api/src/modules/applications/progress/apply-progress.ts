import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProcessInstanceView } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import {
  ApplicationEventSchema,
  type Application,
  type ApplicationEvent,
  type ApplicationStatus,
} from '../application.entity.ts';
import { partProgress, progressChanges, type StoredProgress } from './part-progress.ts';

/** Applications that ended: their progress is final once their process has ended too. */
const ENDED = ['completed', 'rejected', 'withdrawn'] as const;
export const isEnded = (status: string): boolean => ENDED.some((ended) => ended === status);

/** One new line of an application's timeline. */
export type TimelineEntry = Pick<ApplicationEvent, 'applicationId' | 'at' | 'event' | 'by' | 'details'>;

/** What bringing one application up to its history writes. */
export interface ProgressUpdate {
  id: string;
  progress: StoredProgress | null;
  progressFinal: boolean;
  /** Set when the parts changed or the status moves on. */
  updatedAt: Date | null;
  status: ApplicationStatus | null;
  events: TimelineEntry[];
}

/**
 * What one application's stored progress needs to match its process's
 * history, or undefined when it already does: the parts (pending, in
 * progress, done, failed), a timeline entry per change (a part is started
 * before it is done: progressChanges orders them), the move from `accepted`
 * to `processing` once a department started, and `progressFinal` once the
 * process ended. The difference from what is stored, so planning the same
 * history twice after the first was written gives nothing. Pure.
 */
export function planProgress(
  application: Application,
  manifest: BundleManifest,
  view: ProcessInstanceView | undefined,
  now: Date,
): ProgressUpdate | undefined {
  const stored = application.progress ?? null;
  if (view === undefined) {
    // Its history is gone (retention): an ended application has nothing more to show.
    if (!isEnded(application.status) || application.progressFinal) return undefined;
    return {
      id: application.id,
      progress: stored,
      progressFinal: true,
      updatedAt: null,
      status: null,
      events: [],
    };
  }
  const current = partProgress(manifest, {
    elements: view.elements,
    variables: view.variables[view.key] ?? {},
  });
  const changes = progressChanges(stored, current);
  const final = view.state !== 'ACTIVE';
  const started = Object.values(current).filter((part) => part.startedAt !== undefined);
  const processing = application.status === 'accepted' && started.length > 0;
  if (changes.length === 0 && !processing && final === application.progressFinal) return undefined;
  const events: TimelineEntry[] = [];
  if (processing) {
    const firstStart = started.map((part) => part.startedAt ?? '').sort()[0];
    events.push({
      applicationId: application.id,
      at: firstStart === undefined ? now : new Date(firstStart),
      event: 'application.processing',
      by: null,
      details: null,
    });
  }
  for (const change of changes) {
    events.push({
      applicationId: application.id,
      at: change.at === undefined ? now : new Date(change.at),
      event: change.event,
      by: null,
      details: change.details,
    });
  }
  return {
    id: application.id,
    progress: current,
    progressFinal: final,
    updatedAt: changes.length > 0 || processing ? now : null,
    status: processing ? 'processing' : null,
    events,
  };
}

/**
 * Writes the round's updates in the caller's transaction (which holds the
 * applications' row locks): one statement for the applications, one for
 * their timeline entries, however many there are.
 */
export async function writeProgress(tx: EntityManager, updates: readonly ProgressUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((update) => ({
    id: update.id,
    progress: update.progress,
    progress_final: update.progressFinal,
    updated_at: update.updatedAt?.toISOString() ?? null,
    status: update.status,
  }));
  await tx.execute(
    `update app.application a
        set progress = v.progress, progress_final = v.progress_final,
            updated_at = coalesce(v.updated_at, a.updated_at), status = coalesce(v.status, a.status)
       from jsonb_to_recordset(?::jsonb)
         as v(id uuid, progress jsonb, progress_final boolean, updated_at timestamptz, status varchar(20))
      where a.id = v.id`,
    [JSON.stringify(rows)],
  );
  const events = updates.flatMap((update) => update.events);
  if (events.length > 0) await tx.insertMany<ApplicationEvent>(ApplicationEventSchema, events);
}
