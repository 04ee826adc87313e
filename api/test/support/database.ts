import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureRoleSql } from '../../src/migrations/Migration20261129150500_apiRole.ts';
import { API_ROLE } from '../../src/orm.ts';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the run's PostgreSQL, for one test file. */
export async function createTestDatabase(prefix = 'api'): Promise<TestDatabase> {
  const maintenanceUrl = inject('postgresUrl');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(maintenanceUrl, (client) => client.query(`create database ${pg.escapeIdentifier(name)}`));
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withClient(maintenanceUrl, (client) =>
        client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
      );
    },
  };
}

export interface OwnedTestDatabase extends TestDatabase {
  /** The login user that owns the database: no superuser. */
  owner: string;
}

/**
 * A fresh database owned by a login user of its own that is no superuser, as
 * an external DATABASE_URL usually names. `as: 'dba-granted'` (default): a
 * superuser made the api's role beforehand and granted it to the owner, as
 * api/README.md asks the DBA to. `as: 'createrole'`: the owner only has the
 * CREATEROLE attribute.
 */
export async function createOwnedTestDatabase(
  prefix: string,
  options: { as?: 'dba-granted' | 'createrole' } = {},
): Promise<OwnedTestDatabase> {
  const maintenanceUrl = inject('postgresUrl');
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const name = `${prefix}_${suffix}`;
  const owner = `owner_${suffix}`;
  const password = randomBytes(12).toString('hex');
  await withClient(maintenanceUrl, async (client) => {
    const attributes = options.as === 'createrole' ? 'login createrole' : 'login';
    await client.query(`create role ${pg.escapeIdentifier(owner)} ${attributes} password '${password}'`);
    await client.query(`create database ${pg.escapeIdentifier(name)} owner ${pg.escapeIdentifier(owner)}`);
    if (options.as !== 'createrole') {
      await client.query(ensureRoleSql(API_ROLE));
      await client.query(`grant ${API_ROLE} to ${pg.escapeIdentifier(owner)}`);
    }
  });
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  url.username = owner;
  url.password = password;
  return {
    url: url.toString(),
    owner,
    drop: async () => {
      await withClient(maintenanceUrl, async (client) => {
        await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
        await client.query(`drop role if exists ${pg.escapeIdentifier(owner)}`);
      });
    },
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
