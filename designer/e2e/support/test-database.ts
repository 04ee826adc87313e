import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { freePort } from '@onething/engine/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for this test file: on the test run's PostgreSQL when the root
 * config's global setup provides one, else on an embedded PostgreSQL started here.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const provided: unknown = inject('postgresUrl');
  const server =
    typeof provided === 'string' ? { url: provided, stop: async () => undefined } : await ownPostgres();

  const name = `onething_e2e_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await withClient(server.url, (client) => client.query(`create database ${name}`));
  const url = new URL(server.url);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    async drop() {
      try {
        await withClient(server.url, (client) =>
          client.query(`drop database if exists ${name} with (force)`),
        );
      } finally {
        await server.stop();
      }
    },
  };
}

async function ownPostgres() {
  // Loaded only when needed: under the root config the global setup already runs PostgreSQL.
  const { startEmbeddedPostgres } = await import('@onething/api/embedded-postgres');
  const dataDir = await mkdtemp(join(tmpdir(), 'onething-e2e-pg-'));
  return startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
