import { DEPARTMENT_LABELS } from '../dictionary/departments.ts';
import { ENGLISH_LABEL_PROPERTY, FIELD_DICTIONARY } from '../dictionary/dictionary.ts';
import type { Department, DictionaryField, LocalizedText } from '../dictionary/dictionary.types.ts';
import type { FormProblem } from '../errors.ts';
import { formProblem } from '../errors.ts';
import type { FormComponent, FormSchema } from '../schema/form-schema.types.ts';
import { isKeyed } from '../schema/form-schema.types.ts';
import {
  componentSignature,
  dictionarySignature,
  sameSignature,
  signatureDifferences,
} from './field-signature.ts';
import type { FormEntry, ServiceForm } from './flatten-service-form.ts';
import { flattenServiceForm } from './flatten-service-form.ts';
import { combineHide } from './hide-conditions.ts';

/** Which services ask a key: the api routes each department the data its services asked for. */
export interface MergedField {
  readonly key: string;
  readonly services: readonly string[];
  readonly departments: readonly Department[];
  /** Asked by more than one department, so it sits in the shared section. */
  readonly shared: boolean;
}

/** A problem of the merge, with the services involved and, for conflicts, each definition. */
export interface MergeProblem extends FormProblem {
  readonly services: readonly string[];
  readonly definitions?: readonly { readonly service: string; readonly component: FormComponent }[];
}

export type MergeResult =
  | { readonly ok: true; readonly form: FormSchema; readonly fields: readonly MergedField[] }
  | { readonly ok: false; readonly problems: readonly MergeProblem[] };

export interface MergeOptions {
  /** Id of the combined form, e.g. `Form_newborn`. */
  readonly id?: string;
  /** The field dictionary to check keys against; the binding one unless a test passes another. */
  readonly dictionary?: ReadonlyMap<string, DictionaryField>;
}

export const SHARED_SECTION_ID = 'Group_shared';
export const SERVICES_PROPERTY = 'onething:services';

/**
 * Builds a bundle's combined form (一表申请): each key is asked once; keys several departments ask
 * go into a shared section, the rest into a section per department; visibility is kept. Keys
 * outside the dictionary, fields that differ from it and shared fields whose services define them
 * differently are reported, and then no form is built: a conflict is never silently resolved.
 */
export function mergeForms(serviceForms: readonly ServiceForm[], options: MergeOptions = {}): MergeResult {
  const dictionary = options.dictionary ?? FIELD_DICTIONARY;
  const entries = serviceForms.flatMap(flattenServiceForm);
  const byKey = new Map<string, FormEntry[]>();
  for (const entry of entries.filter((e) => e.kind !== 'static')) {
    byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  }
  const problems = [...byKey.values()].flatMap((group) => checkKey(group, dictionary));
  if (problems.length > 0) return { ok: false, problems };

  const fields: MergedField[] = [...byKey.entries()].map(([key, group]) => {
    const departments = unique(group.map((entry) => entry.department));
    return {
      key,
      services: unique(group.map((entry) => entry.service)),
      departments,
      shared: departments.length > 1,
    };
  });
  const shared = new Set(fields.filter((field) => field.shared).map((field) => field.key));
  const sections = new Map<string, Section>([[SHARED_SECTION_ID, { label: SHARED_LABEL, components: [] }]]);
  const placed = new Set<string>();
  const ids = new Set<string>();
  for (const entry of entries) {
    const identity = entry.kind === 'static' ? `static:${entry.service}/${entry.key}` : entry.key;
    if (placed.has(identity)) continue;
    placed.add(identity);
    const id = shared.has(entry.key) ? SHARED_SECTION_ID : `Group_${entry.department}`;
    const target = sections.get(id) ?? { label: DEPARTMENT_LABELS[entry.department], components: [] };
    sections.set(id, target);
    const component =
      entry.kind === 'static'
        ? entry.component
        : mergedComponent(byKey.get(entry.key) ?? [entry], dictionary);
    target.components.push({ ...component, id: uniqueId(component.id, ids) });
  }
  const components = [...sections.entries()]
    .filter(([, target]) => target.components.length > 0)
    .map(([id, target]): FormComponent => ({
      id,
      type: 'group',
      label: target.label['zh-CN'],
      showOutline: true,
      properties: { [ENGLISH_LABEL_PROPERTY]: target.label.en },
      components: target.components,
    }));
  return {
    ok: true,
    form: { type: 'default', id: options.id ?? 'Form_combined', schemaVersion: 19, components },
    fields,
  };
}

