// Rebuilds the SPA only when its inputs changed since the last build (dist/.build-stamp),
// so `pnpm start` and the browser tests do not pay for a build every time.
import console from 'node:console';
import process from 'node:process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', '../forms/src'].map((path) =>
  join(root, path),
);

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newest(input) > built);
}

export async function buildIfStale({ log = console.log } = {}) {
  if (!isStale()) {
    log('designer: dist is up to date');
    return false;
  }
  log('designer: building the SPA');
  // Always the production build, also when called from a test run (NODE_ENV=test would make
  // Vite bundle Vue's development build).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  const { reportSizes } = await import('./report-sizes.mjs');
  reportSizes({ log });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIfStale().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
