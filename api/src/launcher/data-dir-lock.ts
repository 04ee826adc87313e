import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'onething.pid';

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * One launcher per data directory. The lock is a pid file; a file whose
 * process is gone (after `kill -9`) or is not a OneThing launcher is stale
 * and taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const holder = await readHolder(path);
  if (holder !== undefined && holder !== process.pid && (await isLauncher(holder))) {
    throw new Error(`Another OneThing (pid ${holder}) is running on ${dataDir}; stop it first`);
  }
  await writeFile(path, `${process.pid}\n`, { mode: 0o644 });
  return {
    release: async () => {
      if ((await readHolder(path)) === process.pid) await rm(path, { force: true });
    },
  };
}

async function readHolder(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function isLauncher(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('launcher/cli.ts');
  } catch {
    // No /proc: a live process with that pid is taken to be the launcher.
    return true;
  }
}
