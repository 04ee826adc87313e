/**
 * Process variables as the Zeebe client's types want them. The SDK's JSON
 * type has no null, so nulls (a cleared optional field) are left out, which
 * FEEL reads the same as null.
 */
export type JsonValue = string | number | boolean | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function toJsonObject(value: Readonly<Record<string, unknown>>): JsonObject {
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = toJsonValue(item);
    if (converted !== undefined) result[key] = converted;
  }
  return result;
}

function toJsonValue(value: unknown): JsonValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return value.map(toJsonValue).filter((item): item is JsonValue => item !== undefined);
  }
  if (typeof value === 'object' && value !== null)
    return toJsonObject(Object.fromEntries(Object.entries(value)));
  return undefined;
}
