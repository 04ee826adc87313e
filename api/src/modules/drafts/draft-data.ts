/**
 * The part of a draft's data that is kept: the values under keys of the
 * combined form (dotted keys are paths: `mother.idNumber` is
 * `{ mother: { idNumber } }`). Anything else the client sent is dropped, so a
 * draft can hold no more than the form asks.
 */
export function keepFormKeys(
  data: Readonly<Record<string, unknown>>,
  formKeys: readonly string[],
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of formKeys) {
    const path = key.split('.');
    const value = valueAt(data, path);
    if (value !== undefined) setAt(kept, path, structuredClone(value));
  }
  return kept;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const segment of path.slice(0, -1)) {
    const next = current[segment];
    if (isRecord(next)) current = next;
    else {
      const created: Record<string, unknown> = {};
      current[segment] = created;
      current = created;
    }
  }
  const last = path.at(-1);
  if (last !== undefined) current[last] = value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
