import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from 'pino';
import { entities } from './entities.ts';
import { migrationsList } from './migrations/index.ts';
import { migrationsFolder } from './paths.ts';

export type Orm = MikroORM;

/** Schemas that other parts own in the same database; add a part's schema here when it gets one. */
export const OTHER_PARTS_SCHEMAS = [
  'public',
  'engine',
  'registry_hr',
  'registry_tax',
  'registry_health',
  'registry_civil',
] as const;

export const MIGRATIONS_FOLDER = migrationsFolder;

/** Connects MikroORM to the database (it does not migrate: see migrate()). */
export async function createOrm(databaseUrl: string, logger?: Logger): Promise<Orm> {
  return MikroORM.init({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    // Every request works on its own fork (plugins/db.plugin.ts); the global
    // context is never used, so a forgotten fork is an error, not a shared cache.
    allowGlobalContext: false,
    // The api's tables live in schema app. The other parts' schemas (and public)
    // are never compared, so a generated migration cannot drop their tables.
    schema: 'app',
    schemaGenerator: { ignoreSchema: [...OTHER_PARTS_SCHEMAS] },
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'app.mikro_orm_migrations',
      migrationsList,
      path: MIGRATIONS_FOLDER,
      pathTs: MIGRATIONS_FOLDER,
      emit: 'ts',
      snapshot: false,
      // Dropping a table loses data: write that migration by hand if it is ever meant.
      dropTables: false,
      transactional: true,
      allOrNothing: true,
    },
    debug: false,
    logger: (message) => logger?.debug({ orm: message }, 'mikro-orm'),
    // knex (under MikroORM) otherwise writes its warnings, such as a dropped
    // connection while the database restarts, straight to the console.
    driverOptions: {
      log: {
        warn: (message: unknown) => logger?.warn({ knex: String(message) }, 'database driver warning'),
        error: (message: unknown) => logger?.error({ knex: String(message) }, 'database driver error'),
        deprecate: (message: unknown) =>
          logger?.debug({ knex: String(message) }, 'database driver deprecation'),
        debug: (message: unknown) => logger?.trace({ knex: message }, 'database driver debug'),
      },
    },
  });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
