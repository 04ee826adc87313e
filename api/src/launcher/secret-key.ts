import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The key that encrypts personal data at rest. From ONETHING_SECRET_KEY when
 * set; otherwise (embedded default only, enforced by config.ts) generated once
 * into `<dataDir>/secret.key`, readable by its owner only. Losing this file
 * makes the stored ID numbers unreadable: back it up with the data.
 */
export async function resolveSecretKey(config: Config, logger: Logger): Promise<Buffer> {
  if (config.secretKey !== undefined) return config.secretKey;
  const path = join(config.dataDir, SECRET_KEY_FILE);
  await mkdir(config.dataDir, { recursive: true });
  try {
    await writeFile(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    logger.info({ path }, 'generated a new secret key for personal data');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  if (key.length !== 32)
    throw new Error(`${path} does not hold a 32-byte base64 key; restore it from a backup`);
  if (((await stat(path)).mode & 0o077) !== 0) {
    logger.warn({ path }, 'the secret key file is readable by other users; chmod 600 it');
  }
  return key;
}
