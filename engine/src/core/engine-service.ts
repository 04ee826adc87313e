import type pg from 'pg';
import { EngineError } from '../errors.ts';
import type { ResourceCheckers } from '../model/parse-resource.ts';
import type { Changes } from '../runtime/changes.ts';
import { deploy } from '../runtime/deploy.ts';
import {
  cancelInstance,
  createInstance,
  resolveIncident,
  setVariables,
} from '../runtime/instance-commands.ts';
import type { Execution } from '../runtime/execution.ts';
import {
  activateJobs,
  completeJob,
  failJob,
  throwError,
  updateJobRetries,
  updateJobTimeout,
  yieldJob,
} from '../runtime/job-commands.ts';
import { publishMessage } from '../runtime/messages.ts';
import { broadcastSignal } from '../runtime/signals.ts';
import {
  DEFAULT_TENANT,
  type ActivateJobsRequest,
  type ActivatedJob,
  type BroadcastSignalRequest,
  type CreateProcessInstanceRequest,
  type CreatedProcessInstance,
  type DeployResult,
  type EngineService,
  type FailJobRequest,
  type JobStreamRequest,
  type JobStreamSink,
  type PublishMessageRequest,
  type Resource,
  type SetVariablesRequest,
  type ThrowErrorRequest,
} from '../service.ts';
import { toActivatedJob } from './activated-job.ts';
import type { AfterCommit, CommandWriter } from './command-writer.ts';
import { CompletionWaiters } from './completion-waiters.ts';
import { prepareDeployment } from './deploy-resources.ts';
import { JobStreams } from './job-streams.ts';
import { activateForStreams, deliver, type StreamPush } from './stream-delivery.ts';
import { checkTenant, checkTenants, parseKey, parseVariables } from './request-parsing.ts';

/** EngineService over the single writer: edge validation here, state changes in the runtime. */
export class CoreEngineService implements EngineService {
  private readonly listeners = new Set<(type: string) => void>();
  private readonly streams = new JobStreams();
  private readonly waiters: CompletionWaiters;

  constructor(
    private readonly writer: CommandWriter,
    pool: pg.Pool,
    private readonly checkers: ResourceCheckers,
    /** The configured maximum message size (message-size.ts). */
    private readonly maxMessageSize: number,
  ) {
    this.waiters = new CompletionWaiters(pool, (key) => writer.state.elementInstances.has(key));
  }

  async deploy(resources: Resource[], tenantId: string): Promise<DeployResult> {
    checkTenant(tenantId, 'CREATE');
    const prepared = await prepareDeployment(resources, this.checkers);
    const outcome = await this.writer.submit((x) => deploy(x, prepared));
    return {
      key: String(outcome.deploymentKey),
      tenantId: DEFAULT_TENANT,
      processes: outcome.definitions.map((definition) => ({
        bpmnProcessId: definition.bpmnProcessId,
        version: definition.version,
        processDefinitionKey: String(definition.key),
        resourceName: definition.resourceName,
        tenantId: DEFAULT_TENANT,
      })),
    };
  }

  async createProcessInstance(request: CreateProcessInstanceRequest): Promise<CreatedProcessInstance> {
    checkTenant(request.tenantId, 'CREATE');
    const variables = parseVariables(request.variables, 'CREATE');
    if (request.startInstructions.length > 0)
      throw new EngineError(
        'INVALID_ARGUMENT',
        'CREATE',
        'start instructions are not supported by this engine',
      );
    const definitionKey =
      request.processDefinitionKey.trim() === ''
        ? -1
        : parseKey(request.processDefinitionKey, 'CREATE', 'process definition');
    const created = await this.writer.submit((x) =>
      createInstance(x, {
        bpmnProcessId: request.bpmnProcessId,
        version: request.version,
        definitionKey,
        variables,
      }),
    );
    return {
      processDefinitionKey: String(created.definition.key),
      bpmnProcessId: created.definition.bpmnProcessId,
      version: created.definition.version,
      processInstanceKey: String(created.processInstanceKey),
      tenantId: DEFAULT_TENANT,
    };
  }

  awaitCompletion(
    processInstanceKey: string,
    fetchVariables: string[],
    signal: AbortSignal,
  ): Promise<string> {
    return this.waiters.wait(
      parseKey(processInstanceKey, 'CREATE_WITH_AWAITING_RESULT', 'process instance'),
      fetchVariables,
      signal,
    );
  }

  async cancelProcessInstance(processInstanceKey: string): Promise<void> {
    const key = parseKey(processInstanceKey, 'CANCEL', 'process instance');
    await this.writer.submit((x) => cancelInstance(x, key));
  }

