import { isRecord, isStringArray, listOf } from '../../../app/json-guards.ts';
import {
  BREACH_STATES,
  INCIDENT_STATES,
  INSTANCE_STATES,
  PROGRESS_FAILURE_STATES,
  SCORES,
  type Breach,
  type BundleEntry,
  type ElementInstance,
  type Incident,
  type InstanceDetail,
  type InstancesPage,
  type InstanceSummary,
  type MonitorStats,
  type ProgressFailure,
  type LocalizedText,
  type ResolveResult,
  type Score,
  type ServiceEntry,
} from './monitor.types.ts';

/*
 * Response parsers for the Monitor's calls: each checks the body against the contract and
 * returns `undefined` when it does not fit (http.ts then reports RESPONSE_INVALID).
 */

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

const isInstanceState = oneOf(INSTANCE_STATES);
const isIncidentState = oneOf(INCIDENT_STATES);
const isBreachState = oneOf(BREACH_STATES);
const isProgressFailureState = oneOf(PROGRESS_FAILURE_STATES);

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNullableString = (value: unknown): value is string | null => value === null || isString(value);

type InstanceHead = Omit<InstanceSummary, 'incidents'>;

function parseInstanceHead(body: Record<string, unknown>): InstanceHead | undefined {
  const { key, bpmnProcessId, version, processDefinitionKey, parentProcessInstanceKey } = body;
  const { state, startedAt, endedAt } = body;
  if (!isString(key) || !isString(bpmnProcessId) || !isNumber(version)) return undefined;
  if (!isString(processDefinitionKey) || !isNullableString(parentProcessInstanceKey)) return undefined;
  if (!isInstanceState(state) || !isString(startedAt) || !isNullableString(endedAt)) return undefined;
  return {
    key,
    bpmnProcessId,
    version,
    processDefinitionKey,
    parentProcessInstanceKey,
    state,
    startedAt,
    endedAt,
  };
}

function parseInstanceSummary(body: unknown): InstanceSummary | undefined {
  if (!isRecord(body) || !isNumber(body.incidents)) return undefined;
  const head = parseInstanceHead(body);
  return head && { ...head, incidents: body.incidents };
}

export function parseInstancesPage(body: unknown): InstancesPage | undefined {
  if (!isRecord(body) || !isNullableString(body.nextCursor)) return undefined;
  const items = listOf(body.items, parseInstanceSummary);
  return items && { items, nextCursor: body.nextCursor };
}

export function parseElementInstance(body: unknown): ElementInstance | undefined {
  if (!isRecord(body)) return undefined;
  const { key, elementId, elementType, state, startedAt, endedAt } = body;
  if (!isString(key) || !isString(elementId) || !isString(elementType)) return undefined;
  if (!isInstanceState(state) || !isString(startedAt) || !isNullableString(endedAt)) return undefined;
  return { key, elementId, elementType, state, startedAt, endedAt };
}

export function parseIncident(body: unknown): Incident | undefined {
  if (!isRecord(body)) return undefined;
  const { key, state, processInstanceKey, bpmnProcessId, elementId, elementInstanceKey } = body;
  const { errorType, errorMessage, jobKey, createdAt } = body;
  if (!isString(key) || !isIncidentState(state) || !isString(processInstanceKey)) return undefined;
  if (!isString(bpmnProcessId) || !isString(elementId) || !isString(elementInstanceKey)) return undefined;
  if (!isString(errorType) || !isString(errorMessage) || !isNullableString(jobKey)) return undefined;
  if (!isString(createdAt)) return undefined;
  return {
    key,
    state,
    processInstanceKey,
    bpmnProcessId,
    elementId,
    elementInstanceKey,
    errorType,
    errorMessage,
    jobKey,
    createdAt,
  };
}

export function parseIncidents(body: unknown): Incident[] | undefined {
  return listOf(body, parseIncident);
}

function parseVariables(body: unknown): InstanceDetail['variables'] | undefined {
  if (!isRecord(body)) return undefined;
  const scopes: InstanceDetail['variables'] = {};
  for (const [scope, values] of Object.entries(body)) {
    if (!isRecord(values)) return undefined;
    scopes[scope] = values;
  }
  return scopes;
}

export function parseInstanceDetail(body: unknown): InstanceDetail | undefined {
  if (!isRecord(body)) return undefined;
  const head = parseInstanceHead(body);
  const elements = listOf(body.elements, parseElementInstance);
  const variables = parseVariables(body.variables);
  const incidents = parseIncidents(body.incidents);
  if (!head || !elements || !variables || !incidents) return undefined;
  return { ...head, elements, variables, incidents };
}

