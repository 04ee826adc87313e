import type { KeyedComponent, KeyedType } from '../schema/form-schema.types.ts';
import { getAt, isPlainRecord } from './value-path.ts';

// What the form-js viewer does to each value when it imports data (`sanitizeValue` and
// `emptyValue` of each field type): validation then runs on these values, so we must too.

const EMPTY_VALUES: Record<KeyedType, unknown> = {
  textfield: '',
  textarea: '',
  number: null,
  datetime: null,
  select: null,
  radio: null,
  checkbox: false,
  checklist: [],
  taglist: [],
};

export function emptyValue(type: KeyedType): unknown {
  const empty = EMPTY_VALUES[type];
  return Array.isArray(empty) ? [] : empty;
}

/** The value the viewer holds for `value` given in the data, before `defaultValue` applies. */
export function sanitizeValue(component: KeyedComponent, value: unknown, data: unknown): unknown {
  switch (component.type) {
    case 'textfield':
      if (value === null || value === undefined || typeof value === 'object') return '';
      return typeof value === 'string' ? value.replace(/[\r\n\t]/g, ' ') : String(value);
    case 'textarea':
      return value === null || value === undefined || typeof value === 'object' ? '' : String(value);
    case 'number':
      if (!isValidNumber(value)) return null;
      return component.serializeToString ? String(value) : Number(value);
    case 'datetime':
      return sanitizeDateTime(component, value);
    case 'checkbox':
      return value === true;
    case 'select':
    case 'radio':
      if (component.valuesExpression) return value;
      return optionValues(component, data).some((option) => sameValue(option, value)) ? value : null;
    case 'checklist':
    case 'taglist': {
      if (component.valuesExpression) return value;
      if (!Array.isArray(value)) return [];
      const allowed = optionValues(component, data);
      return value.filter((item: unknown) => allowed.some((option) => sameValue(option, item)));
    }
  }
}

export function isValidNumber(value: unknown): value is number | string {
  return (
    (typeof value === 'number' || typeof value === 'string') && value !== '' && !Number.isNaN(Number(value))
  );
}

function sanitizeDateTime(component: KeyedComponent, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const parses = !Number.isNaN(new Date(Date.parse(value)).getTime());
  const parts = value.split('T');
  switch (component.subtype) {
    case 'time':
      return /^\d{1,2}(:\d{1,2})?/.test(value) ? value : null;
    case 'datetime':
      return parses && parts.length === 2 && (parts[0] ?? '').split('-').length === 3 ? value : null;
    default:
      return parses && !value.includes('T') && value.split('-').length === 3 ? value : null;
  }
}

/** The allowed option values: static `values`, or the list named by `valuesKey` in the data. */
export function optionValues(component: KeyedComponent, data: unknown): unknown[] {
  const options = component.valuesKey ? getAt(data, [component.valuesKey]) : component.values;
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: unknown) => {
    if (isPrimitive(option)) return [option];
    if (isPlainRecord(option) && Object.keys(option).length > 0 && 'value' in option)
      return [option['value']];
    return [];
  });
}

function isPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Deep equality of JSON-like values, as lodash `isEqual` compares options. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainRecord(a) && isPlainRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
  }
  return false;
}
