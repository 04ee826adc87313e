import { isRecord } from '../../../app/json-guards.ts';

/** A form-js component as the combined form holds it; unknown properties are kept as they are. */
export type FormComponent = Record<string, unknown>;

export function childComponents(component: FormComponent): FormComponent[] {
  return Array.isArray(component.components) ? component.components.filter(isRecord) : [];
}

/** A field that holds a value under `key` (text, headings and layout do not). */
export function fieldKey(component: FormComponent): string | null {
  return typeof component.key === 'string' && component.key !== '' ? component.key : null;
}

/** A dynamic list (or a group with a `path`): its children's values live under the path. */
export function listPath(component: FormComponent): string | null {
  return component.type === 'dynamiclist' && typeof component.path === 'string' ? component.path : null;
}

/** Every value path a component asks for: field keys, and list paths as a whole. */
export function valuePaths(components: readonly FormComponent[]): string[] {
  return components.flatMap((component) => {
    const key = fieldKey(component);
    if (key) return [key];
    const list = listPath(component);
    if (list) return [list];
    return valuePaths(childComponents(component));
  });
}

/** English label OneThing keeps beside the Chinese one (the viewer ignores `properties`). */
export function englishLabel(component: FormComponent): string | null {
  const properties = component.properties;
  if (!isRecord(properties)) return null;
  const label = properties['onething:labelEn'];
  return typeof label === 'string' && label !== '' ? label : null;
}

/** The value at a dotted path (`mother.idNumber`) of nested form data. */
export function getPath(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** A copy of `data` with `value` at the dotted path, creating the objects on the way. */
export function setPath(
  data: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return data;
  if (rest.length === 0) return { ...data, [head]: value };
  const inner = data[head];
  return { ...data, [head]: setPath(isRecord(inner) ? inner : {}, rest.join('.'), value) };
}

/** Values of `update` laid over `base`, objects merged key by key, arrays and scalars replaced. */
export function mergeData(
  base: Record<string, unknown>,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) {
    const current = merged[key];
    merged[key] = isRecord(current) && isRecord(value) ? mergeData(current, value) : value;
  }
  return merged;
}

export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
