import { Camunda8 } from '@camunda8/sdk';
import { ZBClient } from 'zeebe-node';

/**
 * The two Node clients every conformance case runs through, behind one tiny
 * interface: zeebe-node 8.3.2 (what the 8.3 protocol was written for) and the
 * Zeebe gRPC client of @camunda8/sdk (what OneThing's own code uses). Client
 * retries are off, so a test sees the status the gateway sent.
 */
export type ClientName = 'zeebe-node' | 'camunda8-sdk';
export const CLIENT_NAMES: ClientName[] = ['zeebe-node', 'camunda8-sdk'];

/** What a test sends (the clients' own JSON type has no null). */
export type Json = string | number | boolean | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** What a test reads back. */
export type Variables = Record<string, unknown>;

export interface Job {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Variables;
  worker: string;
  retries: number;
  deadline: number;
  variables: Variables;
  tenantId: string;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  tenantId: string;
}

export interface CreatedInstance {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
}

export interface ActivateOptions {
  type: string;
  maxJobsToActivate?: number;
  /** Job lock, ms. */
  timeout?: number;
  /** Long poll, ms; default 5 s. */
  requestTimeout?: number;
  fetchVariable?: string[];
  worker?: string;
}

export interface ConformanceClient {
  readonly name: ClientName;
  topology(): Promise<{
    brokers: {
      nodeId: number;
      host: string;
      port: number;
      partitions: { partitionId: number; role: string; health: string }[];
    }[];
    clusterSize: number;
    partitionsCount: number;
    replicationFactor: number;
    gatewayVersion: string;
  }>;
  deploy(name: string, content: Buffer): Promise<{ key: string; processes: DeployedProcess[] }>;
  /** A deployment with no resources at all. */
  deployNothing(): Promise<unknown>;
  /** Neither client can create by processDefinitionKey; tests do that on the raw wire. */
  createInstance(request: {
    bpmnProcessId: string;
    version?: number;
    variables?: JsonObject;
  }): Promise<CreatedInstance>;
  createInstanceWithResult(request: {
    bpmnProcessId: string;
    variables?: JsonObject;
    requestTimeout?: number;
    fetchVariables?: string[];
  }): Promise<CreatedInstance & { variables: Variables }>;
  cancelInstance(processInstanceKey: string): Promise<void>;
  /** One ActivateJobs call; resolves with what it got, [] when the poll ended empty. */
  activateJobs(options: ActivateOptions): Promise<Job[]>;
  completeJob(jobKey: string, variables?: JsonObject): Promise<void>;
  failJob(request: {
    jobKey: string;
    retries: number;
    errorMessage?: string;
    retryBackOff?: number;
  }): Promise<void>;
  throwError(request: {
    jobKey: string;
    errorCode: string;
    errorMessage?: string;
    variables?: JsonObject;
  }): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  resolveIncident(incidentKey: string): Promise<void>;
  setVariables(request: { elementInstanceKey: string; variables: JsonObject; local: boolean }): Promise<void>;
  publishMessage(request: {
    name: string;
    correlationKey: string;
    timeToLive?: number;
    messageId?: string;
    variables?: JsonObject;
  }): Promise<{ key: string }>;
  broadcastSignal(signalName: string, variables?: JsonObject): Promise<{ key: string }>;
  close(): Promise<void>;
}

export function connect(name: ClientName, address: string): ConformanceClient {
  return name === 'zeebe-node' ? zeebeNodeClient(address) : sdkClient(address);
}

const DEFAULT_LONG_POLL_MS = 5_000;

function zeebeNodeClient(address: string): ConformanceClient {
  const zbc = new ZBClient(address, { useTLS: false, loglevel: 'NONE', retry: false });
  return {
    name: 'zeebe-node',
    topology: async () => normalizeTopology(await zbc.topology()),
    deploy: async (name, content) => {
      const response = await zbc.deployResource({ name, process: content });
      return { key: String(response.key), processes: response.deployments.map((d) => d.process) };
    },
    // zeebe-node can only send an empty list through the deprecated DeployProcess.
    deployNothing: () => zbc.deployProcess([]),
    createInstance: async (request) =>
      zbc.createProcessInstance({
        bpmnProcessId: request.bpmnProcessId,
        version: request.version,
        variables: request.variables ?? {},
      }),
    createInstanceWithResult: async (request) => {
      const response = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: request.bpmnProcessId,
        variables: request.variables ?? {},
        requestTimeout: request.requestTimeout ?? 0,
        fetchVariables: request.fetchVariables,
      });
      return { ...response, variables: toVariables(response.variables) };
    },
    cancelInstance: (key) => zbc.cancelProcessInstance(key),
    // zeebe-node's activateJobs resolves on the first message and never when the
    // stream ends empty (as against real Zeebe), so an empty poll is a timeout here.
    activateJobs: async (options) => {
      const requestTimeout = options.requestTimeout ?? DEFAULT_LONG_POLL_MS;
      const jobs = zbc.activateJobs(activationRequest(options, requestTimeout));
      const empty = new Promise<[]>((resolve) =>
        setTimeout(() => resolve([]), Math.max(requestTimeout, 0) + 400),
      );
      return (await Promise.race([jobs, empty])).map(normalizeJob);
    },
    ...jobCommands(zbc),
    publishMessage: async (request) => {
      const response = await zbc.publishMessage({
        name: request.name,
        correlationKey: request.correlationKey,
        timeToLive: request.timeToLive ?? 0,
        messageId: request.messageId,
        variables: request.variables ?? {},
      });
      return { key: String(response.key) };
    },
    broadcastSignal: async (signalName, variables = {}) => {
      const response = await zbc.broadcastSignal({ signalName, variables });
      return { key: response.key };
    },
    close: async () => {
      await zbc.close(2_000);
    },
  };
}

