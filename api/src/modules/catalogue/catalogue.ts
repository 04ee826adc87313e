import { mergeForms, type FormSchema, type MergedField, type ServiceForm } from '@onething/forms';
import { BUNDLE_KEYS, type Bundle, type BundleManifest } from '@onething/processes';
import { contentFromFolder, formName, type BundleContent } from './bundle-content.ts';
import { checkContent } from './check-content.ts';

export { formName } from './bundle-content.ts';

/** A published version as stored (see bundle-version.entity.ts). */
export interface PublishedVersion {
  key: string;
  number: number;
  content: BundleContent;
  bpmnProcessId: string;
  processDefinitionKey: string;
  engineVersion: number;
  publishedAt: Date;
}

/** One bundle as the api serves it: its current published version with the combined form. */
export interface CatalogueBundle {
  manifest: BundleManifest;
  /** The published version number (1, 2, …): what applications record. */
  version: number;
  /**
   * The process definition this version deployed: new applications start on
   * it. Null only in a catalogue of the folders themselves (catalogueOfFolders).
   */
  deployment: Deployment | null;
  /** The combined form (一表申请) of all services. */
  form: FormSchema;
  /** Which services and departments ask each key of the combined form. */
  fields: readonly MergedField[];
  /** Every form of the bundle by name (service and staff forms), checked by the forms package. */
  forms: ReadonlyMap<string, FormSchema>;
}

export interface Deployment {
  bpmnProcessId: string;
  processDefinitionKey: string;
  engineVersion: number;
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
 * A catalogue of the given published versions (one per bundle), in the order
 * of the shipped bundles, then by key. A stored version passed the checks when
 * it was published, so one that does not check now is a broken invariant: it
 * throws, naming the bundle and the problems.
 */
export function buildCatalogue(
  versions: readonly PublishedVersion[],
  reuse: readonly CatalogueBundle[] = [],
): Catalogue {
  const entries = [...versions].sort(catalogueOrder).map((version) => {
    const kept = reuse.find(
      (entry) => entry.manifest.key === version.key && entry.version === version.number,
    );
    return kept ?? catalogueBundle(version);
  });
  return catalogueOf(entries);
}

/**
 * The bundles of `processes/` as they are in the folders, unpublished
 * (version 0, no deployment): for an app that runs without an engine (tests
 * of routes that read the catalogue), where nothing can be started anyway.
 */
export function catalogueOfFolders(bundles: readonly Bundle[]): Catalogue {
  return catalogueOf(
    bundles.map((bundle) => ({
      ...checkedEntry(bundle.manifest.key, 0, contentFromFolder(bundle)),
      deployment: null,
    })),
  );
}

function catalogueOf(entries: readonly CatalogueBundle[]): Catalogue {
  const byKey = new Map(entries.map((entry) => [entry.manifest.key, entry]));
  const selections = new Map<string, FormSchema>();
  return {
    list: () => entries,
    get: (key) => byKey.get(key),
    formFor(bundle, services) {
      if (bundle.manifest.services.every((service) => services.includes(service.key))) return bundle.form;
      const cacheKey = `${bundle.manifest.key}@${bundle.version}:${[...services].sort().join(',')}`;
      let form = selections.get(cacheKey);
      if (form === undefined) {
        form = mergeSelected(bundle, services);
        selections.set(cacheKey, form);
      }
      return form;
    },
  };
}

function catalogueOrder(a: PublishedVersion, b: PublishedVersion): number {
  const rank = (key: string) => {
    const index = (BUNDLE_KEYS as readonly string[]).indexOf(key);
    return index === -1 ? BUNDLE_KEYS.length : index;
  };
  return rank(a.key) - rank(b.key) || a.key.localeCompare(b.key);
}

/** The catalogue entry of one published version (its forms checked and merged). */
export function catalogueBundle(version: PublishedVersion): CatalogueBundle {
  return {
    ...checkedEntry(version.key, version.number, version.content),
    deployment: {
      bpmnProcessId: version.bpmnProcessId,
      processDefinitionKey: version.processDefinitionKey,
      engineVersion: version.engineVersion,
    },
  };
}

function checkedEntry(
  key: string,
  number: number,
  content: BundleContent,
): Omit<CatalogueBundle, 'deployment'> {
  const checked = checkContent(key, content);
  if (!checked.ok) {
    const problems = checked.problems.map((p) => `${p.formPath ?? ''} ${p.fieldKey ?? ''} ${p.message}`);
    throw new Error(`bundle ${key} version ${number} does not check: ${problems.join('; ')}`);
  }
  const { manifest, forms, form, fields } = checked.value;
  return { manifest, version: number, form, fields, forms };
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
