import { isRecord, isStringArray, isStringRecord } from '../../../app/json-guards.ts';
import type { FieldLabel, ReturnField } from './return-sections.ts';
import type {
  ApplicationForStaff,
  ApplicationPart,
  BundleDetail,
  BundleInfo,
  HistoryEntry,
  Material,
  PartResult,
  TaskComment,
  TaskDetail,
  TaskState,
  TaskSummary,
} from './task.types.ts';

/*
 * The api's answers are untrusted input: each parser checks the shape and returns undefined
 * when it does not fit. Fields HTTP-API.md added later (comments, materials, assigneeId,
 * workingDaysLeft) read as none when absent, so the Workbench still shows an older api's tasks.
 */

const TASK_STATES: readonly string[] = ['open', 'completed', 'cancelled'];

function isTaskState(value: unknown): value is TaskState {
  return typeof value === 'string' && TASK_STATES.includes(value);
}

function stringOrNull(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : undefined;
}

/** A user id (the session parser accepts numbers too, so both sides compare as strings). */
function idOrNull(value: unknown): string | null | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return stringOrNull(value);
}

function integerOrNull(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Keeps the items that parse; drops a whole list only when it is not a list. */
function listOf<T>(value: unknown, parse: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) => {
    const parsed = parse(item);
    return parsed === undefined ? [] : [parsed];
  });
}

export function parseTaskSummary(body: unknown): TaskSummary | undefined {
  if (!isRecord(body)) return undefined;
  const { id, name, state, candidateGroups, createdAt } = body;
  const bundleKey = stringOrNull(body.bundleKey);
  const applicationId = stringOrNull(body.applicationId);
  const assignee = stringOrNull(body.assignee);
  const assigneeId = idOrNull(body.assigneeId);
  const dueDate = stringOrNull(body.dueDate);
  const workingDaysLeft = integerOrNull(body.workingDaysLeft);
  if (typeof id !== 'string' || typeof name !== 'string' || typeof createdAt !== 'string') return undefined;
  if (!isTaskState(state) || !isStringArray(candidateGroups)) return undefined;
  if (bundleKey === undefined || applicationId === undefined) return undefined;
  if (assignee === undefined || assigneeId === undefined) return undefined;
  if (dueDate === undefined || workingDaysLeft === undefined) return undefined;
  return {
    id,
    name,
    state,
    bundleKey,
    applicationId,
    candidateGroups,
    assignee,
    assigneeId,
    dueDate,
    workingDaysLeft,
    createdAt,
  };
}

export function parseTaskList(body: unknown): TaskSummary[] | undefined {
  return listOf(body, parseTaskSummary);
}

function parseHistoryEntry(body: unknown): HistoryEntry | undefined {
  if (!isRecord(body) || typeof body.at !== 'string' || typeof body.event !== 'string') return undefined;
  const by = stringOrNull(body.by);
  return by === undefined ? undefined : { at: body.at, event: body.event, by };
}

export function parseComment(body: unknown): TaskComment | undefined {
  if (!isRecord(body)) return undefined;
  const { id, at, author, authorName, group, text } = body;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  if (typeof at !== 'string' || typeof text !== 'string') return undefined;
  const authorId = typeof author === 'string' ? author : '';
  return {
    id: String(id),
    at,
    author: authorId,
    authorName: typeof authorName === 'string' && authorName !== '' ? authorName : authorId,
    group: typeof group === 'string' ? group : '',
    text,
  };
}

export function parseComments(body: unknown): TaskComment[] | undefined {
  return listOf(body, parseComment);
}

export function parseTaskDetail(body: unknown): TaskDetail | undefined {
  const summary = parseTaskSummary(body);
  if (summary === undefined || !isRecord(body)) return undefined;
  const form = body.form === null || body.form === undefined ? null : body.form;
  if (form !== null && !isRecord(form)) return undefined;
  if (!isRecord(body.data)) return undefined;
  const history = listOf(body.history ?? [], parseHistoryEntry);
  const comments = listOf(body.comments ?? [], parseComment);
  const returnFields = listOf(body.returnFields ?? [], parseReturnField);
  if (history === undefined || comments === undefined || returnFields === undefined) return undefined;
  return { ...summary, form, data: body.data, history, comments, returnFields };
}

/** Both labels; a missing English one reads as the Chinese one. */
function parseLabel(value: unknown): FieldLabel | undefined {
  if (!isRecord(value) || typeof value['zh-CN'] !== 'string') return undefined;
  return { 'zh-CN': value['zh-CN'], en: typeof value.en === 'string' ? value.en : value['zh-CN'] };
}