function checkKey(
  group: readonly FormEntry[],
  dictionary: ReadonlyMap<string, DictionaryField>,
): MergeProblem[] {
  const first = group[0];
  if (!first) return [];
  const services = unique(group.map((entry) => entry.service));
  const problems: MergeProblem[] = [];
  const definition = first.kind === 'field' ? dictionary.get(first.key) : undefined;
  if (first.kind === 'field' && !definition) {
    problems.push({
      ...formProblem('FORM_UNKNOWN_KEY', first.key, `Used by ${services.join(', ')}.`),
      services,
    });
  }
  if (definition) {
    const expected = dictionarySignature(definition);
    for (const entry of group) {
      const differences = signatureDifferences(expected, componentSignature(entry.component));
      if (differences.length === 0) continue;
      const detail = `${entry.service} differs in ${differences.join(', ')}.`;
      problems.push({
        ...formProblem('FORM_DICTIONARY_MISMATCH', entry.key, detail),
        services: [entry.service],
      });
    }
  }
  const distinct = group.filter(
    (entry, index) =>
      group.findIndex((other) =>
        sameSignature(componentSignature(other.component), componentSignature(entry.component)),
      ) === index,
  );
  if (distinct.length > 1 || group.some((entry) => entry.kind !== first.kind)) {
    const differences = signatureDifferences(
      componentSignature(first.component),
      componentSignature(distinct[1]?.component ?? first.component),
    );
    problems.push({
      ...formProblem(
        'FORM_FIELD_CONFLICT',
        first.key,
        `${services.join(', ')} differ in ${differences.join(', ') || 'kind'}.`,
      ),
      services,
      definitions: group.map((entry) => ({ service: entry.service, component: entry.component })),
    });
  }
  return problems;
}

function mergedComponent(
  group: readonly FormEntry[],
  dictionary: ReadonlyMap<string, DictionaryField>,
): FormComponent {
  const first = group[0];
  if (!first) throw new Error('a merged field needs at least one definition');
  const { conditional: _conditional, ...component } = first.component;
  const hide = combineHide(
    'and',
    group.map((entry) => entry.hide),
  );
  const definition = dictionary.get(first.key);
  const properties = {
    ...first.component.properties,
    ...(definition ? { [ENGLISH_LABEL_PROPERTY]: definition.label.en } : {}),
    [SERVICES_PROPERTY]: unique(group.map((entry) => entry.service)).join(','),
  };
  const id = `Field_${first.key.replace(/[^\w]/g, '_')}`;
  const merged = { ...component, id, properties, ...(hide === undefined ? {} : { conditional: { hide } }) };
  if (!isKeyed(first.component)) return merged;
  const required = group.some(
    (entry) => isKeyed(entry.component) && entry.component.validate?.required === true,
  );
  const label = definition ? definition.label['zh-CN'] : first.component.label;
  return {
    ...merged,
    type: first.component.type,
    key: first.key,
    ...(label === undefined ? {} : { label }),
    ...(first.component.type === 'datetime' && label !== undefined ? { dateLabel: label } : {}),
    validate: { ...first.component.validate, required },
  };
}

interface Section {
  readonly label: LocalizedText;
  readonly components: FormComponent[];
}

const SHARED_LABEL: LocalizedText = { 'zh-CN': '共同信息', en: 'Shared information' };

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}_${n}`;
  taken.add(candidate);
  return candidate;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
