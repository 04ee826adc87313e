import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type pg from 'pg';
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

/**
 * The database role the api's work runs as (created by a migration): it may
 * read and write the api's tables, but not change the append-only ones
 * (audit trail, data-access log, timeline, comments, ratings), nor alter any
 * schema.
 */
export const API_ROLE = 'onething_api';

export interface OrmOptions {
  /**
   * `api` (default): every pooled connection switches to the api's role
   * (`SET ROLE onething_api`) as soon as it is opened, so even when the login
   * user owns the tables the api cannot update or delete audit entries.
   * `owner`: the login user itself, for migrations and schema tooling.
   */
  as?: 'api' | 'owner';
}

/** Connects MikroORM to the database (it does not migrate: see migrate()). */
export async function createOrm(
  databaseUrl: string,
  logger?: Logger,
  options: OrmOptions = {},
): Promise<Orm> {
  const asApi = (options.as ?? 'api') === 'api';
  return MikroORM.init({
    clientUrl: databaseUrl,
    // The api's role exists only once migrated: connect on first use (after migrate()), not here.
    connect: !asApi,
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
    pool: { min: 0, max: 10, ...(asApi ? { afterCreate: setApiRole } : {}) },
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

/**
 * Applies pending migrations as the login user (the owner of the schema), on
 * a connection of its own: the api's connections run as a role that may not
 * change schemas. Returns the names applied.
 */
export async function migrate(orm: Orm, logger?: Logger): Promise<string[]> {
  const url = orm.config.get('clientUrl');
  if (url === undefined) throw new Error('The ORM was configured without a clientUrl');
  const owner = await createOrm(url, logger, { as: 'owner' });
  try {
    const applied = await owner.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await owner.close();
  }
}

/** knex pool hook: a new connection becomes the api's role before anyone uses it. */
function setApiRole(connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void): void {
  connection.query(`set role ${API_ROLE}`).then(
    () => done(null, connection),
    (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), connection),
  );
}
