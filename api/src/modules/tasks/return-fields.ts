import type { FieldErrors } from '../../errors.ts';

/**
 * Checks the fields a clerk names with a return for correction against the
 * keys of the application's combined form: undefined when each is one of
 * them, otherwise the error under `fields` naming the unknown ones.
 */
export function checkReturnFields(
  fields: readonly string[],
  formKeys: ReadonlySet<string>,
): FieldErrors | undefined {
  const unknown = fields.filter((field) => !formKeys.has(field));
  if (unknown.length === 0) return undefined;
  return { fields: `not fields of the application's form: ${unknown.join(', ')}` };
}
