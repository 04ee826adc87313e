/**
 * The Monitor's view of the api contract (DESIGN.md "HTTP API", api/HTTP-API.md "Monitor").
 * Engine keys are int64 numbers carried as decimal strings.
 */

export const INSTANCE_STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export const INCIDENT_STATES = ['ACTIVE', 'RESOLVED'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export interface InstanceSummary {
  key: string;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  parentProcessInstanceKey: string | null;
  state: InstanceState;
  startedAt: string;
  endedAt: string | null;
  /** Active incidents of the instance. */
  incidents: number;
}

export interface InstancesPage {
  items: InstanceSummary[];
  nextCursor: string | null;
}

/** One element instance of the history (what Operate draws on the diagram). */
export interface ElementInstance {
  key: string;
  elementId: string;
  elementType: string;
  state: InstanceState;
  startedAt: string;
  endedAt: string | null;
}

export interface Incident {
  key: string;
  state: IncidentState;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  jobKey: string | null;
  createdAt: string;
}

export interface InstanceDetail extends Omit<InstanceSummary, 'incidents'> {
  elements: ElementInstance[];
  /** By scope key (the instance key is the root scope); resident ID numbers masked by the api. */
  variables: Record<string, Record<string, unknown>>;
  incidents: Incident[];
}

export interface ResolveResult {
  key: string;
  resolved: true;
  /** The failed job was given a retry before the incident was resolved. */
  retriedJob: boolean;
}

export interface DayCount {
  /** `YYYY-MM-DD` */
  day: string;
  submitted: number;
  completed: number;
}

export interface DepartmentDuration {
  department: string;
  avgHours: number;
  count: number;
}

export interface BundleDuration {
  bundleKey: string;
  avgHours: number;
  count: number;
}

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export interface MonitorStats {
  perDay: DayCount[];
  durations: { byDepartment: DepartmentDuration[]; byBundle: BundleDuration[] };
  /** Share of form fields filled from registry data (0..1); `null` where the api does not record it. */
  prefilledShare: number | null;
  ratings: { average: number | null; count: number; byScore: Record<Score, number> };
}

export const BREACH_STATES = ['warning', 'overdue'] as const;
export type BreachState = (typeof BREACH_STATES)[number];

export interface Breach {
  applicationId: string;
  bundleKey: string;
  department: string;
  service: string;
  dueDate: string;
  state: BreachState;
  workingDaysLeft: number;
}

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** A catalogue entry, for bundle names and the process filter. */
export interface BundleEntry {
  key: string;
  title: LocalizedText;
  departments: string[];
}

/** A bundle's services (from its detail), for naming the services in breaches. */
export interface ServiceEntry {
  key: string;
  title: LocalizedText;
  department: string;
}

export const PROGRESS_FAILURE_STATES = ['retrying', 'set_aside'] as const;
export type ProgressFailureState = (typeof PROGRESS_FAILURE_STATES)[number];

/**
 * An application whose engine history the api could not turn into its progress and timeline:
 * retried with back-off (`retrying`) or, after repeated failures, `set_aside` until retried.
 */
export interface ProgressFailure {
  applicationId: string;
  /** `null` when the application row is gone. */
  bundleKey: string | null;
  processInstanceKey: string | null;
  /** The history feed position that named the application when it first failed. */
  position: string;
  /** The last error's message, resident ID numbers masked by the api. */
  error: string;
  /** Failed attempts in all. */
  attempts: number;
  state: ProgressFailureState;
  firstSeenAt: string;
  lastSeenAt: string;
  /** `null` once set aside. */
  nextAttemptAt: string | null;
}
