import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '../../postgres/embedded-postgres.ts';
import type { ReadyCheck } from '../../readiness.ts';
import { lockDataDir, type DataDirLock } from '../data-dir-lock.ts';
import type { Unit, UnitContext } from '../unit.ts';

export const APP_DATABASE = 'onething';

/**
 * The database: the external one named by DATABASE_URL, or else an embedded
 * PostgreSQL in `<dataDir>/postgres` holding the `onething` database.
 */
export function databaseUnit(): Unit {
  let url: string | undefined;
  let server: RunningPostgres | undefined;
  let lock: DataDirLock | undefined;

  return {
    name: 'postgres',
    async start(context: UnitContext) {
      const { config, logger } = context;
      if (config.databaseUrl !== undefined) {
        url = config.databaseUrl;
      } else {
        await mkdir(config.dataDir, { recursive: true });
        lock = await lockDataDir(config.dataDir);
        const dataDir = join(config.dataDir, 'postgres');
        await assertReachableByPostgresUser(dataDir);
        logger.info({ dataDir, port: config.postgresPort }, 'starting embedded PostgreSQL');
        // PostgreSQL's own log is debug-level noise, except when it explains a failed start.
        const recent: string[] = [];
        try {
          server = await startEmbeddedPostgres({
            dataDir,
            port: config.postgresPort,
            onLog: (message) => {
              recent.push(message.trim());
              if (recent.length > 30) recent.shift();
              logger.debug({ postgres: message.trim() }, 'postgres');
            },
          });
        } catch (error) {
          logger.error({ postgresLog: recent }, 'embedded PostgreSQL did not start');
          throw error;
        }
        await ensureDatabase(server.url, APP_DATABASE);
        url = server.urlFor(APP_DATABASE);
      }
      context.provided.databaseUrl = url;
    },
    async stop() {
      await server?.stop();
      server = undefined;
      await lock?.release();
      lock = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      if (url === undefined) return { ok: false, reason: 'not started' };
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        await client.query('select 1');
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

/**
 * Run as root, PostgreSQL runs as the `postgres` OS user, which must be able
 * to reach its data directory: every folder above it must be searchable by
 * others (a repository under /root is not).
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (userInfo().uid !== 0) return;
  for (let folder = dirname(dataDir); ; folder = dirname(folder)) {
    await access(folder, constants.F_OK);
    if (((await stat(folder)).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the postgres user, which cannot reach ${dataDir}: ${folder} is not searchable by others. ` +
          'Set ONETHING_DATA_DIR to a folder it can reach (e.g. /var/lib/onething) or chmod o+x the folders above.',
      );
    }
    if (dirname(folder) === folder) return;
  }
}
