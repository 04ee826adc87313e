import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'onething-lock-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('takes over a pid file left by a killed launcher', async () => {
    // given a pid that no process has
    await writeFile(join(dataDir, LOCK_FILE), '2147483000\n');

    // when
    const lock = await lockDataDir(dataDir);

    // then
    expect((await readFile(join(dataDir, LOCK_FILE), 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
    await expect(readFile(join(dataDir, LOCK_FILE))).rejects.toThrow();
  });

  it('refuses while another launcher runs on the same data directory', async () => {
    // given a live process whose command line is the launcher's
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)', 'src/launcher/cli.ts'], {
      stdio: 'ignore',
    });
    try {
      await writeFile(join(dataDir, LOCK_FILE), `${other.pid}\n`);

      // when / then
      await expect(lockDataDir(dataDir)).rejects.toThrow(`Another OneThing (pid ${other.pid})`);
    } finally {
      other.kill();
    }
  });
});
