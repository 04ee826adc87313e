import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The element template of a department operation (`templates/<dept>-<operation>.json`),
 * as far as the generator applies it to a connector task: its id and version
 * (`zeebe:modelerTemplate`), the retries, the request fields in template order
 * (with whether they are optional) and the response fields it maps out.
 */
export interface OperationTemplate {
  id: string;
  version: number;
  retries: number;
  inputs: { name: string; optional: boolean }[];
  outputs: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readOperationTemplate(jobType: string): OperationTemplate {
  const [, dept, operation] = jobType.split(':');
  const file = fileURLToPath(new URL(`../../templates/${dept}-${operation}.json`, import.meta.url));
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    !isRecord(json) ||
    typeof json.id !== 'string' ||
    typeof json.version !== 'number' ||
    !Array.isArray(json.properties)
  ) {
    throw new Error(`${file}: not an element template`);
  }
  const properties = json.properties.filter(isRecord);
  const binding = (p: Record<string, unknown>) => (isRecord(p.binding) ? p.binding : {});
  const retries = properties.find((p) => binding(p).property === 'retries')?.value;
  return {
    id: json.id,
    version: json.version,
    retries: typeof retries === 'string' ? Number(retries) : 3,
    inputs: properties
      .filter((p) => binding(p).type === 'zeebe:input')
      .map((p) => ({ name: String(binding(p).name), optional: p.optional === true })),
    outputs: properties
      .filter((p) => binding(p).type === 'zeebe:output')
      .map((p) => String(binding(p).source).replace(/^=/, '')),
  };
}
