import type { FormProblem } from '../errors.ts';
import { formProblem } from '../errors.ts';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects problems while a parser walks untrusted JSON. */
export class ProblemList {
  readonly items: FormProblem[] = [];

  invalid(path: string, detail: string): undefined {
    this.items.push(formProblem('FORM_SCHEMA_INVALID', path, detail));
    return undefined;
  }
}

/** `raw` without the properties a parser re-creates typed, so unchecked values never leak through. */
export function withoutKeys(raw: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.includes(key)));
}

/** Spreads `{ [name]: value }` only when the value is present. */
export function present<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  const result: Partial<Record<K, V>> = {};
  if (value !== undefined) result[name] = value;
  return result;
}

export function optionalString(
  raw: Record<string, unknown>,
  name: string,
  path: string,
  problems: ProblemList,
) {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return problems.invalid(`${path}.${name}`, 'Expected a string.');
}

export function optionalBoolean(
  raw: Record<string, unknown>,
  name: string,
  path: string,
  problems: ProblemList,
) {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  return problems.invalid(`${path}.${name}`, 'Expected true or false.');
}

/** A number, or a FEEL expression string (`=…`) as form-js allows for min, max and lengths. */
export function optionalNumberOrExpression(
  raw: Record<string, unknown>,
  name: string,
  path: string,
  problems: ProblemList,
): number | string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.startsWith('=')) return value;
  return problems.invalid(`${path}.${name}`, 'Expected a number or a FEEL expression starting with "=".');
}

const KEY_PATTERN = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** A dotted value path (`mother.idNumber`) that cannot reach an object's prototype. */
export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key) && !key.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment));
}
