import { http, type HttpClient } from '../../../app/http.ts';
import { isRecord } from '../../../app/json-guards.ts';
import { isApiError } from '../../../errors.ts';
import { parseMaterial, type Material } from '../shared/material.ts';
import { isIsoDate, parseList } from '../shared/parse-list.ts';

/** A saved, not yet submitted application (HTTP-API.md drafts). */
export interface Draft {
  bundleKey: string;
  data: Record<string, unknown>;
  /** The wizard step the citizen was at, as the portal saved it. */
  step: string | null;
  updatedAt: string;
  materials: Material[];
}

export interface DraftSummary {
  bundleKey: string;
  updatedAt: string;
  step: string | null;
}

function parseStep(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // An older portal may have saved a step number.
  if (typeof value === 'number') return String(value);
  return undefined;
}

function parseDraftSummary(value: unknown): DraftSummary | undefined {
  if (!isRecord(value) || typeof value.bundleKey !== 'string' || !isIsoDate(value.updatedAt))
    return undefined;
  const step = parseStep(value.step);
  if (step === undefined) return undefined;
  return { bundleKey: value.bundleKey, updatedAt: value.updatedAt, step };
}

function parseDraft(value: unknown): Draft | undefined {
  const summary = parseDraftSummary(value);
  if (!summary || !isRecord(value) || !isRecord(value.data)) return undefined;
  const materials = value.materials === undefined ? [] : parseList(value.materials, parseMaterial);
  if (!materials) return undefined;
  return { ...summary, data: value.data, materials };
}

const path = (bundleKey: string) => `/api/applications/drafts/${encodeURIComponent(bundleKey)}`;

export function fetchDrafts(client: HttpClient = http): Promise<DraftSummary[]> {
  return client.get('/api/applications/drafts', { parse: (body) => parseList(body, parseDraftSummary) });
}

/**
 * The citizen's draft for the bundle, or `null` when there is none. The list is asked
 * first: most applications start without a draft, and asking for it directly would
 * answer 404, an error in the browser's console on every new application.
 */
export async function fetchDraft(bundleKey: string, client: HttpClient = http): Promise<Draft | null> {
  const drafts = await fetchDrafts(client);
  if (!drafts.some((draft) => draft.bundleKey === bundleKey)) return null;
  try {
    return await client.get(path(bundleKey), { parse: parseDraft });
  } catch (error) {
    // Deleted (submitted in another tab) since the list was read.
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function saveDraft(
  bundleKey: string,
  draft: { data: Record<string, unknown>; step: string },
  client: HttpClient = http,
): Promise<DraftSummary> {
  return client.put(path(bundleKey), draft, { parse: parseDraftSummary });
}

export function deleteDraft(bundleKey: string, client: HttpClient = http): Promise<void> {
  return client.delete(path(bundleKey));
}

export function deleteDraftMaterial(bundleKey: string, materialId: string, client: HttpClient = http) {
  return client.delete(`${path(bundleKey)}/materials/${encodeURIComponent(materialId)}`);
}

export function draftMaterialsUrl(bundleKey: string): string {
  return `${path(bundleKey)}/materials`;
}
