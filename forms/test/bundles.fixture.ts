import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Department } from '../src/dictionary/dictionary.types.ts';
import { DEPARTMENTS } from '../src/dictionary/dictionary.types.ts';
import type { ServiceForm } from '../src/merge/flatten-service-form.ts';
import { isContainer, isKeyed } from '../src/schema/form-schema.types.ts';
import type { FormComponent } from '../src/schema/form-schema.types.ts';
import { parseFormSchema } from '../src/schema/parse-form-schema.ts';

// The five bundles' citizen forms (processes/<bundle>/forms, one per service in bundle.json) are
// the real input of mergeForms. Read as files: forms imports no workspace package.

const PROCESSES = join(import.meta.dirname, '../../processes');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function serviceForms(bundle: string): ServiceForm[] {
  const manifest = readJson(join(PROCESSES, bundle, 'bundle.json'));
  const services = manifest && typeof manifest === 'object' ? Reflect.get(manifest, 'services') : undefined;
  if (!Array.isArray(services)) throw new Error(`${bundle}/bundle.json has no services`);
  return services.map((entry: { key: string; department: string; form: string }) => {
    const parsed = parseFormSchema(readJson(join(PROCESSES, bundle, entry.form)));
    if (!parsed.ok) throw new Error(`${bundle}/${entry.form}: ${JSON.stringify(parsed.problems)}`);
    const department = DEPARTMENTS.find((known): known is Department => known === entry.department);
    if (!department) throw new Error(`${bundle}: unknown department ${entry.department}`);
    return { service: `${department}:${entry.key}`, department, schema: parsed.schema };
  });
}

export function keysOf(components: readonly FormComponent[]): string[] {
  return components.flatMap((c) => (isContainer(c) ? keysOf(c.components) : isKeyed(c) ? [c.key] : []));
}

export const BUNDLES = ['newborn', 'hiring', 'retirement', 'unemployment', 'after-death'].filter((bundle) =>
  existsSync(join(PROCESSES, bundle, 'bundle.json')),
);
