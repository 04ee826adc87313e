import { startPeriodicJob, type PeriodicJob } from '../../periodic-job.ts';
import { expireDryRuns } from '../../modules/studio/dry-run/expire-dry-runs.ts';
import { createOrm, type Orm } from '../../orm.ts';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often abandoned dry runs are looked for (their limit is days). */
const INTERVAL_MS = 60 * 60 * 1000;
const PAGE = 50;

/**
 * Cancels Studio dry runs left idle for STUDIO_DRY_RUN_IDLE_DAYS (default 7)
 * once an hour, as the designer's cancel does, with the reason `expired`
 * (expire-dry-runs.ts). Runs beside each api process (after the api unit
 * has migrated the tables); the processes share the work by row locks.
 */
export function dryRunExpiryUnit(): Unit {
  let orm: Orm | undefined;
  let job: PeriodicJob | undefined;

  return {
    name: 'dry-run-expiry',
    async start({ config, logger, provided }: UnitContext) {
      const zeebe = provided.zeebe;
      if (zeebe === undefined)
        throw new Error('The dry-run expiry needs the engine: start the engine unit before it');
      const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
      if (databaseUrl === undefined)
        throw new Error('The dry-run expiry needs the application database: set DATABASE_URL');
      const database = await createOrm(databaseUrl, logger.child({ part: 'orm' }));
      orm = database;
      job = startPeriodicJob({
        name: 'dry-run expiry',
        intervalMs: INTERVAL_MS,
        logger,
        run: async () => {
          const result = await expireDryRuns({
            orm: database,
            zeebe: () => zeebe,
            maxIdleMs: config.dryRunIdleDays * DAY_MS,
            now: new Date(),
            limit: PAGE,
            logger,
          });
          return result.more;
        },
      });
      logger.info({ idleDays: config.dryRunIdleDays }, 'abandoned dry runs expire');
    },
    async stop() {
      await job?.stop();
      job = undefined;
      await orm?.close();
      orm = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return job === undefined ? { ok: false, reason: 'not started' } : { ok: true };
    },
  };
}
