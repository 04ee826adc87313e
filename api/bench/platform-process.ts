import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { parseConfig } from '../src/config.ts';
import { PARTS } from '../src/launcher/parts.ts';
import { startUnits, type RunningUnits } from '../src/launcher/run-units.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../src/postgres/embedded-postgres.ts';
import { freePort } from '@onething/engine/free-port';

/**
 * The platform under measurement, in a process of its own (so that the load
 * generator does not share its event loop): everything `pnpm start` runs on
 * the embedded defaults — PostgreSQL, the embedded engine, the sandbox
 * registries, the catalogue, the workers, the api and the user-task bridge —
 * on a PostgreSQL in a temporary folder, with the demo accounts. It prints one
 * JSON line (`{ baseUrl, databaseUrl, secretKeyHex }`) when ready and stops
 * cleanly on SIGTERM.
 */
async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'onething-api-bench-'));
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: await freePort(),
    ephemeral: true,
  });
  let running: RunningUnits | undefined;
  const stop = async () => {
    await running?.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(postgres.url, 'onething');
    const databaseUrl = postgres.urlFor('onething');
    const secretKeyHex = randomBytes(32).toString('hex');
    const port = await freePort();
    const parsed = parseConfig(
      {
        DATABASE_URL: databaseUrl,
        ONETHING_SECRET_KEY: secretKeyHex,
        ONETHING_DATA_DIR: dataDir,
        ONETHING_DEMO: '1',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        // Sign-ins are limited per client address: each bench citizen signs in from its own.
        TRUST_PROXY: 'true',
      },
      { repoRoot: dataDir, cwd: dataDir },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const config = { ...parsed.config, zeebeGatewayAddress: '127.0.0.1:0' };
    running = await startUnits(await PARTS.start(), config, pino({ level: 'error' }));
    process.stdout.write(
      `${JSON.stringify({ baseUrl: `http://127.0.0.1:${port}`, databaseUrl, secretKeyHex })}\n`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  process.once('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
