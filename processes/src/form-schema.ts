/**
 * The shape of a form-js schema as far as this package relies on it. The
 * forms package validates field semantics; here we check what a bundle needs
 * to load: an object with an id, a schema version and components with types.
 */
export interface FormSchema {
  id: string;
  type: string;
  schemaVersion: number;
  components: FormComponent[];
  [property: string]: unknown;
}

export interface FormComponent {
  id: string;
  type: string;
  key?: string;
  components?: FormComponent[];
  [property: string]: unknown;
}

export type FormSchemaResult = { ok: true; value: FormSchema } | { ok: false; problems: string[] };

/** Dotted value paths of lowerCamelCase segments: `mother.idNumber`. */
export const FORM_KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function component(
  input: unknown,
  at: string,
  problems: string[],
  ids: Set<string>,
): FormComponent | undefined {
  if (!isRecord(input)) return void problems.push(`${at}: expected an object`);
  const { id, type, key } = input;
  if (typeof id !== 'string' || id.length === 0) return void problems.push(`${at}.id: expected a string`);
  if (typeof type !== 'string' || type.length === 0)
    return void problems.push(`${at}.type: expected a string`);
  if (ids.has(id)) problems.push(`${at}.id: "${id}" is used twice`);
  ids.add(id);
  if (key !== undefined && (typeof key !== 'string' || !FORM_KEY_PATTERN.test(key))) {
    problems.push(`${at}.key: "${String(key)}" is not a dotted lowerCamelCase path`);
  }
  const children = Array.isArray(input.components)
    ? input.components.flatMap(
        (child, index) => component(child, `${at}.components[${index}]`, problems, ids) ?? [],
      )
    : undefined;
  return {
    ...input,
    id,
    type,
    ...(typeof key === 'string' ? { key } : {}),
    ...(children ? { components: children } : {}),
  };
}

export function parseFormSchema(input: unknown): FormSchemaResult {
  if (!isRecord(input)) return { ok: false, problems: ['expected an object'] };
  const problems: string[] = [];
  const { id, type, schemaVersion } = input;
  if (typeof id !== 'string' || id.length === 0) problems.push('id: expected a string');
  if (type !== 'default') problems.push('type: expected "default"');
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion))
    problems.push('schemaVersion: expected an integer');
  if (!Array.isArray(input.components)) problems.push('components: expected an array');
  const ids = new Set<string>();
  const components = (Array.isArray(input.components) ? input.components : []).flatMap(
    (child, index) => component(child, `components[${index}]`, problems, ids) ?? [],
  );
  if (problems.length > 0 || typeof id !== 'string' || typeof schemaVersion !== 'number')
    return { ok: false, problems };
  return { ok: true, value: { ...input, id, type: 'default', schemaVersion, components } };
}

/** Every value key of a form, nested components included. */
export function formKeys(schema: FormSchema): string[] {
  const walk = (components: FormComponent[]): string[] =>
    components.flatMap((c) => [...(c.key ? [c.key] : []), ...walk(c.components ?? [])]);
  return walk(schema.components);
}
