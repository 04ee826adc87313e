import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { startEngine, type RunningEngine, type StartEngineOptions } from '../../src/launch/start-engine.ts';

/** A fresh database on the run's PostgreSQL, named for the test file. */
export async function createDatabase(label: string): Promise<string> {
  const maintenanceUrl = inject('postgresUrl');
  const name = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The real engine (core + gateway) on a fresh database and an ephemeral port. */
export async function startTestEngine(
  label: string,
  options: Pick<StartEngineOptions, 'maxMessageSize'> = {},
): Promise<RunningEngine> {
  const databaseUrl = await createDatabase(label);
  return startEngine({
    ...options,
    databaseUrl,
    gatewayAddress: '127.0.0.1:0',
    logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
  });
}