export function parseResolveResult(body: unknown): ResolveResult | undefined {
  if (!isRecord(body) || !isString(body.key) || body.resolved !== true) return undefined;
  if (typeof body.retriedJob !== 'boolean') return undefined;
  return { key: body.key, resolved: true, retriedJob: body.retriedJob };
}

function parseByScore(body: unknown): Record<Score, number> | undefined {
  if (!isRecord(body)) return undefined;
  const byScore: Record<Score, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const score of SCORES) {
    const count = body[String(score)];
    if (count === undefined) continue;
    if (!isNumber(count)) return undefined;
    byScore[score] = count;
  }
  return byScore;
}

export function parseStats(body: unknown): MonitorStats | undefined {
  if (!isRecord(body) || !isRecord(body.durations) || !isRecord(body.ratings)) return undefined;
  const perDay = listOf(body.perDay, (day) =>
    isRecord(day) && isString(day.day) && isNumber(day.submitted) && isNumber(day.completed)
      ? { day: day.day, submitted: day.submitted, completed: day.completed }
      : undefined,
  );
  const byDepartment = listOf(body.durations.byDepartment, (row) =>
    isRecord(row) && isString(row.department) && isNumber(row.avgHours) && isNumber(row.count)
      ? { department: row.department, avgHours: row.avgHours, count: row.count }
      : undefined,
  );
  const byBundle = listOf(body.durations.byBundle, (row) =>
    isRecord(row) && isString(row.bundleKey) && isNumber(row.avgHours) && isNumber(row.count)
      ? { bundleKey: row.bundleKey, avgHours: row.avgHours, count: row.count }
      : undefined,
  );
  const { average, count } = body.ratings;
  const byScore = parseByScore(body.ratings.byScore);
  const share = body.prefilledShare;
  if (!perDay || !byDepartment || !byBundle || !byScore || !(share === null || isNumber(share)))
    return undefined;
  if (!(average === null || isNumber(average)) || !isNumber(count)) return undefined;
  return {
    perDay,
    durations: { byDepartment, byBundle },
    prefilledShare: share,
    ratings: { average, count, byScore },
  };
}

function parseBreach(body: unknown): Breach | undefined {
  if (!isRecord(body)) return undefined;
  const { applicationId, bundleKey, department, service, dueDate, state, workingDaysLeft } = body;
  if (!isString(applicationId) || !isString(bundleKey) || !isString(department)) return undefined;
  if (!isString(service) || !isString(dueDate) || !isBreachState(state) || !isNumber(workingDaysLeft))
    return undefined;
  return { applicationId, bundleKey, department, service, dueDate, state, workingDaysLeft };
}

export function parseBreaches(body: unknown): Breach[] | undefined {
  return listOf(body, parseBreach);
}

function parseLocalizedText(body: unknown): LocalizedText | undefined {
  if (!isRecord(body)) return undefined;
  const zh = body['zh-CN'];
  return isString(zh) && isString(body.en) ? { 'zh-CN': zh, en: body.en } : undefined;
}

function parseBundleEntry(body: unknown): BundleEntry | undefined {
  if (!isRecord(body) || !isString(body.key) || !isStringArray(body.departments)) return undefined;
  const title = parseLocalizedText(body.title);
  return title && { key: body.key, title, departments: body.departments };
}

/** The services of `GET /api/bundles/:key` (the rest of the detail is not the Monitor's). */
export function parseBundleServices(body: unknown): ServiceEntry[] | undefined {
  if (!isRecord(body)) return undefined;
  return listOf(body.services, (service) => {
    if (!isRecord(service) || !isString(service.key) || !isString(service.department)) return undefined;
    const title = parseLocalizedText(service.title);
    return title && { key: service.key, title, department: service.department };
  });
}

export function parseBundles(body: unknown): BundleEntry[] | undefined {
  return listOf(body, parseBundleEntry);
}

export function parseProgressFailure(body: unknown): ProgressFailure | undefined {
  if (!isRecord(body)) return undefined;
  const { applicationId, bundleKey, processInstanceKey, position, error, attempts, state } = body;
  const { firstSeenAt, lastSeenAt, nextAttemptAt } = body;
  if (!isString(applicationId) || !isNullableString(bundleKey) || !isNullableString(processInstanceKey))
    return undefined;
  if (!isString(position) || !isString(error) || !isNumber(attempts) || !Number.isInteger(attempts))
    return undefined;
  if (!isProgressFailureState(state) || !isString(firstSeenAt) || !isString(lastSeenAt)) return undefined;
  if (!isNullableString(nextAttemptAt)) return undefined;
  return {
    applicationId,
    bundleKey,
    processInstanceKey,
    position,
    error,
    attempts,
    state,
    firstSeenAt,
    lastSeenAt,
    nextAttemptAt,
  };
}

export function parseProgressFailures(body: unknown): ProgressFailure[] | undefined {
  return listOf(body, parseProgressFailure);
}
