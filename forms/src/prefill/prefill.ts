import { todayInChina } from '../validate/today.ts';
import { FIELD_DICTIONARY } from '../dictionary/dictionary.ts';
import type { DictionaryField, FieldSource } from '../dictionary/dictionary.types.ts';
import type { FormProblem } from '../errors.ts';
import { formProblem } from '../errors.ts';
import type { FormComponent, FormSchema, KeyedComponent } from '../schema/form-schema.types.ts';
import { isContainer, isKeyed } from '../schema/form-schema.types.ts';
import { onethingRules } from '../validate/onething-rules.ts';
import { sameValue } from '../validate/sanitize-value.ts';
import { cloneData, getAt, setAt, splitKey } from '../validate/value-path.ts';
import { viewerRules } from '../validate/viewer-rules.ts';

export interface PrefillResult {
  /** The form with every filled field read-only. */
  readonly form: FormSchema;
  /** The data to open the form with: `current` plus the known values, nested by key. */
  readonly data: Record<string, unknown>;
  readonly filled: readonly string[];
  /** Known values that do not fit their field (wrong type, option, format): left for the citizen. */
  readonly rejected: readonly FormProblem[];
}

export interface PrefillOptions {
  /** Today as `YYYY-MM-DD`, for the date checks; defaults to today in China (UTC+8). */
  readonly today?: string;
}

/** Keyed fields outside dynamic lists, with their full keys (group paths included). */
function fixedFields(
  components: readonly FormComponent[],
  prefix = '',
): { key: string; component: KeyedComponent }[] {
  return components.flatMap((component) => {
    if (isKeyed(component)) return [{ key: `${prefix}${component.key}`, component }];
    if (!isContainer(component) || component.type === 'dynamiclist') return [];
    return fixedFields(component.components, component.path ? `${prefix}${component.path}.` : prefix);
  });
}

/**
 * Fills the fields whose values the registries know (免证办) and makes them read-only, so the
 * citizen confirms instead of typing. `knownValues` is by form key, as `GET /api/bundles/:key/prefill`
 * returns it. Keys the form does not have are ignored; null, undefined and empty values never
 * overwrite anything; a value that would fail the field's own validation is not filled.
 */
export function prefill(
  form: FormSchema,
  knownValues: Readonly<Record<string, unknown>>,
  current: Record<string, unknown> = {},
  options: PrefillOptions = {},
): PrefillResult {
  const today = options.today ?? todayInChina();
  const data = cloneData(current);
  const filled = new Set<string>();
  const rejected: FormProblem[] = [];
  for (const { key, component } of fixedFields(form.components)) {
    if (!Object.prototype.hasOwnProperty.call(knownValues, key)) continue;
    const value = knownValues[key];
    if (value === undefined || value === null || value === '') continue;
    const failures = [...viewerRules(component, value, {}), ...onethingRules(component, value, data, today)];
    if (failures.length > 0) {
      const rules = failures.map((failure) => failure.rule).join(', ');
      rejected.push(formProblem('FORM_PREFILL_REJECTED', key, `Fails ${rules}.`));
      continue;
    }
    setAt(data, splitKey(key), value);
    filled.add(component.id);
  }
  return {
    form: { ...form, components: markReadonly(form.components, filled) },
    data,
    filled: fixedFields(form.components)
      .filter(({ component }) => filled.has(component.id))
      .map(({ key }) => key),
    rejected,
  };
}

function markReadonly(components: readonly FormComponent[], ids: ReadonlySet<string>): FormComponent[] {
  return components.map((component) => {
    if (isKeyed(component)) return ids.has(component.id) ? { ...component, readonly: true } : component;
    if (isContainer(component)) return { ...component, components: markReadonly(component.components, ids) };
    return component;
  });
}

/** What to ask the registries for a form: each field a registry can supply, and how. */
export function prefillSources(
  form: FormSchema,
  dictionary: ReadonlyMap<string, DictionaryField> = FIELD_DICTIONARY,
): { readonly key: string; readonly source: FieldSource }[] {
  return fixedFields(form.components).flatMap(({ key }) => {
    const source = dictionary.get(key)?.source;
    return source ? [{ key, source }] : [];
  });
}

/**
 * Read-only fields are read-only in the browser only. At submission, the api prefills again from
 * the registries and checks that no filled value was changed on the way.
 */
export function checkPrefilled(
  form: FormSchema,
  knownValues: Readonly<Record<string, unknown>>,
  submitted: Readonly<Record<string, unknown>>,
  options: PrefillOptions = {},
): FormProblem[] {
  return prefill(form, knownValues, {}, options)
    .filled.filter((key) => !sameValue(getAt(submitted, splitKey(key)), knownValues[key]))
    .map((key) => formProblem('FORM_PREFILL_CHANGED', key));
}
