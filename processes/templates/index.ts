import { readdirSync, readFileSync } from 'node:fs';

/** The folder holding one element template JSON file per department operation. */
export const TEMPLATES_DIR = new URL('./', import.meta.url);

export interface ElementTemplate {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  /** The template as the modeler reads it. */
  readonly json: Record<string, unknown>;
  readonly file: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads every `<dept>-<operation>.json` element template, sorted by file name,
 * for the Studio's modeler (bpmn-js-element-templates) and for checks.
 */
export function loadElementTemplates(dir: URL = TEMPLATES_DIR): ElementTemplate[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const json: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    if (
      !isRecord(json) ||
      typeof json.id !== 'string' ||
      typeof json.name !== 'string' ||
      typeof json.version !== 'number'
    ) {
      throw new Error(`element template ${file} lacks an id, a name or a version`);
    }
    return { id: json.id, name: json.name, version: json.version, json, file };
  });
}
