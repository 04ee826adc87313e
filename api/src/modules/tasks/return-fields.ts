import type { MergedField } from '@onething/forms';
import type { FieldErrors } from '../../errors.ts';

/**
 * The keys of an application's combined form: the bundle version's merged
 * fields that one of the chosen services asks (a merged field names its
 * services as `<department>:<service key>`).
 */
export function combinedFormKeys(fields: readonly MergedField[], services: readonly string[]): Set<string> {
  return new Set(
    fields
      .filter((field) => field.services.some((service) => services.some((key) => service.endsWith(`:${key}`))))
      .map((field) => field.key),
  );
}

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
