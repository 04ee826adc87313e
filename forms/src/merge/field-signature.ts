import { VALIDATION_PROPERTY } from '../dictionary/dictionary.ts';
import type { DictionaryField } from '../dictionary/dictionary.types.ts';
import type { FormComponent } from '../schema/form-schema.types.ts';
import { isContainer, isKeyed } from '../schema/form-schema.types.ts';

/**
 * What must be equal for two definitions of one key to be asked once: the type and the values the
 * field accepts. Labels, descriptions, ids, layout, visibility and `required` may differ (the
 * combined form shows the field whenever one service needs it and requires it if one does).
 */
export interface FieldSignature {
  readonly type: string;
  readonly subtype?: string;
  readonly options?: readonly string[];
  readonly optionsFrom?: string;
  readonly validate: Readonly<Record<string, string | number>>;
  readonly decimalDigits?: number;
  readonly validation?: string;
  readonly children?: readonly FieldSignature[];
}

const COMPARED_RULES = ['minLength', 'maxLength', 'min', 'max', 'pattern', 'validationType'] as const;

export function componentSignature(component: FormComponent): FieldSignature {
  if (isContainer(component)) {
    return { type: component.type, validate: {}, children: component.components.map(componentSignature) };
  }
  if (!isKeyed(component)) return { type: component.type, validate: {} };
  const validate: Record<string, string | number> = {};
  for (const rule of COMPARED_RULES) {
    const value = component.validate?.[rule];
    // form-js writes an empty validationType for "custom"; both mean: no extra rule.
    if (value !== undefined && value !== '' && !(rule === 'validationType' && value === 'custom'))
      validate[rule] = value;
  }
  return {
    type: component.type,
    validate,
    ...defined('subtype', component.type === 'datetime' ? (component.subtype ?? 'date') : undefined),
    ...defined('options', component.values?.map((option) => String(option.value)).sort()),
    ...defined('optionsFrom', component.valuesKey ?? component.valuesExpression),
    ...defined('decimalDigits', component.decimalDigits),
    ...defined('validation', component.properties?.[VALIDATION_PROPERTY]),
  };
}

export function dictionarySignature(field: DictionaryField): FieldSignature {
  const { required: _required, ...rules } = field.validate;
  return {
    type: field.type,
    validate: Object.fromEntries(
      Object.entries(rules).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
    ),
    ...defined('subtype', field.type === 'datetime' ? (field.subtype ?? 'date') : undefined),
    ...defined('options', field.options?.map((option) => option.value).sort()),
    ...defined('decimalDigits', field.decimalDigits),
    ...defined('validation', field.validation),
  };
}

function defined<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  const result: Partial<Record<K, V>> = {};
  if (value !== undefined) result[name] = value;
  return result;
}

export function sameSignature(a: FieldSignature, b: FieldSignature): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so that property order never makes two equal definitions differ. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The properties of a signature that differ, for a readable conflict message. */
export function signatureDifferences(a: FieldSignature, b: FieldSignature): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names]
    .filter((name) => canonical(Reflect.get(a, name)) !== canonical(Reflect.get(b, name)))
    .sort();
}
