import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@onething/engine/free-port';
import { parseConfig, type Config } from '../src/config.ts';
import { apiRoot } from '../src/paths.ts';
import { startUnits } from '../src/launcher/run-units.ts';
import { apiUnit } from '../src/launcher/units/api.unit.ts';
import { databaseUnit } from '../src/launcher/units/database.unit.ts';
import { createOwnedTestDatabase, withClient, type TestDatabase } from './support/database.ts';
import { sampleNotice2027 } from './support/holiday-notice.ts';

/** Runs the real CLI; resolves with its exit code and output. */
function onething(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/launcher/cli.ts', ...args], {
      cwd: apiRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the onething command', () => {
  it('refuses an unknown command with the usage', async () => {
    const result = await onething(['everything']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('Unknown command: everything');
    expect(result.output).toContain('registries   the sandbox department registries');
  });

  it('names the bad variable and starts nothing', async () => {
    const result = await onething(['start'], {
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x@127.0.0.1:1/none',
    });
    expect(result.code).toBe(2);
    expect(result.output).toContain('PORT must be an integer');
    expect(result.output).toContain('ONETHING_SECRET_KEY is required when DATABASE_URL is set');
  });

  it('refuses to start on a holiday file that does not parse, naming the file and the problem', async () => {
    // given: a 2027 notice with a make-up working day that is not a date
    const holidaysDir = await mkdtemp(join(tmpdir(), 'onething-holidays-'));
    try {
      await writeFile(
        join(holidaysDir, 'holidays-2027.json'),
        JSON.stringify({ ...sampleNotice2027, makeUpWorkdays: [{ date: '2027-02-30', for: '春节' }] }),
      );

      // when
      const result = await onething(['start'], {
        ONETHING_HOLIDAYS_DIR: holidaysDir,
        DATABASE_URL: 'postgres://x@127.0.0.1:1/none',
        ONETHING_SECRET_KEY: 'ab'.repeat(32),
      });

      // then
      expect(result.code).toBe(2);
      expect(result.output).toContain('Invalid holiday files in ONETHING_HOLIDAYS_DIR');
      expect(result.output).toContain('holidays-2027.json');
      expect(result.output).toContain('2027-02-30');
    } finally {
      await rm(holidaysDir, { recursive: true, force: true });
    }
  });
});

describe('the api part on an external database', () => {
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;

  beforeAll(async () => {
    // Its login user owns the database but is no superuser, as external databases usually are.
    database = await createOwnedTestDatabase('launcher');
    dataDir = await mkdtemp(join(tmpdir(), 'onething-launcher-'));
    const parsed = parseConfig(
      {
        DATABASE_URL: database.url,
        ONETHING_SECRET_KEY: 'ef'.repeat(32),
        ONETHING_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
      },
      { repoRoot: '/repo', cwd: '/repo' },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    config = parsed.config;
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, does not seed demo accounts, serves /ready and stops cleanly', async () => {
    // when
    const running = await startUnits([databaseUnit(), apiUnit()], config, pino({ level: 'silent' }));
    try {
      const response = await fetch(`http://127.0.0.1:${config.port}/ready`);

      // then
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ready',
        checks: { postgres: { ok: true }, database: { ok: true } },
      });
      const users = await withClient(database.url, (client) =>
        client.query('select count(*)::int as n from app.user_account'),
      );
      expect(users.rows[0].n).toBe(0);
    } finally {
      await running.stop();
    }

    // and after stopping, nothing listens any more
    await expect(fetch(`http://127.0.0.1:${config.port}/health`)).rejects.toThrow();
  });
});
