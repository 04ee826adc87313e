import type { MergedField } from '@onething/forms';

/**
 * The keys of an application's combined form: the bundle version's merged
 * fields that one of the chosen services asks (a merged field names its
 * services as `<department>:<service key>`).
 */
export function combinedFormKeys(fields: readonly MergedField[], services: readonly string[]): Set<string> {
  return new Set(
    fields
      .filter((field) =>
        field.services.some((service) => services.some((key) => service.endsWith(`:${key}`))),
      )
      .map((field) => field.key),
  );
}