function sdkClient(address: string): ConformanceClient {
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  });
  const zbc = camunda.getZeebeGrpcApiClient();
  return {
    name: 'camunda8-sdk',
    topology: async () => normalizeTopology(await zbc.topology()),
    deploy: async (name, content) => {
      const response = await zbc.deployResource({ name, process: content });
      return { key: String(response.key), processes: response.deployments.map((d) => d.process) };
    },
    deployNothing: () => zbc.deployResources([]),
    createInstance: async (request) =>
      zbc.createProcessInstance({
        bpmnProcessId: request.bpmnProcessId,
        version: request.version,
        variables: request.variables ?? {},
      }),
    createInstanceWithResult: async (request) => {
      const response = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: request.bpmnProcessId,
        variables: request.variables ?? {},
        requestTimeout: request.requestTimeout ?? 0,
        fetchVariables: request.fetchVariables,
      });
      return { ...response, variables: toVariables(response.variables) };
    },
    cancelInstance: (key) => zbc.cancelProcessInstance(key),
    activateJobs: async (options) =>
      (
        await zbc.activateJobs(activationRequest(options, options.requestTimeout ?? DEFAULT_LONG_POLL_MS))
      ).map(normalizeJob),
    ...jobCommands(zbc),
    publishMessage: async (request) => {
      const response = await zbc.publishMessage({
        name: request.name,
        correlationKey: request.correlationKey,
        timeToLive: request.timeToLive ?? 0,
        messageId: request.messageId,
        variables: request.variables ?? {},
      });
      return { key: String(response.key) };
    },
    broadcastSignal: async (signalName, variables = {}) => {
      const response = await zbc.broadcastSignal({ signalName, variables });
      return { key: String(response.key) };
    },
    close: async () => {
      await zbc.close(2_000);
    },
  };
}

function activationRequest(options: ActivateOptions, requestTimeout: number) {
  return {
    type: options.type,
    worker: options.worker ?? 'conformance',
    maxJobsToActivate: options.maxJobsToActivate ?? 32,
    timeout: options.timeout ?? 60_000,
    requestTimeout,
    fetchVariable: options.fetchVariable,
  };
}

interface ClientJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: unknown;
  worker: string;
  retries: number;
  deadline: string | number;
  variables: unknown;
  tenantId?: string;
}

/**
 * The job and incident calls, whose request shapes zeebe-node and the SDK
 * share, over either client.
 */
function jobCommands(
  zbc: ZBClient | ReturnType<Camunda8['getZeebeGrpcApiClient']>,
): Pick<
  ConformanceClient,
  'completeJob' | 'failJob' | 'throwError' | 'updateJobRetries' | 'resolveIncident' | 'setVariables'
> {
  return {
    completeJob: (jobKey, variables = {}) => zbc.completeJob({ jobKey, variables }),
    failJob: (request) =>
      zbc.failJob({
        jobKey: request.jobKey,
        retries: request.retries,
        errorMessage: request.errorMessage ?? '',
        retryBackOff: request.retryBackOff ?? 0,
      }),
    throwError: (request) =>
      zbc.throwError({
        jobKey: request.jobKey,
        errorCode: request.errorCode,
        errorMessage: request.errorMessage ?? '',
        variables: request.variables ?? {},
      }),
    updateJobRetries: (jobKey, retries) => zbc.updateJobRetries({ jobKey, retries }),
    resolveIncident: (incidentKey) => zbc.resolveIncident({ incidentKey }),
    setVariables: (request) => zbc.setVariables(request),
  };
}

function normalizeJob(job: ClientJob): Job {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: Number(job.processDefinitionVersion),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: toVariables(job.customHeaders),
    worker: job.worker,
    retries: Number(job.retries),
    deadline: Number(job.deadline),
    variables: toVariables(job.variables),
    tenantId: job.tenantId ?? '',
  };
}

/** The SDK parses variables losslessly into DTO instances; compare them as plain JSON. */
function toVariables(value: unknown): Variables {
  const plain: unknown = JSON.parse(JSON.stringify(value ?? {}));
  return typeof plain === 'object' && plain !== null && !Array.isArray(plain)
    ? Object.fromEntries(Object.entries(plain))
    : {};
}

interface ClientTopology {
  brokers: {
    nodeId: number;
    host: string;
    port: number;
    partitions: { partitionId: number; role: unknown; health: unknown }[];
  }[];
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
  gatewayVersion: string;
}

function normalizeTopology(topology: ClientTopology) {
  return {
    ...topology,
    brokers: topology.brokers.map((broker) => ({
      nodeId: broker.nodeId,
      host: broker.host,
      port: broker.port,
      partitions: broker.partitions.map((partition) => ({
        partitionId: partition.partitionId,
        role: String(partition.role),
        health: String(partition.health),
      })),
    })),
  };
}

/** The status details (message) a client call was rejected with. */
export function grpcDetails(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  if ('details' in error && typeof error.details === 'string') return error.details;
  return error instanceof Error ? error.message : '';
}

/** The gRPC status code a client call was rejected with. */
export function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}
