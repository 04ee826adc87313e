import { createHash } from 'node:crypto';
import {
  mergeForms,
  parseFormSchema,
  type FormSchema,
  type MergedField,
  type ServiceForm,
} from '@onething/forms';
import type { Bundle, BundleManifest } from '@onething/processes';

/** One bundle as the api serves it: its manifest, its combined form and every form of its folder. */
export interface CatalogueBundle {
  manifest: BundleManifest;
  /** Content version: changes whenever the manifest, the BPMN or a form changes. */
  version: string;
  /** The combined form (一表申请) of all services. */
  form: FormSchema;
  /** Which services and departments ask each key of the combined form. */
  fields: readonly MergedField[];
  /** Every form of the folder by name (service and staff forms), checked by the forms package. */
  forms: ReadonlyMap<string, FormSchema>;
}

export interface Catalogue {
  list(): readonly CatalogueBundle[];
  get(key: string): CatalogueBundle | undefined;
  /**
   * The combined form of some services of a bundle (what a citizen who chose
   * them fills in); the whole bundle's form when every service is chosen.
   */
  formFor(bundle: CatalogueBundle, services: readonly string[]): FormSchema;
}

/**
 * Builds the catalogue once at start. A bundle whose forms do not parse or do
 * not merge is a broken release, not a request error: it throws, naming the
 * bundle and every problem, and the api does not start.
 */
export function buildCatalogue(bundles: readonly Bundle[]): Catalogue {
  const entries = bundles.map(catalogueBundle);
  const byKey = new Map(entries.map((entry) => [entry.manifest.key, entry]));
  const selections = new Map<string, FormSchema>();
  return {
    list: () => entries,
    get: (key) => byKey.get(key),
    formFor(bundle, services) {
      if (bundle.manifest.services.every((service) => services.includes(service.key))) return bundle.form;
      const cacheKey = `${bundle.manifest.key}:${[...services].sort().join(',')}`;
      let form = selections.get(cacheKey);
      if (form === undefined) {
        form = mergeSelected(bundle, services);
        selections.set(cacheKey, form);
      }
      return form;
    },
  };
}

function mergeSelected(bundle: CatalogueBundle, services: readonly string[]): FormSchema {
  const { manifest } = bundle;
  const merged = mergeForms(
    serviceForms(manifest, bundle.forms).filter((form) =>
      services.some((key) => form.service.endsWith(`:${key}`)),
    ),
    { id: `Form_${manifest.key}` },
  );
  // A subset of forms that merge as a whole merges too; failing here is a bug.
  if (!merged.ok) throw new Error(`bundle ${manifest.key}: a service selection does not merge`);
  return merged.form;
}

function serviceForms(manifest: BundleManifest, forms: ReadonlyMap<string, FormSchema>): ServiceForm[] {
  return manifest.services.map((service) => {
    const schema = forms.get(formName(service.form));
    if (schema === undefined) throw new Error(`bundle ${manifest.key}: ${service.form} is missing`);
    return { service: `${service.department}:${service.key}`, department: service.department, schema };
  });
}

function catalogueBundle(bundle: Bundle): CatalogueBundle {
  const { manifest } = bundle;
  const forms = new Map<string, FormSchema>();
  for (const [name, raw] of bundle.forms) {
    const parsed = parseFormSchema(raw);
    if (!parsed.ok) {
      throw new Error(
        `bundle ${manifest.key}: form ${name}: ${parsed.problems.map((p) => p.message).join('; ')}`,
      );
    }
    forms.set(name, parsed.schema);
  }
  const merged = mergeForms(serviceForms(manifest, forms), { id: `Form_${manifest.key}` });
  if (!merged.ok) {
    throw new Error(
      `bundle ${manifest.key}: the service forms do not merge: ${merged.problems.map((p) => `${p.code} ${p.message}`).join('; ')}`,
    );
  }
  return { manifest, version: contentVersion(bundle), form: merged.form, fields: merged.fields, forms };
}

/** `forms/birth-certificate.form` → `birth-certificate`. */
export function formName(path: string): string {
  return path.replace(/^forms\//, '').replace(/\.form$/, '');
}

function contentVersion(bundle: Bundle): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(bundle.manifest));
  hash.update(bundle.bpmnXml);
  for (const [name, form] of [...bundle.forms].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name);
    hash.update(JSON.stringify(form));
  }
  return hash.digest('hex').slice(0, 12);
}