  async activateJobs(request: ActivateJobsRequest): Promise<ActivatedJob[]> {
    const intent = 'ACTIVATE';
    if (request.type.trim() === '')
      throw new EngineError(
        'INVALID_ARGUMENT',
        intent,
        'Expected to activate jobs with a non-empty type, but the type is empty',
      );
    if (request.maxJobsToActivate < 1)
      throw new EngineError(
        'INVALID_ARGUMENT',
        intent,
        `Expected to activate jobs with maxJobsToActivate greater than zero, but it was '${request.maxJobsToActivate}'`,
      );
    if (request.timeout < 1)
      throw new EngineError(
        'INVALID_ARGUMENT',
        intent,
        `Expected to activate jobs with a timeout greater than zero, but it was '${request.timeout}'`,
      );
    checkTenants(request.tenantIds, intent);
    if (!this.writer.state.activatable.has(request.type)) return [];
    const records = await this.writer.submit((x) =>
      activateJobs(x, { ...request, maxMessageSize: this.maxMessageSize }),
    );
    return records.map(toActivatedJob);
  }

  onJobsAvailable(listener: (type: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  openJobStream(request: JobStreamRequest, sink: JobStreamSink): () => void {
    return this.streams.open(request, sink);
  }

  async completeJob(jobKey: string, variables: string): Promise<void> {
    const key = parseKey(jobKey, 'COMPLETE', 'job');
    const document = parseVariables(variables, 'COMPLETE');
    await this.writer.submit((x) => completeJob(x, key, document));
  }

  async failJob(request: FailJobRequest): Promise<void> {
    const jobKey = parseKey(request.jobKey, 'FAIL', 'job');
    const variables = parseVariables(request.variables, 'FAIL');
    await this.writer.submit((x) =>
      failJob(x, {
        jobKey,
        retries: request.retries,
        errorMessage: request.errorMessage,
        retryBackOff: request.retryBackOff,
        variables,
      }),
    );
  }

  async throwError(request: ThrowErrorRequest): Promise<void> {
    const jobKey = parseKey(request.jobKey, 'THROW_ERROR', 'job');
    const variables = parseVariables(request.variables, 'THROW_ERROR');
    await this.writer.submit((x) =>
      throwError(x, { jobKey, errorCode: request.errorCode, errorMessage: request.errorMessage, variables }),
    );
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    const key = parseKey(jobKey, 'UPDATE_RETRIES', 'job');
    await this.writer.submit((x) => updateJobRetries(x, key, retries));
  }

  async updateJobTimeout(jobKey: string, timeout: number): Promise<void> {
    const key = parseKey(jobKey, 'UPDATE_TIMEOUT', 'job');
    await this.writer.submit((x) => updateJobTimeout(x, key, timeout));
  }

  async resolveIncident(incidentKey: string): Promise<void> {
    const key = parseKey(incidentKey, 'RESOLVE', 'incident');
    await this.writer.submit((x) => resolveIncident(x, key));
  }

  async setVariables(request: SetVariablesRequest): Promise<string> {
    const elementInstanceKey = parseKey(request.elementInstanceKey, 'UPDATE', 'element instance');
    const variables = parseVariables(request.variables, 'UPDATE');
    const key = await this.writer.submit((x) =>
      setVariables(x, { elementInstanceKey, variables, local: request.local }),
    );
    return String(key);
  }

  async publishMessage(request: PublishMessageRequest): Promise<string> {
    checkTenant(request.tenantId, 'PUBLISH');
    const variables = parseVariables(request.variables, 'PUBLISH');
    const key = await this.writer.submit((x) =>
      publishMessage(x, {
        name: request.name,
        correlationKey: request.correlationKey,
        timeToLive: request.timeToLive,
        messageId: request.messageId,
        variables,
      }),
    );
    return String(key);
  }

  async broadcastSignal(request: BroadcastSignalRequest): Promise<string> {
    checkTenant(request.tenantId, 'BROADCAST');
    const variables = parseVariables(request.variables, 'BROADCAST');
    const key = await this.writer.submit((x) => broadcastSignal(x, request.signalName, variables));
    return String(key);
  }

  /**
   * The last step of every batch: activate new jobs for open streams inside
   * it; once it is durable, answer result waiters, push those jobs, hand back
   * what a stream could not take, and wake long polls for the rest.
   */
  sealBatch(x: Execution): AfterCommit {
    const pushes = activateForStreams(x, this.streams, this.maxMessageSize);
    const changes = x.changes;
    return () => this.committed(changes, pushes);
  }

  private committed(changes: Changes, pushes: readonly StreamPush[]): void {
    for (const [key, variables] of changes.completedInstances) this.waiters.completed(key, variables);
    const failed = deliver(pushes);
    if (failed.length > 0) {
      this.writer.submit((x) => failed.forEach((key) => yieldJob(x, key))).catch(() => undefined);
    }
    const types = new Set<string>();
    for (const jobKey of changes.activatableJobs) {
      const job = this.writer.state.jobs.get(jobKey);
      if (job?.state === 'ACTIVATABLE') types.add(job.type);
    }
    for (const type of types) this.notify(type);
  }

  private notify(type: string): void {
    for (const listener of this.listeners) listener(type);
  }
}
