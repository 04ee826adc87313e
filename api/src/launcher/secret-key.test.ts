import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../config.ts';
import { resolveSecretKey } from './secret-key.ts';

const logger = pino({ level: 'silent' });
let dataDir: string;

function configWith(env: NodeJS.ProcessEnv): Config {
  const parsed = parseConfig({ ONETHING_DATA_DIR: dataDir, ...env }, { repoRoot: '/repo', cwd: '/repo' });
  if (!parsed.ok) throw new Error('valid configuration expected');
  return parsed.config;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'onething-key-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('resolveSecretKey', () => {
  it('generates a key once into the data directory, readable by its owner only, and reuses it', async () => {
    // when
    const first = await resolveSecretKey(configWith({}), logger);
    const second = await resolveSecretKey(configWith({}), logger);

    // then
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    const file = join(dataDir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64').equals(first)).toBe(true);
  });

  it('uses ONETHING_SECRET_KEY when set and writes no file', async () => {
    const key = await resolveSecretKey(configWith({ ONETHING_SECRET_KEY: 'cd'.repeat(32) }), logger);
    expect(key.equals(Buffer.from('cd'.repeat(32), 'hex'))).toBe(true);
    await expect(stat(join(dataDir, 'secret.key'))).rejects.toThrow();
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    await writeFile(join(dataDir, 'secret.key'), 'not a key\n', { mode: 0o600 });
    await expect(resolveSecretKey(configWith({}), logger)).rejects.toThrow(/32-byte/);
  });
});
