import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@onething/engine/free-port';

const designerRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = resolve(designerRoot, '..');

export interface RunningPlatform {
  baseUrl: string;
  /** What the platform printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Builds the SPA when its sources changed since the last build, as `pnpm start` does. */
export async function buildSpaIfStale(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(designerRoot, 'scripts', 'build-if-stale.mjs')], {
    cwd: designerRoot,
    env: outsideTestEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Starts the whole platform the way `pnpm start` does (`tsx src/launcher/cli.ts start` in the
 * api package) in a process group of its own, on the given database with the demo accounts,
 * and waits until `/ready` answers 200. `options.env` adds or overrides environment variables.
 */
export async function startPlatform(
  databaseUrl: string,
  options: { env?: Readonly<Record<string, string>> } = {},
): Promise<RunningPlatform> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'onething-e2e-data-'));
  const env = outsideTestEnv();
  Object.assign(env, {
    DATABASE_URL: databaseUrl,
    ONETHING_DEMO: '1',
    ONETHING_SECRET_KEY: randomBytes(32).toString('hex'),
    ONETHING_DATA_DIR: dataDir,
    ZEEBE_GATEWAY_ADDRESS: `127.0.0.1:${await freePort()}`,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  // What a test needs on top, e.g. the sandbox registries' fault injection.
  Object.assign(env, options.env);

  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['src/launcher/cli.ts', 'start'], {
    cwd: join(repoRoot, 'api'),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-64_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const platform: RunningPlatform = {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      await stopGroup(child, exited);
      await rm(dataDir, { recursive: true, force: true });
    },
  };

  try {
    await waitUntilReady(platform.baseUrl, exited);
  } catch (error) {
    await platform.stop();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- platform output ---\n${output}`,
    );
  }
  return platform;
}

/** This process's environment without what Vitest adds, so children run as they would from a shell. */
function outsideTestEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV') delete env[key];
  return env;
}

async function waitUntilReady(baseUrl: string, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`The platform exited with code ${exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
  throw new Error(`The platform was not ready at ${baseUrl}/ready within 3 minutes`);
}

/** SIGTERM to the whole group (tsx and the node process it runs), SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolveWait) => setTimeout(() => resolveWait(true), 20_000)),
  ]);
  // tsx exits once its node child has; make sure nothing of the group is left either way.
  signalGroup('SIGKILL');
  if (timedOut) await exited;
}
