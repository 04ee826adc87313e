import { createHistoryReader } from '@onething/engine';
import pg from 'pg';
import {
  startApplicationProgress,
  type ApplicationProgress,
} from '../../modules/applications/progress/application-progress.ts';
import { PublishedVersions } from '../../modules/catalogue/published-versions.ts';
import { createOrm, type Orm } from '../../orm.ts';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';

/**
 * Keeps applications' parts current from the engine's history (in progress
 * when a service starts, done when its connector completes). It reads the
 * embedded engine's tables in the application database, so it runs only
 * without ZEEBE_ADDRESS; with an external Zeebe, parts follow the user-task
 * bridge. Any number of replicas may run it (they take turns on the history
 * cursor), after the api unit has migrated the tables.
 */
export function applicationProgressUnit(): Unit {
  let orm: Orm | undefined;
  let pool: pg.Pool | undefined;
  let progress: ApplicationProgress | undefined;
  let skipped = false;

  return {
    name: 'application-progress',
    async start({ config, logger, provided }: UnitContext) {
      if (config.zeebeAddress !== undefined) {
        skipped = true;
        logger.info('an external Zeebe keeps its history elsewhere: parts follow the user-task bridge only');
        return;
      }
      const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
      if (databaseUrl === undefined)
        throw new Error('Application progress needs the application database: set DATABASE_URL');
      orm = await createOrm(databaseUrl, logger.child({ part: 'orm' }));
      pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      // Each application's services as the bundle version it was submitted under has them.
      const versions = new PublishedVersions(orm);
      progress = startApplicationProgress({
        orm,
        history: createHistoryReader(pool),
        manifestOf: async (application) => (await versions.of(application)).manifest,
        logger,
      });
      logger.info('application progress following the engine history');
    },
    async stop() {
      await progress?.stop();
      progress = undefined;
      await pool?.end();
      pool = undefined;
      await orm?.close();
      orm = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return skipped || progress !== undefined ? { ok: true } : { ok: false, reason: 'not started' };
    },
  };
}
