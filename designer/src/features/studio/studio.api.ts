import type { HttpClient } from '../../app/http.ts';
import { isRecord } from '../../app/json-guards.ts';
import {
  parseBundleDraft,
  parseBundleSummaries,
  parseDictionary,
  parsePublished,
  parseTemplates,
  type BundleDraft,
  type BundleSummary,
  type DictionaryEntry,
  type ElementTemplate,
  type PublishedVersion,
} from './studio.types.ts';

/** What a save sends: the draft's content and the version it was based on. */
export interface DraftContent {
  bpmn: string;
  forms: Record<string, Record<string, unknown>>;
  bundle: Record<string, unknown>;
}

/** The Studio's routes (HTTP-API.md, section "Studio"). */
export interface StudioApi {
  listBundles(): Promise<BundleSummary[]>;
  getDraft(key: string): Promise<BundleDraft>;
  /** Rejects with a 409 `DRAFT_CONFLICT` ApiError when `version` is no longer the current one. */
  saveDraft(key: string, version: number, content: DraftContent): Promise<BundleDraft>;
  /** Rejects with a 422 `PUBLISH_REJECTED` ApiError that lists the problems. */
  publish(key: string, version: number): Promise<PublishedVersion>;
  templates(): Promise<ElementTemplate[]>;
  dictionary(): Promise<DictionaryEntry[]>;
}

export function createStudioApi(http: HttpClient): StudioApi {
  const path = (key: string) => `/api/studio/bundles/${encodeURIComponent(key)}`;
  return {
    listBundles: () => http.get('/api/studio/bundles', { parse: parseBundleSummaries }),
    getDraft: (key) => http.get(path(key), { parse: parseBundleDraft }),
    saveDraft: (key, version, content) =>
      http.put(path(key), { version, ...content }, { parse: parseBundleDraft }),
    publish: (key, version) => http.post(`${path(key)}/publish`, { version }, { parse: parsePublished }),
    templates: () => http.get('/api/studio/templates', { parse: parseTemplates }),
    dictionary: () => http.get('/api/studio/dictionary', { parse: parseDictionary }),
  };
}

/** Who saved the draft the save collided with, read from a `DRAFT_CONFLICT` error. */
export interface ConflictInfo {
  version: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * The contract says the 409 carries "the current version and who saved it" without fixing
 * where; they are looked for on the error itself and under `current`/`details`.
 */
export function conflictInfo(details: Readonly<Record<string, unknown>>): ConflictInfo {
  const places = [details, details.current, details.details].filter(isRecord);
  const pick = <T>(read: (place: Record<string, unknown>) => T | null): T | null => {
    for (const place of places) {
      const value = read(place);
      if (value !== null) return value;
    }
    return null;
  };
  return {
    version: pick((place) => (typeof place.version === 'number' ? place.version : null)),
    updatedBy: pick((place) => {
      const by = place.updatedBy ?? place.savedBy ?? place.by;
      return typeof by === 'string' ? by : null;
    }),
    updatedAt: pick((place) => {
      const at = place.updatedAt ?? place.savedAt ?? place.at;
      return typeof at === 'string' ? at : null;
    }),
  };
}
