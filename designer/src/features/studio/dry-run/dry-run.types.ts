import { isRecord, isStringArray, listOf } from '../../../app/json-guards.ts';
import { parseElementInstance, parseIncident } from '../../monitor/api/monitor.parsers.ts';
import type { ElementInstance, Incident } from '../../monitor/api/monitor.types.ts';

/*
 * The Studio's dry runs as the api serves them (api/HTTP-API.md, "Dry runs"), with parsers that
 * return `undefined` for a body that does not fit (http.ts reports RESPONSE_INVALID).
 */

export interface TestCitizen {
  key: string;
  name: string;
  /** Masked by the api. */
  idNumber: string;
}

export interface TestCitizens {
  /** Whether this deployment may run dry runs (its registries are the sandbox). */
  available: boolean;
  citizens: TestCitizen[];
}

export interface DryRunStarted {
  id: string;
  processInstanceKey: string;
  processDefinitionKey: string;
}

export const DRY_RUN_STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED', 'CANCELLED'] as const;
export type DryRunState = (typeof DRY_RUN_STATES)[number];

/** Why a run was cancelled: by a designer, or by the api after it sat idle (STUDIO_DRY_RUN_IDLE_DAYS). */
export const CANCEL_REASONS = ['designer', 'expired'] as const;
export type DryRunCancelReason = (typeof CANCEL_REASONS)[number];

/** A run in the bundle's list; `state` is the api's bookkeeping, the detail's is the engine's. */
export const SUMMARY_STATES = ['running', 'completed', 'cancelled'] as const;
export type DryRunSummaryState = (typeof SUMMARY_STATES)[number];

export interface DryRunSummary {
  id: string;
  draftVersion: number;
  /** The test citizen's key. */
  citizen: string;
  processInstanceKey: string;
  state: DryRunSummaryState;
  cancelReason: DryRunCancelReason | null;
  startedAt: string;
  startedBy: string;
}

export const TASK_STATES = ['open', 'completed', 'cancelled'] as const;
export type DryRunTaskState = (typeof TASK_STATES)[number];

export interface DryRunTask {
  id: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  state: DryRunTaskState;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  /** The task's form-js schema while it is open. */
  form: Record<string, unknown> | null;
}

export const OUTCOME_STATUSES = ['not_requested', 'pending', 'done', 'failed'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export interface ServiceOutcome {
  service: string;
  department: string;
  status: OutcomeStatus;
  result?: Record<string, unknown>;
  reason?: string;
}

export interface DryRun {
  id: string;
  bundleKey: string;
  draftVersion: number;
  citizen: string;
  processInstanceKey: string;
  state: DryRunState;
  /** Set once the run was cancelled, `null` otherwise. */
  cancelReason: DryRunCancelReason | null;
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  elements: ElementInstance[];
  incidents: Incident[];
  variables: Record<string, unknown>;
  outcomes: ServiceOutcome[];
  tasks: DryRunTask[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null => value === null || isString(value);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

const isCancelReason = (value: unknown): value is DryRunCancelReason | null =>
  value === null || oneOf(CANCEL_REASONS)(value);

export function parseTestCitizens(body: unknown): TestCitizens | undefined {
  if (!isRecord(body) || typeof body.available !== 'boolean') return undefined;
  const citizens = listOf(body.citizens, (item) =>
    isRecord(item) && isString(item.key) && isString(item.name) && isString(item.idNumber)
      ? { key: item.key, name: item.name, idNumber: item.idNumber }
      : undefined,
  );
  return citizens && { available: body.available, citizens };
}

export function parseDryRunStarted(body: unknown): DryRunStarted | undefined {
  if (!isRecord(body)) return undefined;
  const { id, processInstanceKey, processDefinitionKey } = body;
  if (!isString(id) || !isString(processInstanceKey) || !isString(processDefinitionKey)) return undefined;
  return { id, processInstanceKey, processDefinitionKey };
}

function parseSummary(body: unknown): DryRunSummary | undefined {
  if (!isRecord(body)) return undefined;
  const { id, draftVersion, citizen, processInstanceKey, state, cancelReason, startedAt, startedBy } = body;
  if (!isString(id) || typeof draftVersion !== 'number' || !isString(citizen)) return undefined;
  if (!isString(processInstanceKey) || !oneOf(SUMMARY_STATES)(state) || !isCancelReason(cancelReason))
    return undefined;
  if (!isString(startedAt) || !isString(startedBy)) return undefined;
  return { id, draftVersion, citizen, processInstanceKey, state, cancelReason, startedAt, startedBy };
}

/** The bundle's latest runs, newest first; undefined when any row does not fit. */
export function parseDryRunList(body: unknown): DryRunSummary[] | undefined {
  return listOf(body, parseSummary);
}

function parseTask(body: unknown): DryRunTask | undefined {
  if (!isRecord(body)) return undefined;
  const { id, elementId, name, candidateGroups, state, createdAt, completedAt, completedBy, form } = body;
  if (!isString(id) || !isString(elementId) || !isString(name) || !isStringArray(candidateGroups))
    return undefined;
  if (!oneOf(TASK_STATES)(state) || !isString(createdAt)) return undefined;
  if (!isNullableString(completedAt) || !isNullableString(completedBy)) return undefined;
  if (form !== null && !isRecord(form)) return undefined;
  return { id, elementId, name, candidateGroups, state, createdAt, completedAt, completedBy, form };
}

function parseOutcome(body: unknown): ServiceOutcome | undefined {
  if (!isRecord(body)) return undefined;
  const { service, department, status, result, reason } = body;
  if (!isString(service) || !isString(department) || !oneOf(OUTCOME_STATUSES)(status)) return undefined;
  if (result !== undefined && !isRecord(result)) return undefined;
  if (reason !== undefined && !isString(reason)) return undefined;
  return {
    service,
    department,
    status,
    ...(result === undefined ? {} : { result }),
    ...(reason === undefined ? {} : { reason }),
  };
}

export function parseDryRun(body: unknown): DryRun | undefined {
  if (!isRecord(body)) return undefined;
  const { id, bundleKey, draftVersion, citizen, processInstanceKey, state, startedAt, startedBy } = body;
  if (!isString(id) || !isString(bundleKey) || typeof draftVersion !== 'number') return undefined;
  if (!isString(citizen) || !isString(processInstanceKey) || !oneOf(DRY_RUN_STATES)(state)) return undefined;
  if (!isString(startedAt) || !isString(startedBy) || !isNullableString(body.endedAt)) return undefined;
  const { cancelReason } = body;
  if (!isCancelReason(cancelReason)) return undefined;
  if (!isRecord(body.variables)) return undefined;
  const elements = listOf(body.elements, parseElementInstance);
  const incidents = listOf(body.incidents, parseIncident);
  const outcomes = listOf(body.outcomes, parseOutcome);
  const tasks = listOf(body.tasks, parseTask);
  if (!elements || !incidents || !outcomes || !tasks) return undefined;
  return {
    id,
    bundleKey,
    draftVersion,
    citizen,
    processInstanceKey,
    state,
    cancelReason,
    startedAt,
    startedBy,
    endedAt: body.endedAt,
    elements,
    incidents,
    variables: body.variables,
    outcomes,
    tasks,
  };
}

export function parseXml(body: unknown): string | undefined {
  return typeof body === 'string' && body.includes('definitions') ? body : undefined;
}
