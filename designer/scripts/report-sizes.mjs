// Prints the size of every chunk of the built SPA, split into what the first page load fetches
// (the entry and its static imports) and what loads later, and fails when a heavy library
// (bpmn-js, form-js, echarts) ended up in the first load.
import console from 'node:console';
import process from 'node:process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const HEAVY = /^assets\/(bpmn|form-js|echarts)-/;

function sizes(file) {
  const content = readFileSync(join(dist, file));
  return { raw: content.length, gzip: gzipSync(content).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(8)} kB`;

export function reportSizes({ log = console.log } = {}) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('The build manifest has no entry chunk.');

  const initial = new Set();
  const visit = (key) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(entryKey);

  const rows = new Map();
  const add = (file, load) => {
    if (!rows.has(file)) rows.set(file, { file, load, ...sizes(file) });
  };
  add(manifest[entryKey].file, 'entry');
  for (const key of initial) {
    add(manifest[key].file, 'initial');
    for (const css of manifest[key].css ?? []) add(css, 'initial');
  }
  for (const chunk of Object.values(manifest)) {
    add(chunk.file, 'lazy');
    for (const css of chunk.css ?? []) add(css, 'lazy');
  }
  const order = { entry: 0, initial: 1, lazy: 2 };
  const sorted = [...rows.values()].sort((a, b) => order[a.load] - order[b.load] || b.raw - a.raw);

  log('designer bundle (raw / gzip):');
  for (const row of sorted) log(`  ${row.load.padEnd(7)} ${kb(row.raw)} ${kb(row.gzip)}  ${row.file}`);
  const firstLoad = sorted.filter((row) => row.load !== 'lazy' && row.file.endsWith('.js'));
  const total = firstLoad.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), {
    raw: 0,
    gzip: 0,
  });
  log(`  first load JavaScript: ${kb(total.raw).trim()} raw, ${kb(total.gzip).trim()} gzip`);

  const misplaced = firstLoad.filter((row) => HEAVY.test(row.file));
  if (misplaced.length > 0) {
    throw new Error(`Heavy libraries in the first load: ${misplaced.map((row) => row.file).join(', ')}`);
  }
  return sorted;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    reportSizes();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
