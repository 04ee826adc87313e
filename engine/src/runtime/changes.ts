import type {
  BufferedMessage,
  DeployedDefinition,
  ElementInstance,
  Incident,
  IncidentType,
  Job,
  MessageSubscription,
  SignalSubscription,
  Timer,
} from './entities.ts';

/** History rows, as the store writes them (latest state per key wins). */
export interface ProcessInstanceHistory {
  key: number;
  bpmnProcessId: string;
  version: number;
  definitionKey: number;
  parentProcessInstanceKey: number | undefined;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startedAt: number;
  endedAt: number | undefined;
}

export interface ElementHistory {
  key: number;
  processInstanceKey: number;
  elementId: string;
  elementType: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startedAt: number;
  endedAt: number | undefined;
}

export interface JobHistory {
  key: number;
  processInstanceKey: number;
  elementInstanceKey: number;
  elementId: string;
  type: string;
  state: 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN' | 'COMPLETED' | 'CANCELED';
  retries: number;
  worker: string;
  errorMessage: string;
  updatedAt: number;
}

export interface IncidentHistory {
  key: number;
  errorType: IncidentType;
  errorMessage: string;
  bpmnProcessId: string;
  definitionKey: number;
  processInstanceKey: number;
  elementId: string;
  elementInstanceKey: number;
  jobKey: number | undefined;
  state: 'ACTIVE' | 'RESOLVED';
  createdAt: number;
  resolvedAt: number | undefined;
}

export interface VariableChange {
  scopeKey: number;
  processInstanceKey: number;
  name: string;
  value: string;
}

/**
 * Everything one batch of commands changed: the store turns it into one
 * transaction; the service turns the notification parts into wake-ups.
 * Runtime tables map key → entity, or null for a delete.
 */
export class Changes {
  keyCounterChanged = false;
  readonly deployments: { key: number; at: number }[] = [];
  readonly definitions: { definition: DeployedDefinition; xml: string }[] = [];
  readonly elementInstances = new Map<number, ElementInstance | null>();
  readonly variables = new Map<string, VariableChange>();
  /**
   * Element instances and jobs created in this batch: when they also end in
   * it, no runtime row exists to delete (only their history is written).
   */
  readonly created = new Set<number>();
  readonly jobs = new Map<number, Job | null>();
  readonly incidents = new Map<number, Incident | null>();
  readonly timers = new Map<number, Timer | null>();
  readonly subscriptions = new Map<number, MessageSubscription | null>();
  readonly signalSubscriptions = new Map<number, SignalSubscription | null>();
  readonly messages = new Map<number, BufferedMessage | null>();
  readonly history = {
    instances: new Map<number, ProcessInstanceHistory>(),
    elements: new Map<number, ElementHistory>(),
    jobs: new Map<number, JobHistory>(),
    incidents: new Map<number, IncidentHistory>(),
  };
  /** Jobs that became activatable (push to streams, wake long polls). */
  readonly activatableJobs = new Set<number>();
  /** Activatable jobs a stream handed back: announce to long polls, never push again at once. */
  readonly yieldedJobs = new Set<number>();
  /** Process instances that completed normally, with their root variables (awaitCompletion). */
  readonly completedInstances = new Map<number, Map<string, string>>();
  /** Process instances that ended any other way. */
  readonly endedInstances = new Set<number>();

  get empty(): boolean {
    return (
      !this.keyCounterChanged &&
      this.elementInstances.size === 0 &&
      this.variables.size === 0 &&
      this.jobs.size === 0 &&
      this.incidents.size === 0 &&
      this.timers.size === 0 &&
      this.subscriptions.size === 0 &&
      this.signalSubscriptions.size === 0 &&
      this.messages.size === 0 &&
      this.definitions.length === 0
    );
  }
}
