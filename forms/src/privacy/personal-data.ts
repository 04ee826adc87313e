import { FIELD_DICTIONARY } from '../dictionary/dictionary.ts';
import type { Department, DictionaryField } from '../dictionary/dictionary.types.ts';
import { getAt, setAt, splitKey } from '../validate/value-path.ts';

/**
 * The application data a department may see: the dictionary fields whose `privacy.departments`
 * include it. Values under keys outside the dictionary are left out — what is not classified is
 * not shared.
 */
export function dataForDepartment(
  data: Readonly<Record<string, unknown>>,
  department: Department,
  dictionary: ReadonlyMap<string, DictionaryField> = FIELD_DICTIONARY,
): Record<string, unknown> {
  const visible: Record<string, unknown> = {};
  for (const field of dictionary.values()) {
    if (!field.privacy.departments.includes(department)) continue;
    const value = getAt(data, splitKey(field.key));
    if (value !== undefined) setAt(visible, splitKey(field.key), value);
  }
  return visible;
}

/**
 * Masks a sensitive value for lists and logs: ID numbers keep region and check character
 * (`110105********002X`), account and other long numbers their last four digits, the rest is
 * replaced whole.
 */
export function maskValue(field: Pick<DictionaryField, 'validation' | 'privacy'>, value: unknown): unknown {
  if (field.privacy.level !== 'sensitive' || value === undefined || value === null || value === '')
    return value;
  const text = String(value);
  if (field.validation === 'idNumber' && text.length === 18)
    return `${text.slice(0, 6)}********${text.slice(14)}`;
  if (/^\d{8,}$/.test(text)) return `${'*'.repeat(text.length - 4)}${text.slice(-4)}`;
  return '***';
}

/** A copy of the data with every sensitive dictionary field masked; other values unchanged. */
export function maskSensitive(
  data: Readonly<Record<string, unknown>>,
  dictionary: ReadonlyMap<string, DictionaryField> = FIELD_DICTIONARY,
): Record<string, unknown> {
  const masked = structuredClone(data);
  for (const field of dictionary.values()) {
    if (field.privacy.level !== 'sensitive') continue;
    const path = splitKey(field.key);
    const value = getAt(masked, path);
    if (value !== undefined) setAt(masked, path, maskValue(field, value));
  }
  return masked;
}
