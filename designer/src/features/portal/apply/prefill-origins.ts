import type { Prefill } from './prefill.api.ts';

import { isEmptyValue } from './form-components.ts';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** For each prefilled key, the sentence that says which registry supplied it. */
export function prefillOrigins(prefill: Prefill | null, t: Translate): Map<string, string> {
  const origins = new Map<string, string>();
  if (!prefill) return origins;
  for (const key of knownKeys(prefill)) {
    const registry = prefill.sources[key]?.registry;
    origins.set(
      key,
      registry
        ? t('portal.apply.prefilledFrom', { registry: t(`portal.registries.${registry}`) })
        : t('portal.apply.prefilledGeneric'),
    );
  }
  return origins;
}

/** The registries that supplied something, named for the notice on top of the form. */
export function prefillRegistryNames(prefill: Prefill | null, t: Translate): string[] {
  if (!prefill) return [];
  const registries = new Set(
    knownKeys(prefill)
      .map((key) => prefill.sources[key]?.registry)
      .filter((registry) => registry !== undefined),
  );
  return [...registries].map((registry) => t(`portal.registries.${registry}`));
}

/** Keys the registries actually answered (empty answers fill nothing). */
export function knownKeys(prefill: Prefill): string[] {
  return Object.entries(prefill.values)
    .filter(([, value]) => !isEmptyValue(value))
    .map(([key]) => key);
}

export function knownValues(prefill: Prefill | null): Record<string, unknown> {
  if (!prefill) return {};
  return Object.fromEntries(knownKeys(prefill).map((key) => [key, prefill.values[key]]));
}
