import type { Logger } from 'pino';
import { ATTEMPT_VARIABLE, decideJobAction, type JobAction, type RetryPolicy } from './job-action.ts';
import { maskIdNumbers } from './mask-id-numbers.ts';
import { requestFields, type RegistryOperation } from './operations.ts';
import {
  NO_QUICK_RETRIES,
  callRegistryWithQuickRetries,
  operationUrl,
  type FetchLike,
  type QuickRetries,
} from './registry-client.ts';

/** What a connector needs of an activated job (the SDK's job, converted at the edge). */
export interface ConnectorJob {
  /** int64 job key as a string: stable across FailJob retries and job timeouts. */
  readonly key: string;
  readonly retries: number;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface ConnectorSettings {
  readonly registriesUrl: string;
  /** One registry call, ms; must stay well below the job timeout. */
  readonly requestTimeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  /** Technical failures retried at once inside one attempt, before the job's own back-off. */
  readonly quickRetries?: QuickRetries;
  /** Names this engine in the registries' key space (default `onething`). */
  readonly idempotencyKeyPrefix: string;
  readonly logger: Logger;
  readonly fetch?: FetchLike;
}

/**
 * The registry's Idempotency-Key for a job. The job key survives retries and
 * job timeouts (a re-activation is the same job), so every attempt of one task
 * registers at most once; a task entered again (a loop) makes a new job and a
 * new registration, which is what the process asked for.
 */
export function idempotencyKey(prefix: string, jobKey: string): string {
  return `${prefix}-${jobKey}`;
}

/**
 * The request body: every request field of the operation, read by name from the
 * job's variables. The task's `zeebe:input` mappings (from the element template)
 * have put each field into the task's local scope under its request name, so no
 * mapping happens here. `null`, empty and absent fields are not sent (an optional
 * field mapped from an empty form field: form-js submits an empty text field as
 * ''); the registry judges what is missing.
 */
export function buildRequestBody(
  operation: RegistryOperation,
  variables: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of requestFields(operation)) {
    const value = variables[field];
    if (value !== undefined && value !== null && value !== '') body[field] = value;
  }
  return body;
}

/** Runs one job against its registry and decides its single outcome; never throws. */
export async function runConnectorJob(
  operation: RegistryOperation,
  job: ConnectorJob,
  settings: ConnectorSettings,
): Promise<JobAction> {
  const attemptValue = job.variables[ATTEMPT_VARIABLE];
  const attempt =
    typeof attemptValue === 'number' && Number.isInteger(attemptValue) && attemptValue >= 0
      ? attemptValue
      : 0;
  const outcome = await callRegistryWithQuickRetries(
    {
      url: operationUrl(settings.registriesUrl, operation.path),
      body: buildRequestBody(operation, job.variables),
      idempotencyKey: idempotencyKey(settings.idempotencyKeyPrefix, job.key),
      timeoutMs: settings.requestTimeoutMs,
    },
    settings.quickRetries ?? NO_QUICK_RETRIES,
    settings.fetch,
  );
  const action = decideJobAction(operation, outcome, { retries: job.retries, attempt }, settings.retryPolicy);
  const context = {
    jobType: operation.jobType,
    jobKey: job.key,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    attempt,
  };
  switch (outcome.kind) {
    case 'success':
      settings.logger.info(
        { ...context, status: outcome.status, replayed: outcome.replayed },
        'registry accepted',
      );
      break;
    case 'business':
      settings.logger.info(
        { ...context, code: outcome.code, message: maskIdNumbers(outcome.message) },
        'registry rejected',
      );
      break;
    default:
      settings.logger.warn(
        {
          ...context,
          code: outcome.code,
          status: outcome.status,
          retriesLeft: action.action === 'fail' ? action.retries : undefined,
          message: maskIdNumbers(outcome.message),
        },
        action.action === 'fail' && action.retries === 0
          ? 'registry call failed, raising an incident'
          : 'registry call failed, will retry',
      );
  }
  return action;
}
