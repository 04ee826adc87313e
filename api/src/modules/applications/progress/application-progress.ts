import type { HistoryReader } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import { pino, type Logger } from 'pino';
import type { Orm } from '../../../orm.ts';
import { startPeriodicJob } from '../../../periodic-job.ts';
import type { BundleVersionRef } from '../../catalogue/published-versions.ts';
import { DEFAULT_RETRY_POLICY, retryFailures, type RetryPolicy } from './progress-failures.ts';
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
  /** Retries of an application that fails (default DEFAULT_RETRY_POLICY). */
  retryPolicy?: RetryPolicy;
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
 * many applications run; any number of api replicas may run it. On start,
 * applications set aside after failing (progress-failures.ts) get a new
 * series of retries: a restart is how a fix is deployed.
 */
export function startApplicationProgress(options: ApplicationProgressOptions): ApplicationProgress {
  const logger = options.logger ?? pino({ level: 'silent' });
  const retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  let revived = false;
  return startPeriodicJob({
    name: 'application progress round',
    intervalMs: options.intervalMs ?? 1_000,
    logger,
    run: async () => {
      if (!revived) {
        const count = await retryFailures(options.orm.em.fork(), retryPolicy, new Date());
        if (count > 0)
          logger.info({ applications: count }, 'application progress: retrying set-aside applications');
        revived = true;
      }
      const result = await runProgressRound({
        orm: options.orm,
        history: options.history,
        manifestOf: options.manifestOf,
        logger,
        feedLimit: options.batchSize ?? 500,
        sweepLimit: options.sweepSize ?? 100,
        retryPolicy,
      });
      // Busy: another replica holds the cursor; nothing of ours was kept.
      return result.kind === 'done' && result.more;
    },
  });
}
