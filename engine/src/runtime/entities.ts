import type { ProcessModel } from '../model/process-model.ts';

/** The runtime's entities. Keys are plain numbers: 2^51 + n stays exact in a double. */

export const KEY_BASE = 2 ** 51;

export interface DeployedDefinition {
  readonly key: number;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly resourceName: string;
  readonly checksum: string;
  readonly deploymentKey: number;
  readonly model: ProcessModel;
}

export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING';

export interface ElementInstance {
  readonly key: number;
  readonly processInstanceKey: number;
  readonly definitionKey: number;
  readonly elementId: string;
  /** The flow-scope element instance; undefined for the process instance itself. */
  readonly scopeKey: number | undefined;
  state: ElementState;
  readonly startedAt: number;
  jobKey?: number;
  incidentKey?: number;
  /** Timers and message subscriptions this instance owns (its own or its boundaries'). */
  timerKeys?: number[];
  subscriptionKeys?: number[];
  /** Parallel-join tokens waiting in this scope: gateway id → flow id → count. */
  joins?: Record<string, Record<string, number>>;
  /** Set when an interrupting event is leaving this scope; no new events are accepted. */
  interrupted?: boolean;
  /** An interrupting event sub-process runs in this scope; it takes no further events of its own. */
  eventSubProcessInterrupted?: boolean;
  /** Correlation key of the message that started this process instance (message start event). */
  startedByMessage?: string;
  /** A multi-instance body: how far its inner instances got. */
  mi?: { total: number; completed: number; terminated: number; nextIndex: number };
  /** An inner instance of a multi-instance body (1-based). */
  loopCounter?: number;
  /** The root of a called process: the call activity instance in the parent process. */
  parentElementInstanceKey?: number;
  /** A call activity: the root of the process instance it called. */
  calledInstanceKey?: number;
  /** The variables of the event that activated this instance (boundary, triggered catch or start event). */
  eventVariables?: Record<string, string>;
  /** The event already arrived: the element completes on activation instead of waiting. */
  triggered?: boolean;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface Job {
  readonly key: number;
  readonly type: string;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly bpmnProcessId: string;
  readonly definitionKey: number;
  readonly version: number;
  /** JSON object text. */
  readonly customHeaders: string;
  state: JobState;
  retries: number;
  worker: string;
  /** Epoch ms while ACTIVATED, else 0. */
  deadline: number;
  /** Epoch ms while FAILED in retry backoff, else 0. */
  backoffUntil: number;
  errorMessage: string;
  readonly createdAt: number;
}

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'MESSAGE_SIZE_EXCEEDED';

export interface Incident {
  readonly key: number;
  readonly errorType: IncidentType;
  readonly errorMessage: string;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly elementId: string;
  readonly bpmnProcessId: string;
  readonly definitionKey: number;
  readonly jobKey: number | undefined;
  readonly createdAt: number;
}

export interface Timer {
  readonly key: number;
  readonly processInstanceKey: number;
  /** The element instance that owns the timer: the catch event, or the activity a boundary is attached to. */
  readonly elementInstanceKey: number;
  /** The catch or boundary event that fires. */
  readonly targetElementId: string;
  readonly dueAt: number;
  /** Remaining firings of a cycle (null = unbounded); undefined for a one-shot timer. */
  readonly repetitions?: number | null;
  readonly cycle?: string;
  /** Timer start events belong to a process definition, not to an instance. */
  readonly definitionKey?: number;
}

export interface MessageSubscription {
  readonly key: number;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly targetElementId: string;
  readonly bpmnProcessId: string;
  readonly messageName: string;
  readonly correlationKey: string;
}

export interface SignalSubscription {
  readonly key: number;
  readonly processInstanceKey: number;
  readonly elementInstanceKey: number;
  readonly targetElementId: string;
  readonly signalName: string;
}

export interface BufferedMessage {
  readonly key: number;
  readonly name: string;
  readonly correlationKey: string;
  readonly messageId: string;
  readonly variables: Record<string, string>;
  readonly expiresAt: number;
  /** bpmnProcessIds that already received this message (one message per process). */
  correlatedProcessIds: string[];
}
