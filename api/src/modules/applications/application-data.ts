import { FIELD_DICTIONARY, dataForDepartment, maskSensitive } from '@onething/forms';
import { DEPARTMENTS, type Department } from '@onething/processes';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';

/** Every resident ID number in submitted data (the dictionary's `idNumber` fields). */
export function residentIdNumbers(data: Readonly<Record<string, unknown>>): string[] {
  const found = new Set<string>();
  for (const field of FIELD_DICTIONARY.values()) {
    if (field.validation !== 'idNumber') continue;
    const value = valueAt(data, field.key.split('.'));
    if (typeof value === 'string' && value !== '') found.add(value);
  }
  return [...found];
}

/** The stored form of application data: encrypted JSON, and the keyed hashes of its ID numbers. */
export function sealApplicationData(
  cipher: PersonalDataCipher,
  data: Readonly<Record<string, unknown>>,
): { dataCipher: string; idNumberHashes: string[] } {
  return {
    dataCipher: cipher.encrypt(JSON.stringify(data)),
    idNumberHashes: residentIdNumbers(data).map((id) => cipher.hash(id)),
  };
}

/** Decrypts stored data; a value that does not decrypt (wrong key, altered row) is a broken invariant. */
export function openApplicationData(cipher: PersonalDataCipher, dataCipher: string): Record<string, unknown> {
  const json = cipher.decrypt(dataCipher);
  if (json === undefined) throw new Error('application data does not decrypt with the configured secret key');
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('stored application data is not an object');
  }
  return Object.fromEntries(Object.entries(parsed));
}

/**
 * The share of the data a reader may see: everything for 'all' (window,
 * owner), otherwise the union of what the dictionary lets each department
 * see (a tax clerk does not see health data).
 */
export function visibleData(
  data: Readonly<Record<string, unknown>>,
  departments: 'all' | readonly string[],
): Record<string, unknown> {
  if (departments === 'all') return structuredClone(data);
  const visible: Record<string, unknown> = {};
  for (const department of departments) {
    if (!isDepartment(department)) continue;
    deepMerge(visible, dataForDepartment(data, department));
  }
  return visible;
}

/** For lists and non-owner views: sensitive values (ID numbers, accounts, health data) masked. */
export function maskedData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return maskSensitive(data);
}

/** The dotted keys of the values in data (`mother.idNumber`), as a data-access entry names them. */
export function valueKeys(data: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  return Object.entries(data).flatMap(([key, value]) =>
    isRecord(value) ? valueKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function isDepartment(value: string): value is Department {
  return DEPARTMENTS.some((department) => department === value);
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.getOwnPropertyDescriptor(current, segment)?.value;
  }
  return current;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) deepMerge(existing, value);
    else target[key] = value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
