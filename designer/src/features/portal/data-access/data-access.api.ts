import { http, type HttpClient } from '../../../app/http.ts';
import { isRecord, isStringArray } from '../../../app/json-guards.ts';
import { parseTextOrLocalized, type LocalizedText } from '../shared/localized-text.ts';
import { isIsoDate, parseList } from '../shared/parse-list.ts';

/** One use of the citizen's personal data: a registry asked, or a staff member reading it. */
export interface DataAccessEntry {
  id: string;
  at: string;
  kind: 'registry-query' | 'staff-read';
  registry: string | null;
  subject: string;
  /** The subject's ID number, masked by the api. */
  subjectId: string | null;
  fields: string[];
  purpose: LocalizedText;
  actor: string;
}

function parseEntry(value: unknown): DataAccessEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { id, at, kind, registry, subject, fields, actor } = value;
  const purpose = parseTextOrLocalized(value.purpose);
  if ((typeof id !== 'string' && typeof id !== 'number') || !isIsoDate(at)) return undefined;
  if (kind !== 'registry-query' && kind !== 'staff-read') return undefined;
  if (typeof subject !== 'string' || !isStringArray(fields) || !purpose || typeof actor !== 'string')
    return undefined;
  return {
    id: String(id),
    at,
    kind,
    registry: typeof registry === 'string' ? registry : null,
    subject,
    subjectId: typeof value.subjectId === 'string' ? value.subjectId : null,
    fields,
    purpose,
    actor,
  };
}

/** Newest first, at most 200; `before` (an entry's `at`) pages back. */
export function fetchDataAccess(before?: string, client: HttpClient = http): Promise<DataAccessEntry[]> {
  const query = before ? `?before=${encodeURIComponent(before)}` : '';
  return client.get(`/api/me/data-access${query}`, { parse: (body) => parseList(body, parseEntry) });
}
