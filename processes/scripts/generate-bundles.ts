/**
 * Writes each bundle's `process.bpmn` (with its diagram layout) and its staff
 * forms from `bundle.json` plus the bundle's spec in `specs/`. It produced the
 * first version of every bundle; once designers edit a bundle in the Studio,
 * the files in the bundle folder are the source of truth.
 *
 *   npx tsx processes/scripts/generate-bundles.ts [bundle-key ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBundleManifest } from '../src/bundle-manifest.ts';
import { buildBundleProcess } from './bpmn/bundle-process.ts';
import { serializeProcess } from './bpmn/serialize.ts';
import { staffForms } from './forms/staff-forms.ts';
import { bundleSpecs } from './specs/index.ts';

const processesDir = fileURLToPath(new URL('..', import.meta.url));
const wanted = new Set(process.argv.slice(2));

for (const spec of bundleSpecs) {
  if (wanted.size > 0 && !wanted.has(spec.key)) continue;
  const dir = join(processesDir, spec.key);
  const parsed = parseBundleManifest(JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`${spec.key}/bundle.json:\n${parsed.problems.join('\n')}`);
  const manifest = parsed.value;
  const specKeys = spec.services.map((s) => s.key).sort();
  const manifestKeys = manifest.services.map((s) => s.key).sort();
  if (specKeys.join() !== manifestKeys.join()) {
    throw new Error(`${spec.key}: the spec's services ${specKeys} differ from bundle.json's ${manifestKeys}`);
  }
  writeFileSync(join(dir, 'process.bpmn'), serializeProcess(buildBundleProcess(manifest, spec)));
  for (const [name, schema] of staffForms(manifest, spec)) {
    writeFileSync(join(dir, 'forms', `${name}.form`), `${JSON.stringify(schema, null, 2)}\n`);
  }
  console.log(`${spec.key}: process.bpmn and staff forms written`);
}
