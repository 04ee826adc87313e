import { EngineError } from '../../src/errors.ts';
import {
  DEFAULT_TENANT,
  type ActivatedJob,
  type ActivateJobsRequest,
  type CreatedProcessInstance,
  type CreateProcessInstanceRequest,
  type DeployResult,
  type EngineService,
  type FailJobRequest,
  type JobStreamRequest,
  type JobStreamSink,
  type Resource,
} from '../../src/service.ts';

interface FakeJob {
  key: string;
  type: string;
  retries: number;
  state: 'activatable' | 'activated' | 'failed' | 'completed';
  variables: string;
}

/**
 * A small in-memory stand-in for the engine core, used only to test the
 * gateway's own edge logic (validation, long polling, error mapping). It
 * knows jobs and nothing of BPMN; conformance tests run against the real core.
 */
export class InMemoryEngineService implements EngineService {
  readonly calls: { method: string; args: unknown[] }[] = [];
  private readonly jobs = new Map<string, FakeJob>();
  private readonly listeners = new Set<(type: string) => void>();
  private readonly streams = new Set<{ request: JobStreamRequest; sink: JobStreamSink }>();
  private readonly completions = new Map<string, (variables: string) => void>();
  private readonly failures = new Map<string, unknown>();
  private nextKey = 2251799813685249n;
  /** Extra time every activateJobs call takes, to test races with timeouts and cancels. */
  activationDelayMs = 0;

  /** Makes the next call of `method` reject with `error`. */
  failNext(method: keyof EngineService, error: unknown): void {
    this.failures.set(method, error);
  }

  /** Creates an activatable job: pushed to an open stream if there is one, else announced. */
  addJob(type: string, options: { retries?: number; variables?: string; key?: string } = {}): string {
    const key = options.key ?? this.newKey();
    const job: FakeJob = {
      key,
      type,
      retries: options.retries ?? 3,
      state: 'activatable',
      variables: options.variables ?? '{}',
    };
    this.jobs.set(key, job);
    this.makeActivatable(job);
    return key;
  }

  job(key: string): FakeJob | undefined {
    return this.jobs.get(key);
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Lets a waiting awaitCompletion resolve. */
  completeInstance(processInstanceKey: string, variables: string): void {
    this.completions.get(processInstanceKey)?.(variables);
  }

  async deploy(resources: Resource[], tenantId: string): Promise<DeployResult> {
    this.record('deploy', resources, tenantId);
    const processes = resources.map((resource, index) => ({
      bpmnProcessId: `process_${index}`,
      version: 1,
      processDefinitionKey: this.newKey(),
      resourceName: resource.name,
      tenantId,
    }));
    return { key: this.newKey(), tenantId, processes };
  }

  async createProcessInstance(request: CreateProcessInstanceRequest): Promise<CreatedProcessInstance> {
    this.record('createProcessInstance', request);
    return {
      processDefinitionKey: this.newKey(),
      bpmnProcessId: request.bpmnProcessId,
      version: 1,
      processInstanceKey: this.newKey(),
      tenantId: request.tenantId,
    };
  }

  async awaitCompletion(
    processInstanceKey: string,
    fetchVariables: string[],
    signal: AbortSignal,
  ): Promise<string> {
    this.record('awaitCompletion', processInstanceKey, fetchVariables);
    return new Promise((resolve, reject) => {
      this.completions.set(processInstanceKey, resolve);
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  }

  async cancelProcessInstance(processInstanceKey: string): Promise<void> {
    this.record('cancelProcessInstance', processInstanceKey);
  }

  async activateJobs(request: ActivateJobsRequest): Promise<ActivatedJob[]> {
    this.record('activateJobs', request);
    if (this.activationDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.activationDelayMs));
    const found = [...this.jobs.values()]
      .filter((job) => job.type === request.type && job.state === 'activatable')
      .slice(0, request.maxJobsToActivate);
    return found.map((job) => this.activate(job, request.worker, request.timeout));
  }

  onJobsAvailable(listener: (type: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  openJobStream(request: JobStreamRequest, sink: JobStreamSink): () => void {
    const entry = { request, sink };
    this.streams.add(entry);
    return () => this.streams.delete(entry);
  }

  async completeJob(jobKey: string, variables: string): Promise<void> {
    this.record('completeJob', jobKey, variables);
    const job = this.existing(jobKey, 'COMPLETE');
    job.state = 'completed';
  }

  async failJob(request: FailJobRequest): Promise<void> {
    this.record('failJob', request);
    const job = this.existing(request.jobKey, 'FAIL');
    job.retries = request.retries;
    if (request.retries > 0) this.makeActivatable(job);
    else job.state = 'failed';
  }

  async throwError(request: unknown): Promise<void> {
    this.record('throwError', request);
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    this.record('updateJobRetries', jobKey, retries);
  }

  async updateJobTimeout(jobKey: string, timeout: number): Promise<void> {
    this.record('updateJobTimeout', jobKey, timeout);
  }

  async resolveIncident(incidentKey: string): Promise<void> {
    this.record('resolveIncident', incidentKey);
  }

  async setVariables(request: unknown): Promise<string> {
    this.record('setVariables', request);
    return this.newKey();
  }

  async publishMessage(request: unknown): Promise<string> {
    this.record('publishMessage', request);
    return this.newKey();
  }

  async broadcastSignal(request: unknown): Promise<string> {
    this.record('broadcastSignal', request);
    return this.newKey();
  }

  private makeActivatable(job: FakeJob): void {
    job.state = 'activatable';
    for (const stream of this.streams) {
      if (stream.request.type !== job.type) continue;
      if (stream.sink.push(this.activate(job, stream.request.worker, stream.request.timeout))) return;
      job.state = 'activatable';
    }
    for (const listener of this.listeners) listener(job.type);
  }

  private activate(job: FakeJob, worker: string, timeout: number): ActivatedJob {
    job.state = 'activated';
    return {
      key: job.key,
      type: job.type,
      processInstanceKey: '2251799813685300',
      bpmnProcessId: 'process',
      processDefinitionVersion: 1,
      processDefinitionKey: '2251799813685250',
      elementId: 'Task_Work',
      elementInstanceKey: '2251799813685301',
      customHeaders: '{}',
      worker,
      retries: job.retries,
      deadline: Date.now() + timeout,
      variables: job.variables,
      tenantId: DEFAULT_TENANT,
    };
  }

  private existing(jobKey: string, intent: string): FakeJob {
    const job = this.jobs.get(jobKey);
    if (!job || job.state === 'completed') {
      throw new EngineError(
        'NOT_FOUND',
        intent,
        `Expected to find job with key '${jobKey}', but no such job was found`,
      );
    }
    return job;
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private newKey(): string {
    this.nextKey += 1n;
    return this.nextKey.toString();
  }
}
