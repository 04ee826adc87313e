import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBundleManifest, type BundleManifest } from './bundle-manifest.ts';
import { ProcessesError } from './errors.ts';
import { parseFormSchema, type FormSchema } from './form-schema.ts';

export interface Bundle {
  manifest: BundleManifest;
  /** `process.bpmn`, as deployed to the engine. */
  bpmnXml: string;
  /** Every form of the bundle by name (`forms/<name>.form`): the services' and the staff forms. */
  forms: Map<string, FormSchema>;
}

/** The folder holding the bundle folders (this package's root). */
export const BUNDLES_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The five bundles shipped with OneThing, in catalogue order. */
export const BUNDLE_KEYS = ['newborn', 'hiring', 'retirement', 'unemployment', 'after-death'] as const;

const BUNDLE_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ProcessesError(
      'BUNDLE_INVALID',
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Loads one bundle folder; a broken file is reported with every problem found in it. */
export function loadBundle(key: string, root: string = BUNDLES_DIR): Bundle {
  // The key may come from a URL: never let it name a path outside the catalogue.
  if (!BUNDLE_KEY_PATTERN.test(key))
    throw new ProcessesError('BUNDLE_NOT_FOUND', `"${key}" is not a bundle key`);
  const dir = join(root, key);
  const manifestPath = join(dir, 'bundle.json');
  if (!existsSync(manifestPath))
    throw new ProcessesError('BUNDLE_NOT_FOUND', `${key}: no bundle.json in ${dir}`);
  const parsed = parseBundleManifest(readJson(manifestPath));
  if (!parsed.ok)
    throw new ProcessesError('BUNDLE_INVALID', `${key}/bundle.json: ${parsed.problems.join('; ')}`);
  if (parsed.value.key !== key)
    throw new ProcessesError('BUNDLE_INVALID', `${key}/bundle.json: key is "${parsed.value.key}"`);

  const forms = new Map<string, FormSchema>();
  const formsDir = join(dir, 'forms');
  const files = existsSync(formsDir)
    ? readdirSync(formsDir)
        .filter((file) => file.endsWith('.form'))
        .sort()
    : [];
  for (const file of files) {
    const result = parseFormSchema(readJson(join(formsDir, file)));
    if (!result.ok)
      throw new ProcessesError('BUNDLE_INVALID', `${key}/forms/${file}: ${result.problems.join('; ')}`);
    forms.set(file.slice(0, -'.form'.length), result.value);
  }
  for (const service of parsed.value.services) {
    const name = service.form.slice('forms/'.length, -'.form'.length);
    if (!forms.has(name)) throw new ProcessesError('BUNDLE_INVALID', `${key}: ${service.form} is missing`);
  }

  const bpmnPath = join(dir, 'process.bpmn');
  if (!existsSync(bpmnPath)) throw new ProcessesError('BUNDLE_INVALID', `${key}: process.bpmn is missing`);
  return { manifest: parsed.value, bpmnXml: readFileSync(bpmnPath, 'utf8'), forms };
}

/** Every bundle of the catalogue with its BPMN and forms. */
export function loadBundles(root: string = BUNDLES_DIR): Bundle[] {
  return BUNDLE_KEYS.map((key) => loadBundle(key, root));
}
