import { isRecord } from '../../app/json-guards.ts';

/** `{ 'zh-CN', en }`; some older texts are plain strings. */
export type LocalizedText = { 'zh-CN': string; en: string } | string;

export interface BundleSummary {
  key: string;
  title: LocalizedText;
  publishedVersion: number | null;
  publishedAt: string | null;
  draftVersion: number;
  draftUpdatedAt: string | null;
  draftUpdatedBy: string | null;
  hasUnpublishedChanges: boolean;
}

export interface PublishedInfo {
  version: number;
  at: string;
  by: string;
  processDefinitionKey: string;
}

export interface BundleDraft {
  key: string;
  version: number;
  bpmn: string;
  /** Form path (as `bundle.json` names it) → form-js schema. */
  forms: Record<string, Record<string, unknown>>;
  /** The bundle's `bundle.json`. */
  bundle: Record<string, unknown>;
  updatedAt: string | null;
  updatedBy: string | null;
  published: PublishedInfo | null;
}

export interface PublishedVersion {
  version: number;
  processDefinitionKey: string;
  publishedAt: string;
}

export type ProblemSource = 'bundle' | 'lint' | 'form' | 'deploy';

/** One reason the api refused to publish (422 `PUBLISH_REJECTED`). */
export interface PublishProblem {
  source: ProblemSource;
  elementId?: string;
  formPath?: string;
  fieldKey?: string;
  message: string;
}

/** An element template as `processes/templates` holds it; only what the Studio reads is checked. */
export interface ElementTemplate extends Record<string, unknown> {
  id: string;
  name: string;
}

export interface DictionaryEntry {
  key: string;
  label: LocalizedText;
  type: string;
  registry?: string;
  sensitive?: boolean;
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'string' ||
    (isRecord(value) && typeof value['zh-CN'] === 'string' && typeof value.en === 'string')
  );
}

export function localized(text: LocalizedText, locale: string): string {
  if (typeof text === 'string') return text;
  return locale === 'en' ? text.en : text['zh-CN'];
}

function parseBundleSummary(value: unknown): BundleSummary | undefined {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.draftVersion !== 'number') return;
  const publishedVersion = typeof value.publishedVersion === 'number' ? value.publishedVersion : null;
  return {
    key: value.key,
    title: isLocalizedText(value.title) ? value.title : value.key,
    publishedVersion,
    publishedAt: optionalString(value.publishedAt),
    draftVersion: value.draftVersion,
    draftUpdatedAt: optionalString(value.draftUpdatedAt),
    draftUpdatedBy: optionalString(value.draftUpdatedBy),
    hasUnpublishedChanges: value.hasUnpublishedChanges === true,
  };
}

/** Parses a list, refusing it whole when one item does not fit. */
function parseList<T>(parseItem: (value: unknown) => T | undefined) {
  return (body: unknown): T[] | undefined => {
    if (!Array.isArray(body)) return undefined;
    const items: T[] = [];
    for (const value of body) {
      const item = parseItem(value);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return items;
  };
}

export const parseBundleSummaries = parseList(parseBundleSummary);

function parsePublishedInfo(value: unknown): PublishedInfo | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || typeof value.version !== 'number') return undefined;
  return {
    version: value.version,
    at: optionalString(value.at) ?? '',
    by: optionalString(value.by) ?? '',
    processDefinitionKey: String(value.processDefinitionKey ?? ''),
  };
}

export function parseBundleDraft(body: unknown): BundleDraft | undefined {
  if (!isRecord(body) || typeof body.key !== 'string' || typeof body.version !== 'number') return;
  if (typeof body.bpmn !== 'string' || !isRecord(body.forms) || !isRecord(body.bundle)) return;
  const forms: Record<string, Record<string, unknown>> = {};
  for (const [path, schema] of Object.entries(body.forms)) {
    if (!isRecord(schema)) return;
    forms[path] = schema;
  }
  const published = parsePublishedInfo(body.published);
  if (published === undefined) return;
  return {
    key: body.key,
    version: body.version,
    bpmn: body.bpmn,
    forms,
    bundle: body.bundle,
    updatedAt: optionalString(body.updatedAt),
    updatedBy: optionalString(body.updatedBy),
    published,
  };
}

export function parsePublished(body: unknown): PublishedVersion | undefined {
  if (!isRecord(body) || typeof body.version !== 'number') return;
  const key = body.processDefinitionKey;
  if (typeof key !== 'string' && typeof key !== 'number') return;
  return {
    version: body.version,
    processDefinitionKey: String(key),
    publishedAt: optionalString(body.publishedAt) ?? '',
  };
}

const SOURCES: readonly ProblemSource[] = ['bundle', 'lint', 'form', 'deploy'];

function isProblemSource(value: unknown): value is ProblemSource {
  return SOURCES.some((source) => source === value);
}

function parseProblem(value: unknown): PublishProblem | undefined {
  if (!isRecord(value) || typeof value.message !== 'string') return;
  const source = isProblemSource(value.source) ? value.source : 'deploy';
  const problem: PublishProblem = { source, message: value.message };
  if (typeof value.elementId === 'string') problem.elementId = value.elementId;
  if (typeof value.formPath === 'string') problem.formPath = value.formPath;
  if (typeof value.fieldKey === 'string') problem.fieldKey = value.fieldKey;
  return problem;
}

/** The problems of a `PUBLISH_REJECTED` error, on the error itself or under `details`. */
export function parsePublishProblems(details: Readonly<Record<string, unknown>>): PublishProblem[] {
  const nested = isRecord(details.details) ? details.details.problems : undefined;
  const raw = Array.isArray(details.problems) ? details.problems : nested;
  if (!Array.isArray(raw)) return [];
  return raw.map(parseProblem).filter((problem) => problem !== undefined);
}

function parseTemplate(value: unknown): ElementTemplate | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return;
  return { ...value, id: value.id, name: value.name };
}

export const parseTemplates = parseList(parseTemplate);

function parseDictionaryEntry(value: unknown): DictionaryEntry | undefined {
  if (!isRecord(value) || typeof value.key !== 'string' || !isLocalizedText(value.label)) return;
  const entry: DictionaryEntry = {
    key: value.key,
    label: value.label,
    type: typeof value.type === 'string' ? value.type : 'textfield',
  };
  if (typeof value.registry === 'string') entry.registry = value.registry;
  if (typeof value.sensitive === 'boolean') entry.sensitive = value.sensitive;
  return entry;
}

export const parseDictionary = parseList(parseDictionaryEntry);
