import { seedCatalogue, type SeedOutcome } from '../../modules/catalogue/seed-catalogue.ts';
import { createOrm, migrate } from '../../orm.ts';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';

/**
 * Seeds the catalogue in the database from `processes/` and deploys it to the
 * engine (seed-catalogue.ts has the rule: new bundles and shipped changes
 * arrive, the Studio's work is never overwritten). It migrates first, since it
 * runs before the api unit that otherwise does.
 */
export function catalogueUnit(): Unit {
  let seeded: Record<string, SeedOutcome> | undefined;

  return {
    name: 'catalogue',
    async start({ config, logger, provided }: UnitContext) {
      const zeebe = provided.zeebe;
      if (zeebe === undefined)
        throw new Error('The catalogue needs the engine: start the engine unit before it');
      const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
      if (databaseUrl === undefined)
        throw new Error('The catalogue needs a database: start the database unit before it');
      const orm = await createOrm(databaseUrl, logger.child({ part: 'orm' }));
      try {
        await migrate(orm);
        seeded = await seedCatalogue({ orm, zeebe, logger });
      } finally {
        await orm.close();
      }
      logger.info({ bundles: seeded }, 'catalogue seeded and deployed');
    },
    async stop() {
      seeded = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return seeded === undefined ? { ok: false, reason: 'not deployed' } : { ok: true };
    },
  };
}
