import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

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

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
