import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/core/open-engine.ts';
import { migrate } from '../../src/store/migrations.ts';
import { acquireWriterLock, type WriterLock } from '../../src/store/writer-lock.ts';
import { ManualClock } from '../core/core-support.ts';
import { createDatabase } from '../support/test-engine.ts';
import { SCHEMA_4_LIVE as OLD } from './fixtures/schema-4-live.ts';

/**
 * A newer engine started while the old one still runs on the database (a rolling
 * deployment starts the new copy before it stops the old one) must not migrate the
 * schema under the running writer: migration 5 drops a table the old engine writes in
 * every commit. It waits its turn at the writer lock, then migrates.
 */
let databaseUrl: string;
let pool: pg.Pool;
let running: WriterLock | undefined;

beforeAll(async () => {
  databaseUrl = await createDatabase('engine_upgrade_while_running');
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await migrate(pool, { upTo: 4 });
  await pool.query(await readFile(join(import.meta.dirname, 'fixtures', 'schema-4-live.sql'), 'utf8'));
});

afterAll(async () => {
  await running?.release();
  await pool?.end();
});

const open = () =>
  openEngine({
    databaseUrl,
    clock: new ManualClock(OLD.clockAtEnd),
    logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
  });

async function schemaState() {
  const versions = await pool.query<{ version: number }>(
    'select version from engine.schema_migrations order by version',
  );
  const variables = await pool.query<{ found: string | null }>(
    `select to_regclass('engine.variables')::text as found`,
  );
  return { versions: versions.rows.map((row) => row.version), variablesTable: variables.rows[0]?.found };
}

describe('upgrading while an older engine still runs on the database', () => {
  it('refuses to open and leaves the schema as the running engine needs it', async () => {
    // given the old engine's writer lock held
    running = await acquireWriterLock(pool);

    // when
    const opening = open();

    // then
    await expect(opening).rejects.toThrow(/another engine/);
    expect(await schemaState()).toEqual({ versions: [1, 2, 3, 4], variablesTable: 'engine.variables' });
  });

  it('migrates and opens once the old engine has stopped', async () => {
    // given the old engine stopped
    await running?.release();
    running = undefined;

    // when
    const engine = await open();
    await engine.close();

    // then (later migrations are applied with it)
    const state = await schemaState();
    expect(state.versions.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(state.variablesTable).toBeNull();
  });
});
