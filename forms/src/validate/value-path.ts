/** A value path: object keys and list indexes, as form-js builds them (`['children', 0, 'name']`). */
export type ValuePath = readonly (string | number)[];

// Keys from untrusted JSON must never reach an object's prototype.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function splitKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, reading own properties only. */
export function getAt(data: unknown, path: ValuePath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = Reflect.get(current, segment);
  }
  return current;
}

/**
 * Sets `value` at `path`, creating objects (or arrays before numeric segments) on the way, as
 * min-dash's `set` does for the viewer; `undefined` deletes the property.
 */
export function setAt(target: Record<string, unknown>, path: ValuePath, value: unknown): void {
  let current: object = target;
  path.forEach((segment, index) => {
    if (FORBIDDEN.has(String(segment))) throw new Error(`refusing to write the path segment ${segment}`);
    const next = path[index + 1];
    if (next === undefined) {
      if (value === undefined) Reflect.deleteProperty(current, segment);
      else Reflect.set(current, segment, value);
      return;
    }
    let child: unknown = Reflect.get(current, segment);
    if (child === undefined || child === null) {
      child = Number.isNaN(Number(next)) ? {} : [];
      Reflect.set(current, segment, child);
    }
    if (typeof child !== 'object' || child === null) {
      throw new Error(`path ${formatPath(path)} runs through a ${typeof child}`);
    }
    current = child;
  });
}

/** `children[0].name` */
export function formatPath(path: ValuePath): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** A deep copy of JSON-like data (what a submission is). */
export function cloneData<T>(value: T): T {
  return structuredClone(value);
}
