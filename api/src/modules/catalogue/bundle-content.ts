import { createHash } from 'node:crypto';
import type { Bundle } from '@onething/processes';

/** A bundle as the Studio edits it and a published version keeps it. */
export interface BundleContent {
  /** `process.bpmn`. */
  bpmn: string;
  /** Every form of the bundle by its path in the folder: `forms/<name>.form` → form-js schema. */
  forms: Record<string, unknown>;
  /** `bundle.json`. */
  manifest: Record<string, unknown>;
}

/** `forms/birth-certificate.form` → `birth-certificate`. */
export function formName(path: string): string {
  return path.replace(/^forms\//, '').replace(/\.form$/, '');
}

export function formPath(name: string): string {
  return `forms/${name}.form`;
}

/** The content of a bundle folder of `processes/`. */
export function contentFromFolder(bundle: Bundle): BundleContent {
  const forms: Record<string, unknown> = {};
  for (const [name, schema] of [...bundle.forms].sort(([a], [b]) => a.localeCompare(b))) {
    forms[formPath(name)] = schema;
  }
  return { bpmn: bundle.bpmnXml, forms, manifest: { ...bundle.manifest } };
}

/**
 * A hash of the content, independent of the order of the forms: what the seed
 * compares to tell whether the files in `processes/` changed.
 */
export function contentHash(content: BundleContent): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(content.manifest));
  hash.update('\0');
  hash.update(content.bpmn);
  for (const path of Object.keys(content.forms).sort()) {
    hash.update('\0');
    hash.update(path);
    hash.update('\0');
    hash.update(JSON.stringify(content.forms[path]));
  }
  return hash.digest('hex');
}
