import { isRecord } from '../../../app/json-guards.ts';

/**
 * The values of a task form the designer filled in that a completion sends: the form's own
 * editable fields by their first key segment, as the api keeps them (`review`, `acceptance`).
 * Read-only fields show the run's variables, masked, and must not go back.
 */
export function editableValues(
  schema: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const roots = new Set(editableKeys(schema['components']).map((key) => key.split('.')[0] ?? key));
  return Object.fromEntries(Object.entries(data).filter(([key]) => roots.has(key)));
}

function editableKeys(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((c: unknown) => {
    if (!isRecord(c)) return [];
    const own =
      typeof c['key'] === 'string' && c['readonly'] !== true && c['disabled'] !== true ? [c['key']] : [];
    return [...own, ...editableKeys(c['components'])];
  });
}
