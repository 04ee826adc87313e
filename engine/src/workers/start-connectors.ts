import { Camunda8, type Zeebe } from '@camunda8/sdk';
import { pino, type Logger } from 'pino';
import { runConnectorJob, type ConnectorJob, type ConnectorSettings } from './connector.ts';
import { maskIdNumbers } from './mask-id-numbers.ts';
import { ATTEMPT_VARIABLE, type JobAction, type JsonObject, type RetryPolicy } from './job-action.ts';
import { REGISTRY_OPERATIONS, requestFields, type RegistryOperation } from './operations.ts';
import { isRecord } from './registry-outcome.ts';
import type { QuickRetries } from './registry-client.ts';

type ZeebeGrpcClient = Zeebe.ZeebeGrpcClient;
type Variables = Record<string, unknown>;
type Ack = 'JOB_ACTION_ACKNOWLEDGEMENT';
/** What the connector uses of the job the SDK hands a task handler. */
interface SdkJob {
  readonly key: string;
  readonly retries: number;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly variables: unknown;
  complete(variables: Variables): Promise<Ack>;
  error(error: { errorCode: string; errorMessage: string; variables: JsonObject }): Promise<Ack>;
  forward(): Ack;
}

/** The one client call the connector makes itself (see `applyAction`). */
type FailJobClient = Pick<ZeebeGrpcClient, 'failJob'>;

export interface StartConnectorsOptions {
  /** A client to use (the caller closes it), or the gateway address to open one of our own. */
  readonly zeebe: ZeebeGrpcClient | { readonly address: string };
  /** The registries' base URL, e.g. `http://127.0.0.1:4000` (paths start with `/registries/<dept>`). */
  readonly registriesUrl: string;
  readonly logger?: Logger;
  /** Jobs one worker (one job type) holds at once. Default 8. */
  readonly maxJobsActive?: number;
  /** ms between polls. Default 300. */
  readonly pollInterval?: number;
  /** Job lock, ms; a job held longer (a crashed connector) goes to another worker. Default 60 000. */
  readonly jobTimeoutMs?: number;
  /** One registry call, ms. Default 15 000. */
  readonly requestTimeoutMs?: number;
  /**
   * Technical failures repeated at once inside one attempt. Default 2 calls more,
   * after 250 and 500 ms. With the defaults an attempt takes at most 3 × 15 s +
   * 0.75 s, inside the 60 s job lock, so no other worker takes the job meanwhile.
   */
  readonly quickRetries?: QuickRetries;
  /** Default base 1 000 ms, max 60 000 ms. */
  readonly retryPolicy?: RetryPolicy;
  readonly idempotencyKeyPrefix?: string;
  /** Only these job types (default every operation). */
  readonly jobTypes?: readonly string[];
  readonly fetch?: ConnectorSettings['fetch'];
}

export interface RunningConnectors {
  readonly jobTypes: readonly string[];
  /** Stops polling, lets running jobs finish, closes the client if it opened one. */
  stop(): Promise<void>;
}

/** One SDK job worker per registry operation. The SDK reconnects and polls on when the engine comes back. */
export function startConnectors(options: StartConnectorsOptions): RunningConnectors {
  const logger = options.logger ?? pino({ name: 'onething-connectors' });
  const ownClient = 'address' in options.zeebe;
  const zbc = 'address' in options.zeebe ? openClient(options.zeebe.address) : options.zeebe;
  const settings: ConnectorSettings = {
    registriesUrl: options.registriesUrl,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    retryPolicy: options.retryPolicy ?? { baseMs: 1_000, maxMs: 60_000 },
    quickRetries: options.quickRetries ?? { count: 2, delayMs: 250 },
    idempotencyKeyPrefix: options.idempotencyKeyPrefix ?? 'onething',
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const operations = REGISTRY_OPERATIONS.filter(
    (operation) => options.jobTypes?.includes(operation.jobType) ?? true,
  );
  const workers = operations.map((operation) =>
    zbc.createWorker<Variables, Variables, Variables>({
      taskType: operation.jobType,
      maxJobsToActivate: options.maxJobsActive ?? 8,
      pollInterval: options.pollInterval ?? 300,
      timeout: options.jobTimeoutMs ?? 60_000,
      fetchVariable: [...requestFields(operation), ATTEMPT_VARIABLE],
      loglevel: 'NONE',
      onConnectionError: () =>
        logger.warn({ jobType: operation.jobType }, 'connector lost the engine, reconnecting'),
      taskHandler: (job) => handleJob(operation, job, settings, zbc),
    }),
  );
  logger.info(
    { jobTypes: operations.length, registriesUrl: settings.registriesUrl },
    'registry connectors started',
  );
  return {
    jobTypes: operations.map((operation) => operation.jobType),
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.close(2_000)));
      if (ownClient) await zbc.close(2_000);
    },
  };
}

function openClient(address: string): ZeebeGrpcClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();
}

async function handleJob(
  operation: RegistryOperation,
  job: SdkJob,
  settings: ConnectorSettings,
  client: FailJobClient,
): Promise<Ack> {
  const action = await (async () => runConnectorJob(operation, toConnectorJob(job), settings))().catch(
    (error: unknown): JobAction => {
      // A bug in the connector itself: no retry would fare better, so an incident says what broke.
      settings.logger.error(
        { jobType: operation.jobType, jobKey: job.key, error: maskIdNumbers(String(error)) },
        'connector failed unexpectedly',
      );
      return {
        action: 'fail',
        retries: 0,
        retryBackOff: 0,
        errorMessage: `${operation.dept}/${operation.operation}: CONNECTOR_BUG: ${String(error)}`,
        variables: {},
      };
    },
  );
  try {
    return await applyAction(job, action, client);
  } catch (error) {
    // The engine did not take the outcome (it may be restarting). The job stays
    // locked until its timeout, is activated again and replays the registry's
    // stored answer under the same key: delayed, never doubled.
    settings.logger.warn(
      { jobType: operation.jobType, jobKey: job.key, action: action.action, error: String(error) },
      'engine did not take the job outcome',
    );
    return 'JOB_ACTION_ACKNOWLEDGEMENT';
  }
}

async function applyAction(job: SdkJob, action: JobAction, client: FailJobClient): Promise<Ack> {
  switch (action.action) {
    case 'complete':
      return job.complete(action.variables);
    case 'error':
      return job.error({
        errorCode: action.errorCode,
        errorMessage: action.errorMessage,
        variables: action.variables,
      });
    case 'fail':
      // The SDK's job.fail() (8.8.13) drops `variables`, and the attempt counter
      // travels in them: fail through the client, then release the worker's slot.
      try {
        await client.failJob({
          jobKey: job.key,
          errorMessage: action.errorMessage,
          retries: action.retries,
          retryBackOff: action.retryBackOff,
          variables: action.variables,
        });
      } finally {
        job.forward();
      }
      return 'JOB_ACTION_ACKNOWLEDGEMENT';
  }
}

/** The SDK hands variables over as lossless DTOs; the connector reads them as plain JSON. */
function toConnectorJob(job: SdkJob): ConnectorJob {
  const plain: unknown = JSON.parse(JSON.stringify(job.variables ?? {}));
  return {
    key: String(job.key),
    retries: Number(job.retries),
    processInstanceKey: String(job.processInstanceKey),
    elementId: job.elementId,
    variables: isRecord(plain) ? plain : {},
  };
}
