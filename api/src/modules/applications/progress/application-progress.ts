import type { HistoryReader } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import { pino, type Logger } from 'pino';
import type { Orm } from '../../../orm.ts';
import type { BundleVersionRef } from '../../catalogue/published-versions.ts';
import { runProgressRound } from './progress-round.ts';

export interface ApplicationProgressOptions {
  orm: Orm;
  /** The engine's history (the embedded engine's tables in the same database). */
  history: HistoryReader;
  /** The manifest of the bundle version an application was submitted under, for its services. */
  manifestOf: (application: BundleVersionRef) => Promise<BundleManifest | undefined>;
  logger?: Logger;
  /** Pause between rounds when the feed has nothing more (default 1 s). */
  intervalMs?: number;
  /** History feed rows per round (default 500). */
  batchSize?: number;
  /** Accepted and not yet swept applications looked at per round (default 100). */
  sweepSize?: number;
}

export interface ApplicationProgress {
  /** Stops after the current round. */
  stop(): Promise<void>;
}

/**
 * Keeps applications' parts current from the engine's history: a part is in
 * progress when its service starts and done, with the registry's result,
 * when its connector completes. Each change is a timeline entry, and the
 * first start moves the application from `accepted` to `processing`. It
 * follows the history's change feed by a cursor stored with the progress
 * (progress-round.ts), so its work grows with what changes, not with how
 * many applications run; any number of api replicas may run it.
 */
export function startApplicationProgress(options: ApplicationProgressOptions): ApplicationProgress {
  const logger = options.logger ?? pino({ level: 'silent' });
  const intervalMs = options.intervalMs ?? 1_000;
  let running = true;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    while (running) {
      let more = false;
      try {
        const result = await runProgressRound({
          orm: options.orm,
          history: options.history,
          manifestOf: options.manifestOf,
          logger,
          feedLimit: options.batchSize ?? 500,
          sweepLimit: options.sweepSize ?? 100,
        });
        more = result.kind === 'done' && result.more;
      } catch (error) {
        // Nothing of the round was kept: the next one starts from the same cursor.
        logger.warn({ err: error }, 'application progress round failed; retrying');
      }
      if (more || !running) continue;
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
