/**
 * `bundle.json`: a bundle's catalogue entry and the services it fans out to.
 * Parsed at the trust boundary (files a designer can edit in the Studio), so
 * every field is checked and problems come back as data, one line each.
 */

export const DEPARTMENTS = ['health', 'civil', 'hr', 'tax'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface BundleMaterial {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  required: boolean;
}

export type ServiceMode = 'automatic' | 'review';

export interface BundleService {
  /** lowerCamelCase; names the service in `services`, `results.<key>` and `reviews.<key>`. */
  key: string;
  title: LocalizedText;
  department: Department;
  /** `automatic`: the connector runs at once; `review`: a clerk of the department reviews first. */
  mode: ServiceMode;
  /** Promised working days from acceptance until this service is done. */
  timeLimitDays: number;
  /** Job type of the connector task: `onething:<department>:<operation>`. */
  operation: string;
  /** The citizen's form for this service, relative to the bundle folder: `forms/<name>.form`. */
  form: string;
  /** Services that must be selected too (their results feed this one). */
  requires: string[];
}

export interface BundleManifest {
  key: string;
  /** bpmnProcessId of `process.bpmn`. */
  processId: string;
  title: LocalizedText;
  summary: LocalizedText;
  departments: Department[];
  materials: BundleMaterial[];
  /** Promised working days from acceptance until the whole bundle is done. */
  timeLimitDays: number;
  services: BundleService[];
}

export type ManifestResult = { ok: true; value: BundleManifest } | { ok: false; problems: string[] };

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const FORM_PATH = /^forms\/[a-z][a-z0-9-]*\.form$/;

type Problems = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(
  input: Record<string, unknown>,
  key: string,
  at: string,
  problems: Problems,
  pattern?: RegExp,
): string {
  const value = input[key];
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push(`${at}${key}: expected a non-empty string`);
    return '';
  }
  if (pattern && !pattern.test(value)) problems.push(`${at}${key}: "${value}" does not match ${pattern}`);
  return value;
}

function localized(
  input: Record<string, unknown>,
  key: string,
  at: string,
  problems: Problems,
): LocalizedText {
  const value = input[key];
  if (!isRecord(value)) {
    problems.push(`${at}${key}: expected {"zh-CN": ..., "en": ...}`);
    return { 'zh-CN': '', en: '' };
  }
  return {
    'zh-CN': str(value, 'zh-CN', `${at}${key}.`, problems),
    en: str(value, 'en', `${at}${key}.`, problems),
  };
}

function days(input: Record<string, unknown>, key: string, at: string, problems: Problems): number {
  const value = input[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 60) return value;
  problems.push(`${at}${key}: expected an integer number of working days between 1 and 60`);
  return 0;
}

function department(value: unknown, at: string, problems: Problems): Department {
  const found = DEPARTMENTS.find((d) => d === value);
  if (found === undefined) problems.push(`${at}: expected one of ${DEPARTMENTS.join(', ')}`);
  return found ?? 'health';
}

function list(input: Record<string, unknown>, key: string, at: string, problems: Problems): unknown[] {
  const value = input[key];
  if (Array.isArray(value)) return value;
  problems.push(`${at}${key}: expected an array`);
  return [];
}

function material(input: unknown, at: string, problems: Problems): BundleMaterial {
  const record = isRecord(input) ? input : {};
  if (!isRecord(input)) problems.push(`${at}: expected an object`);
  if (typeof record.required !== 'boolean') problems.push(`${at}.required: expected a boolean`);
  return {
    key: str(record, 'key', `${at}.`, problems, KEBAB),
    name: localized(record, 'name', `${at}.`, problems),
    description: localized(record, 'description', `${at}.`, problems),
    required: record.required === true,
  };
}

function service(input: unknown, at: string, problems: Problems): BundleService {
  const record = isRecord(input) ? input : {};
  if (!isRecord(input)) problems.push(`${at}: expected an object`);
  const mode = record.mode === 'automatic' || record.mode === 'review' ? record.mode : 'automatic';
  if (record.mode !== mode) problems.push(`${at}.mode: expected "automatic" or "review"`);
  const requires = list(record, 'requires', `${at}.`, problems).filter((item, index): item is string => {
    if (typeof item === 'string') return true;
    problems.push(`${at}.requires[${index}]: expected a service key`);
    return false;
  });
  const dept = department(record.department, `${at}.department`, problems);
  const operation = str(record, 'operation', `${at}.`, problems, /^onething:[a-z]+:[a-z][a-z0-9-]*$/);
  if (operation && !operation.startsWith(`onething:${dept}:`)) {
    problems.push(`${at}.operation: ${operation} is not an operation of ${dept}`);
  }
  return {
    key: str(record, 'key', `${at}.`, problems, CAMEL),
    title: localized(record, 'title', `${at}.`, problems),
    department: dept,
    mode,
    timeLimitDays: days(record, 'timeLimitDays', `${at}.`, problems),
    operation,
    form: str(record, 'form', `${at}.`, problems, FORM_PATH),
    requires,
  };
}

function crossCheck(manifest: BundleManifest, problems: Problems): void {
  const keys = new Set<string>();
  manifest.services.forEach((s, index) => {
    if (keys.has(s.key)) problems.push(`services[${index}].key: "${s.key}" is used twice`);
    keys.add(s.key);
    if (!manifest.departments.includes(s.department)) {
      problems.push(`services[${index}].department: ${s.department} is not among the bundle's departments`);
    }
    if (s.timeLimitDays > manifest.timeLimitDays) {
      problems.push(`services[${index}].timeLimitDays: exceeds the bundle's ${manifest.timeLimitDays} days`);
    }
  });
  manifest.services.forEach((s, index) => {
    for (const required of s.requires) {
      if (!keys.has(required) || required === s.key) {
        problems.push(`services[${index}].requires: "${required}" is not another service of this bundle`);
      }
    }
  });
  for (const dept of manifest.departments) {
    if (!manifest.services.some((s) => s.department === dept))
      problems.push(`departments: ${dept} has no service`);
  }
  if (new Set(manifest.departments).size !== manifest.departments.length)
    problems.push('departments: duplicates');
  if (manifest.services.length === 0) problems.push('services: a bundle needs at least one service');
}

export function parseBundleManifest(input: unknown): ManifestResult {
  if (!isRecord(input)) return { ok: false, problems: ['expected an object'] };
  const problems: Problems = [];
  const key = str(input, 'key', '', problems, KEBAB);
  const processId = str(input, 'processId', '', problems, KEBAB);
  if (key && processId && processId !== `onething-${key}`)
    problems.push(`processId: expected "onething-${key}"`);
  const manifest: BundleManifest = {
    key,
    processId,
    title: localized(input, 'title', '', problems),
    summary: localized(input, 'summary', '', problems),
    departments: list(input, 'departments', '', problems).map((d, i) =>
      department(d, `departments[${i}]`, problems),
    ),
    materials: list(input, 'materials', '', problems).map((m, i) => material(m, `materials[${i}]`, problems)),
    timeLimitDays: days(input, 'timeLimitDays', '', problems),
    services: list(input, 'services', '', problems).map((s, i) => service(s, `services[${i}]`, problems)),
  };
  crossCheck(manifest, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: manifest };
}
