import { http, type HttpClient } from '../../../app/http.ts';
import { isRecord, isStringArray } from '../../../app/json-guards.ts';
import {
  parseBundleMaterial,
  parseFormSchema,
  type BundleMaterial,
  type FormSchemaJson,
} from '../catalogue/catalogue.api.ts';
import { parseLocalizedText, type LocalizedText } from '../shared/localized-text.ts';
import { parseMaterial, type Material } from '../shared/material.ts';
import { isIsoDate, optionalString, parseList } from '../shared/parse-list.ts';

export const APPLICATION_STATUSES = [
  'submitted',
  'accepted',
  'processing',
  'returned',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const PART_STATUSES = ['pending', 'in_progress', 'done', 'failed', 'returned'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export type FormData = Record<string, unknown>;

export interface ApplicationSummary {
  id: string;
  bundleKey: string;
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
}

export interface ApplicationPart {
  department: string;
  service: string;
  /** The service's title; absent from an api that does not send it yet. */
  title: LocalizedText | null;
  status: PartStatus;
  /** Working-day due date, when the part has one. */
  dueDate: string | null;
  /** The registry's result (certificate numbers) once done. */
  result: Record<string, string | number | boolean> | null;
}

export interface TimelineEntry {
  at: string;
  event: string;
  by: string | null;
}

export interface Rating {
  score: number;
  comment: string | null;
  ratedAt: string;
}

export interface ApplicationDetail {
  id: string;
  bundleKey: string;
  status: ApplicationStatus;
  submittedAt: string;
  data: FormData;
  parts: ApplicationPart[];
  timeline: TimelineEntry[];
  materials: Material[];
  returnReason: string | null;
  /** Form keys the clerk asked to fix; empty means the whole form. */
  returnedFields: string[];
  rating: Rating | null;
}

/**
 * The combined form of one's own application: the bundle version it was filed under and the
 * services it chose. A correction is made in this form, not in the catalogue's current one.
 */
export interface ApplicationForm {
  bundleKey: string;
  version: number;
  services: string[];
  form: FormSchemaJson;
  /** The materials of that version: the kinds the application takes, not the catalogue's current ones. */
  materials: BundleMaterial[];
}

function isStatus<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function parseSummary(value: unknown): ApplicationSummary | undefined {
  if (!isRecord(value)) return undefined;
  const { id, bundleKey, status, submittedAt, updatedAt } = value;
  if (typeof id !== 'string' || typeof bundleKey !== 'string') return undefined;
  if (!isStatus(APPLICATION_STATUSES, status) || !isIsoDate(submittedAt)) return undefined;
  return { id, bundleKey, status, submittedAt, updatedAt: isIsoDate(updatedAt) ? updatedAt : submittedAt };
}

function parseResult(value: unknown): ApplicationPart['result'] | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return undefined;
  const result: Record<string, string | number | boolean> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') result[key] = item;
  }
  return result;
}

function parsePart(value: unknown): ApplicationPart | undefined {
  if (!isRecord(value)) return undefined;
  const { department, service, status } = value;
  const result = parseResult(value.result);
  const dueDate = optionalString(value.dueDate);
  if (typeof department !== 'string' || typeof service !== 'string') return undefined;
  if (!isStatus(PART_STATUSES, status) || result === undefined || dueDate === undefined) return undefined;
  return { department, service, title: parseLocalizedText(value.title) ?? null, status, dueDate, result };
}

function parseTimelineEntry(value: unknown): TimelineEntry | undefined {
  if (!isRecord(value) || !isIsoDate(value.at) || typeof value.event !== 'string') return undefined;
  const by = optionalString(value.by);
  if (by === undefined) return undefined;
  return { at: value.at, event: value.event, by };
}

function parseRating(value: unknown): Rating | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || typeof value.score !== 'number' || !isIsoDate(value.ratedAt)) return undefined;
  const comment = optionalString(value.comment);
  if (comment === undefined) return undefined;
  return { score: value.score, comment, ratedAt: value.ratedAt };
}

export function parseApplicationDetail(value: unknown): ApplicationDetail | undefined {
  const summary = parseSummary(value);
  if (!summary || !isRecord(value) || !isRecord(value.data)) return undefined;
  const parts = parseList(value.parts, parsePart);
  const timeline = parseList(value.timeline, parseTimelineEntry);
  // Materials, return reason, returned fields and rating are HTTP-API.md additions: absent means none.
  const materials = value.materials === undefined ? [] : parseList(value.materials, parseMaterial);
  const returnReason = optionalString(value.returnReason);
  const returnedFields = value.returnedFields === undefined ? [] : value.returnedFields;
  const rating = parseRating(value.rating);
  if (!parts || !timeline || !materials || returnReason === undefined) return undefined;
  if (!isStringArray(returnedFields) || rating === undefined) return undefined;
  return {
    id: summary.id,
    bundleKey: summary.bundleKey,
    status: summary.status,
    submittedAt: summary.submittedAt,
    data: value.data,
    parts,
    timeline,
    materials,
    returnReason,
    returnedFields,
    rating,
  };
}

function parseSubmitted(value: unknown): { id: string; status: ApplicationStatus } | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !isStatus(APPLICATION_STATUSES, value.status))
    return undefined;
  return { id: value.id, status: value.status };
}

function parseApplicationForm(value: unknown): ApplicationForm | undefined {
  if (!isRecord(value) || typeof value.bundleKey !== 'string' || typeof value.version !== 'number')
    return undefined;
  const form = parseFormSchema(value.form);
  const materials = parseList(value.materials, parseBundleMaterial);
  if (!isStringArray(value.services) || !form || !materials) return undefined;
  return { bundleKey: value.bundleKey, version: value.version, services: value.services, form, materials };
}

export function fetchApplications(client: HttpClient = http): Promise<ApplicationSummary[]> {
  return client.get('/api/applications', { parse: (body) => parseList(body, parseSummary) });
}

export function fetchApplication(id: string, client: HttpClient = http): Promise<ApplicationDetail> {
  return client.get(`/api/applications/${encodeURIComponent(id)}`, { parse: parseApplicationDetail });
}

export function fetchApplicationForm(id: string, client: HttpClient = http): Promise<ApplicationForm> {
  return client.get(`/api/applications/${encodeURIComponent(id)}/form`, { parse: parseApplicationForm });
}

/**
 * Submits the combined form. The idempotency key stays the same for every retry of one
 * submission attempt, so a double click or a retry after a lost answer creates one application.
 */
export function submitApplication(
  input: { bundleKey: string; data: FormData; idempotencyKey: string },
  client: HttpClient = http,
): Promise<{ id: string; status: ApplicationStatus }> {
  return client.post(
    '/api/applications',
    { bundleKey: input.bundleKey, data: input.data },
    { parse: parseSubmitted, headers: { 'Idempotency-Key': input.idempotencyKey } },
  );
}

export function supplementApplication(id: string, data: FormData, client: HttpClient = http): Promise<void> {
  return client.post(`/api/applications/${encodeURIComponent(id)}/supplement`, { data });
}

export function rateApplication(
  id: string,
  rating: { score: number; comment?: string },
  client: HttpClient = http,
): Promise<Rating> {
  return client.post(`/api/applications/${encodeURIComponent(id)}/rating`, rating, {
    parse: (body) => parseRating(body) ?? undefined,
  });
}
