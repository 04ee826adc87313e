import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { createPersonalDataCipher } from '../../modules/people/personal-data-cipher.ts';
import { seedDemoAccounts } from '../../modules/users/demo-accounts.ts';
import { createOrm, migrate, type Orm } from '../../orm.ts';
import type { ReadyCheck } from '../../readiness.ts';
import { listen } from '../../server.ts';
import { resolveSecretKey } from '../secret-key.ts';
import type { Unit, UnitContext } from '../unit.ts';

/**
 * The api: migrates the database, seeds the demo accounts when configured,
 * and serves the api and the SPA. Stopping closes the server first (no new
 * connections, in-flight requests finish), then the database pool.
 */
export function apiUnit(): Unit {
  let orm: Orm | undefined;
  let app: FastifyInstance | undefined;

  return {
    name: 'api',
    async start({ config, logger, readiness, provided }: UnitContext) {
      const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
      if (databaseUrl === undefined)
        throw new Error('The api needs a database: start the database unit before it');
      const personalData = createPersonalDataCipher(await resolveSecretKey(config, logger));
      orm = await createOrm(databaseUrl, logger.child({ part: 'orm' }));
      const applied = await migrate(orm);
      logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema is up to date');
      if (config.demo) {
        const created = await seedDemoAccounts(orm.em.fork(), personalData);
        if (created.length > 0) logger.info({ created }, 'demo accounts created (password: demo)');
      }
      app = await buildApp({
        orm,
        readiness,
        personalData,
        logger,
        trustProxy: config.trustProxy,
        materialsDir: join(config.dataDir, 'materials'),
        ...((provided.registriesUrl ?? config.registriesUrl) === undefined
          ? {}
          : { registriesUrl: provided.registriesUrl ?? config.registriesUrl }),
        ...(provided.zeebe === undefined ? {} : { zeebe: provided.zeebe }),
        registriesSandbox: provided.registriesSandbox ?? config.registriesSandbox,
      });
      const address = await listen(app, { host: config.host, port: config.port });
      logger.info({ address }, 'api listening');
    },
    async stop() {
      await app?.close();
      app = undefined;
      await orm?.close();
      orm = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return app?.server.listening ? { ok: true } : { ok: false, reason: 'not listening' };
    },
  };
}
