import { http, type HttpClient } from '../../../app/http.ts';
import { isRecord, isStringArray } from '../../../app/json-guards.ts';

/** Where a prefilled value came from. */
export interface PrefillSource {
  registry: string;
  subject: string;
  at: string | null;
}

/** Values the registries know about the signed-in citizen, by form field key (免证办). */
export interface Prefill {
  values: Record<string, unknown>;
  sources: Record<string, PrefillSource>;
  /** Registries that did not answer; their fields are left for the citizen to fill in. */
  unavailable: string[];
}

function parseSource(value: unknown): PrefillSource | undefined {
  if (!isRecord(value) || typeof value.registry !== 'string') return undefined;
  return {
    registry: value.registry,
    subject: typeof value.subject === 'string' ? value.subject : '',
    at: typeof value.at === 'string' ? value.at : null,
  };
}

export function parsePrefill(body: unknown): Prefill | undefined {
  if (!isRecord(body) || !isRecord(body.values)) return undefined;
  const sources: Record<string, PrefillSource> = {};
  if (body.sources !== undefined) {
    if (!isRecord(body.sources)) return undefined;
    for (const [key, value] of Object.entries(body.sources)) {
      const source = parseSource(value);
      if (!source) return undefined;
      sources[key] = source;
    }
  }
  const unavailable = body.unavailable === undefined ? [] : body.unavailable;
  if (!isStringArray(unavailable)) return undefined;
  return { values: body.values, sources, unavailable };
}

export function fetchPrefill(bundleKey: string, client: HttpClient = http): Promise<Prefill> {
  return client.get(`/api/bundles/${encodeURIComponent(bundleKey)}/prefill`, { parse: parsePrefill });
}