function parseReturnField(body: unknown): ReturnField | undefined {
  if (!isRecord(body) || typeof body.key !== 'string') return undefined;
  const label = parseLabel(body.label);
  if (label === undefined) return undefined;
  if (body.section === null || body.section === undefined) return { key: body.key, label, section: null };
  const title = isRecord(body.section) ? parseLabel(body.section.title) : undefined;
  if (!isRecord(body.section) || typeof body.section.id !== 'string' || title === undefined) return undefined;
  return { key: body.key, label, section: { id: body.section.id, title } };
}

function parseMaterial(body: unknown): Material | undefined {
  if (!isRecord(body)) return undefined;
  const { id, kind, filename, contentType, size, uploadedAt } = body;
  if (typeof id !== 'string' || typeof kind !== 'string' || typeof filename !== 'string') return undefined;
  if (typeof contentType !== 'string' || typeof size !== 'number' || typeof uploadedAt !== 'string')
    return undefined;
  return { id, kind, filename, contentType, size, uploadedAt };
}

function parseResult(value: unknown): PartResult | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string | number | boolean] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number' || typeof entry[1] === 'boolean',
  );
  return Object.fromEntries(entries);
}

function parsePart(body: unknown): ApplicationPart | undefined {
  if (!isRecord(body)) return undefined;
  const { department, service, status } = body;
  if (typeof department !== 'string' || typeof service !== 'string' || typeof status !== 'string')
    return undefined;
  const result = parseResult(body.result);
  const dueDate = stringOrNull(body.dueDate);
  if (result === undefined || dueDate === undefined) return undefined;
  const title = isStringRecord(body.title) ? body.title : null;
  return { department, service, status, result, dueDate, title };
}

export function parseApplication(body: unknown): ApplicationForStaff | undefined {
  if (!isRecord(body)) return undefined;
  const { id, bundleKey, status, data } = body;
  if (typeof id !== 'string' || typeof bundleKey !== 'string' || typeof status !== 'string') return undefined;
  if (!isRecord(data)) return undefined;
  const parts = listOf(body.parts ?? [], parsePart);
  const materials = listOf(body.materials ?? [], parseMaterial);
  const submittedAt = stringOrNull(body.submittedAt);
  const returnReason = stringOrNull(body.returnReason);
  if (parts === undefined || materials === undefined) return undefined;
  if (submittedAt === undefined || returnReason === undefined) return undefined;
  return { id, bundleKey, status, submittedAt, data, parts, materials, returnReason };
}

function parseBundleInfo(body: unknown): BundleInfo | undefined {
  if (!isRecord(body) || typeof body.key !== 'string' || !isStringRecord(body.title)) return undefined;
  const materials =
    listOf(body.materials ?? [], (item) =>
      isRecord(item) && typeof item.key === 'string' && isStringRecord(item.name)
        ? { key: item.key, name: item.name }
        : undefined,
    ) ?? [];
  return { key: body.key, title: body.title, materials };
}

export function parseBundleList(body: unknown): BundleInfo[] | undefined {
  return listOf(body, parseBundleInfo);
}

type FieldNames = Pick<BundleDetail, 'labels' | 'options'>;

/** Labels of the keyed fields and of their choices, with the paths of the groups they sit in. */
function fieldNames(components: unknown, prefix: string, names: FieldNames): void {
  if (!Array.isArray(components)) return;
  for (const component of components) {
    if (!isRecord(component)) continue;
    if (typeof component.key === 'string') {
      const path = prefix + component.key;
      if (typeof component.label === 'string') names.labels[path] = component.label;
      if (Array.isArray(component.values)) {
        const choices = component.values.flatMap((option) =>
          isRecord(option) && typeof option.value === 'string' && typeof option.label === 'string'
            ? [[option.value, option.label] as const]
            : [],
        );
        if (choices.length > 0) names.options[path] = Object.fromEntries(choices);
      }
    }
    const path = typeof component.path === 'string' && component.path !== '' ? `${component.path}.` : '';
    fieldNames(component.components, prefix + path, names);
  }
}

export function parseBundleDetail(body: unknown): BundleDetail | undefined {
  const info = parseBundleInfo(body);
  if (info === undefined || !isRecord(body)) return undefined;
  const names: FieldNames = { labels: {}, options: {} };
  if (isRecord(body.form)) fieldNames(body.form.components, '', names);
  const services = Object.fromEntries(
    (Array.isArray(body.services) ? body.services : []).flatMap((service) =>
      isRecord(service) && typeof service.key === 'string' && isStringRecord(service.title)
        ? [[service.key, service.title] as const]
        : [],
    ),
  );
  return { ...info, ...names, services };
}
