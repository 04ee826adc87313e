/**
 * The seam between the engine's core (model, runtime, store) and its edges
 * (the Zeebe gRPC gateway, the launcher, tests that inspect history).
 *
 * Every method mirrors one call of the Zeebe gateway protocol (ZEEBE-COMPAT.md §1)
 * in domain terms. Keys are decimal strings, as the Node clients see int64.
 * Variables cross this seam as JSON *text*, so the core alone decides how to
 * parse them (large integers must survive a round trip) and how to reject a
 * document that is not an object.
 *
 * A method resolves only after the command's effects are committed to the
 * store ("nothing acknowledged is lost"). A business rejection rejects with an
 * `EngineError` (errors.ts) whose `rejection` the gateway maps to a gRPC status.
 */

/** An int64 key as a decimal string, e.g. "2251799813685249". */
export type Key = string;

/** JSON object text; '' means "no variables". */
export type VariablesJson = string;

export const DEFAULT_TENANT = '<default>';

export interface Resource {
  /** Case-sensitive suffix picks the kind: `.bpmn`/`.xml` BPMN; anything else is rejected. */
  name: string;
  content: Uint8Array;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Key;
  resourceName: string;
  tenantId: string;
}

export interface DeployResult {
  /** The deployment key (new on every call, even for duplicates). */
  key: Key;
  tenantId: string;
  processes: DeployedProcess[];
}

export interface CreateProcessInstanceRequest {
  /** Wins over processDefinitionKey when non-empty. */
  bpmnProcessId: string;
  /** -1 (or any negative) = latest; versions start at 1. */
  version: number;
  /** Used only when bpmnProcessId is empty. */
  processDefinitionKey: Key;
  variables: VariablesJson;
  startInstructions: { elementId: string }[];
  tenantId: string;
}

export interface CreatedProcessInstance {
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Key;
  tenantId: string;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  /** Job lock in ms (≥ 1). */
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable: string[];
  tenantIds: string[];
}

export interface ActivatedJob {
  key: Key;
  type: string;
  processInstanceKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  /** JSON object text of the headers, never ''. */
  customHeaders: string;
  worker: string;
  retries: number;
  /** Epoch ms. */
  deadline: number;
  /** JSON object text, never ''. */
  variables: string;
  tenantId: string;
}

export interface JobStreamRequest {
  type: string;
  worker: string;
  timeout: number;
  fetchVariable: string[];
  tenantIds: string[];
}

/**
 * An open StreamActivatedJobs stream. The core activates a job for one open
 * stream of its type and calls `push`; when `push` returns false (the stream
 * is gone or full) the core yields the job back to activatable.
 */
export interface JobStreamSink {
  push(job: ActivatedJob): boolean;
}

export interface FailJobRequest {
  jobKey: Key;
  retries: number;
  errorMessage: string;
  retryBackOff: number;
  variables: VariablesJson;
}

export interface ThrowErrorRequest {
  jobKey: Key;
  errorCode: string;
  errorMessage: string;
  variables: VariablesJson;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  /** ms; ≤ 0 means not buffered. */
  timeToLive: number;
  messageId: string;
  variables: VariablesJson;
  tenantId: string;
}

export interface SetVariablesRequest {
  elementInstanceKey: Key;
  variables: VariablesJson;
  local: boolean;
}

export interface BroadcastSignalRequest {
  signalName: string;
  variables: VariablesJson;
  tenantId: string;
}

export interface EngineService {
  deploy(resources: Resource[], tenantId: string): Promise<DeployResult>;

  createProcessInstance(request: CreateProcessInstanceRequest): Promise<CreatedProcessInstance>;
  /**
   * Resolves with the root variables (all, or only `fetchVariables`) when the
   * instance completes normally. Never resolves on cancel or incident; the
   * gateway ends the call with DEADLINE_EXCEEDED when `signal` aborts.
   */
  awaitCompletion(processInstanceKey: Key, fetchVariables: string[], signal: AbortSignal): Promise<string>;
  cancelProcessInstance(processInstanceKey: Key): Promise<void>;

  /** Activates what is activatable now (possibly nothing); long polling is the gateway's job. */
  activateJobs(request: ActivateJobsRequest): Promise<ActivatedJob[]>;
  /** Called with a job type whenever jobs of that type may have become activatable. */
  onJobsAvailable(listener: (type: string) => void): () => void;
  /** Registers a push stream; returns its unregister function. */
  openJobStream(request: JobStreamRequest, sink: JobStreamSink): () => void;

  completeJob(jobKey: Key, variables: VariablesJson): Promise<void>;
  failJob(request: FailJobRequest): Promise<void>;
  throwError(request: ThrowErrorRequest): Promise<void>;
  updateJobRetries(jobKey: Key, retries: number): Promise<void>;
  updateJobTimeout(jobKey: Key, timeout: number): Promise<void>;

  resolveIncident(incidentKey: Key): Promise<void>;
  setVariables(request: SetVariablesRequest): Promise<Key>;
  publishMessage(request: PublishMessageRequest): Promise<Key>;
  broadcastSignal(request: BroadcastSignalRequest): Promise<Key>;
}

/** Read side: what Operate would show. Outside the gateway protocol (ZEEBE-COMPAT.md §5.3). */
export interface EngineInspector {
  listIncidents(filter: {
    processInstanceKey?: Key;
    state?: 'ACTIVE' | 'RESOLVED';
    /** Leaves out the incidents of processes whose id ends with this. */
    excludeBpmnProcessIdSuffix?: string;
  }): Promise<IncidentView[]>;
  getProcessInstance(processInstanceKey: Key): Promise<ProcessInstanceView | undefined>;
}

export interface IncidentView {
  key: Key;
  state: 'ACTIVE' | 'RESOLVED';
  errorType: string;
  errorMessage: string;
  bpmnProcessId: string;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  jobKey: Key | null;
  createdAt: string;
}

export interface ProcessInstanceView {
  key: Key;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Key;
  parentProcessInstanceKey: Key | null;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startedAt: string;
  endedAt: string | null;
  elements: {
    key: Key;
    elementId: string;
    elementType: string;
    state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
    startedAt: string;
    endedAt: string | null;
  }[];
  /** Current variables by scope key (root = process instance key). Values are parsed JSON. */
  variables: Record<Key, Record<string, unknown>>;
}
