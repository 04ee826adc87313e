import { http, type HttpClient } from '../../../app/http.ts';
import { isRecord, isStringArray } from '../../../app/json-guards.ts';
import { parseLocalizedText, type LocalizedText } from '../shared/localized-text.ts';
import { parseList } from '../shared/parse-list.ts';

export interface BundleMaterial {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  required: boolean;
}

export interface BundleSummary {
  key: string;
  title: LocalizedText;
  summary: LocalizedText;
  departments: string[];
  materials: BundleMaterial[];
  /** The promised time limit of the whole bundle, in working days. */
  timeLimitDays: number;
  version: string;
}

export interface BundleService {
  key: string;
  title: LocalizedText;
  department: string;
  timeLimitDays: number;
  requires: string[];
}

/** A form-js schema as the api sends it; checked further where it is rendered. */
export interface FormSchemaJson {
  components: unknown[];
  [property: string]: unknown;
}

export interface BundleDetail extends BundleSummary {
  services: BundleService[];
  /** The combined form (一表申请). */
  form: FormSchemaJson;
}

export function parseBundleMaterial(value: unknown): BundleMaterial | undefined {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.required !== 'boolean')
    return undefined;
  const name = parseLocalizedText(value.name);
  const description = parseLocalizedText(value.description);
  if (!name || !description) return undefined;
  return { key: value.key, name, description, required: value.required };
}

export function parseBundleSummary(value: unknown): BundleSummary | undefined {
  if (!isRecord(value)) return undefined;
  const { key, departments, timeLimitDays, version } = value;
  const title = parseLocalizedText(value.title);
  const summary = parseLocalizedText(value.summary);
  const materials = parseList(value.materials, parseBundleMaterial);
  if (typeof key !== 'string' || !title || !summary || !materials) return undefined;
  if (!isStringArray(departments) || typeof timeLimitDays !== 'number') return undefined;
  return { key, title, summary, departments, materials, timeLimitDays, version: String(version ?? '') };
}

function parseService(value: unknown): BundleService | undefined {
  if (!isRecord(value)) return undefined;
  const title = parseLocalizedText(value.title);
  const { key, department, timeLimitDays, requires } = value;
  if (typeof key !== 'string' || !title || typeof department !== 'string') return undefined;
  if (typeof timeLimitDays !== 'number' || !isStringArray(requires)) return undefined;
  return { key, title, department, timeLimitDays, requires };
}

export function parseFormSchema(value: unknown): FormSchemaJson | undefined {
  if (!isRecord(value) || !Array.isArray(value.components)) return undefined;
  return { ...value, components: value.components };
}

export function parseBundleDetail(value: unknown): BundleDetail | undefined {
  const summary = parseBundleSummary(value);
  if (!summary || !isRecord(value)) return undefined;
  const services = parseList(value.services, parseService);
  const form = parseFormSchema(value.form);
  if (!services || !form) return undefined;
  return { ...summary, services, form };
}

export function fetchBundles(client: HttpClient = http): Promise<BundleSummary[]> {
  return client.get('/api/bundles', { parse: (body) => parseList(body, parseBundleSummary) });
}

export function fetchBundle(key: string, client: HttpClient = http): Promise<BundleDetail> {
  return client.get(`/api/bundles/${encodeURIComponent(key)}`, { parse: parseBundleDetail });
}
