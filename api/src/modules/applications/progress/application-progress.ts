import type { HistoryReader } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import { pino, type Logger } from 'pino';
import type { Orm } from '../../../orm.ts';
import type { BundleVersionRef } from '../../catalogue/published-versions.ts';
import { ApplicationEventSchema, ApplicationSchema, type Application } from '../application.entity.ts';
import { partProgress, progressChanges } from './part-progress.ts';

export interface ApplicationProgressOptions {
  orm: Orm;
  /** The engine's history (the embedded engine's tables in the same database). */
  history: HistoryReader;
  /** The manifest of the bundle version an application was submitted under, for its services. */
  manifestOf: (application: BundleVersionRef) => Promise<BundleManifest | undefined>;
  logger?: Logger;
  /** Pause between rounds (default 1 s). */
  intervalMs?: number;
  /** Applications looked at per round (default 200, least recently updated first). */
  batchSize?: number;
}

export interface ApplicationProgress {
  /** Stops after the current round. */
  stop(): Promise<void>;
}

/** Applications whose departments may be working. */
const FOLLOWED = ['accepted', 'processing'] as const;
/**
 * Ended applications are followed once more, until the worker has read their process to
 * its end: the last parts often finish moments before the window completes the application.
 */
const ENDED = ['completed', 'rejected', 'withdrawn'] as const;
const isEnded = (status: string) => ENDED.some((ended) => ended === status);

/**
 * Follows each accepted application's process in the engine's history and
 * keeps its parts current: a part is in progress when its service starts
 * and done, with the registry's result, when its connector completes. Each
 * change is a timeline entry, and the first one moves the application from
 * `accepted` to `processing`. Run one per deployment (the workers part).
 */
export function startApplicationProgress(options: ApplicationProgressOptions): ApplicationProgress {
  const logger = options.logger ?? pino({ level: 'silent' });
  const intervalMs = options.intervalMs ?? 1_000;
  let running = true;
  let wake: (() => void) | undefined;

  const follow = async (application: Application): Promise<void> => {
    const key = application.processInstanceKey;
    if (key === null || key === undefined) return;
    const manifest = await options.manifestOf(application);
    if (manifest === undefined) return;
    const view = await options.history.getProcessInstance(key);
    if (view === undefined) {
      // Its history is gone (retention): an ended application has nothing more to show.
      if (isEnded(application.status)) {
        await options.orm.em
          .fork()
          .nativeUpdate(ApplicationSchema, { id: application.id }, { progressFinal: true });
      }
      return;
    }
    const now = partProgress(manifest, {
      elements: view.elements,
      variables: view.variables[view.key] ?? {},
    });
    const changes = progressChanges(application.progress ?? null, now);
    const final = view.state !== 'ACTIVE';
    if (changes.length === 0 && final === application.progressFinal) return;
    const started = Object.values(now).some((part) => part.status !== 'pending');
    await options.orm.em.fork().transactional(async (tx) => {
      // Only from what was read: a concurrent change (a return, a completion) wins.
      const updated = await tx.nativeUpdate(
        ApplicationSchema,
        { id: application.id, status: application.status, updatedAt: application.updatedAt },
        {
          progress: now,
          progressFinal: final,
          updatedAt: new Date(),
          ...(application.status === 'accepted' && started ? { status: 'processing' as const } : {}),
        },
      );
      if (updated === 0) return;
      if (application.status === 'accepted' && started) {
        await tx.insert(ApplicationEventSchema, {
          applicationId: application.id,
          at: new Date(changes[0]?.at ?? Date.now()),
          event: 'application.processing',
          by: null,
          details: null,
        });
      }
      for (const change of changes) {
        await tx.insert(ApplicationEventSchema, {
          applicationId: application.id,
          at: change.at === undefined ? new Date() : new Date(change.at),
          event: change.event,
          by: null,
          details: change.details,
        });
      }
    });
  };

  const round = async (): Promise<void> => {
    const applications = await options.orm.em.fork().find(
      ApplicationSchema,
      {
        processInstanceKey: { $ne: null },
        $or: [{ status: { $in: [...FOLLOWED] } }, { status: { $in: [...ENDED] }, progressFinal: false }],
      },
      { orderBy: { updatedAt: 'asc' }, limit: options.batchSize ?? 200 },
    );
    for (const application of applications) {
      if (!running) return;
      await follow(application).catch((error: unknown) =>
        logger.warn({ err: error, applicationId: application.id }, 'application progress: could not follow'),
      );
    }
  };

  const loop = (async () => {
    while (running) {
      await round().catch((error: unknown) =>
        logger.warn({ err: error }, 'application progress round failed'),
      );
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs);
      });
    }
  })();

  return {
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
