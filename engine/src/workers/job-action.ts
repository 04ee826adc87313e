import type { RegistryOperation } from './operations.ts';
import type { RegistryOutcome } from './registry-outcome.ts';

/**
 * The one thing a connector does with a job, decided without I/O from the
 * registry's outcome (OPERATIONS.md, "Errors"; STYLE.md practice 8).
 */
export type JobAction =
  | { readonly action: 'complete'; readonly variables: Record<string, unknown> }
  | {
      readonly action: 'error';
      readonly errorCode: string;
      readonly errorMessage: string;
      readonly variables: JsonObject;
    }
  | {
      readonly action: 'fail';
      readonly retries: number;
      readonly retryBackOff: number;
      readonly errorMessage: string;
      readonly variables: JsonObject;
    };

/** Variables the connector writes itself (JSON without null, as the Zeebe client types them). */
export type JsonValue = string | number | boolean | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface RetryPolicy {
  /** Back-off after the first failed attempt, ms; doubles with each further one. */
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Local variable of the task counting failed attempts. FailJob sets it on the
 * task's scope, so it survives the connector restarting and dies with the task.
 */
export const ATTEMPT_VARIABLE = 'onethingConnectorAttempt';

/** The variable a BPMN error carries to its catch event. */
export const REJECTION_VARIABLE = 'registryError';

export interface JobState {
  /** Retries left, as the job was activated with. */
  readonly retries: number;
  /** Failed attempts before this one (ATTEMPT_VARIABLE). */
  readonly attempt: number;
}

export function backOffMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, attempt), policy.maxMs);
}

export function decideJobAction(
  operation: RegistryOperation,
  outcome: RegistryOutcome,
  job: JobState,
  policy: RetryPolicy,
): JobAction {
  const where = `${operation.dept}/${operation.operation}`;
  switch (outcome.kind) {
    case 'success':
      return { action: 'complete', variables: pickResponse(operation, outcome.body) };
    case 'business':
      return {
        action: 'error',
        errorCode: outcome.code,
        errorMessage: outcome.message,
        variables: {
          [REJECTION_VARIABLE]: {
            registry: operation.dept,
            operation: operation.operation,
            code: outcome.code,
            message: outcome.message,
            fields: outcome.fields ?? {},
          },
        },
      };
    case 'technical': {
      const retries = Math.max(0, job.retries - 1);
      const attempts = job.attempt + 1;
      const errorMessage =
        retries === 0
          ? `${where}: ${outcome.code} after ${attempts} attempt(s), retries exhausted: ${outcome.message}`
          : `${where}: ${outcome.code}: ${outcome.message}`;
      return {
        action: 'fail',
        retries,
        retryBackOff: retries === 0 ? 0 : backOffMs(job.attempt, policy),
        errorMessage,
        variables: { [ATTEMPT_VARIABLE]: attempts },
      };
    }
    case 'fatal':
      return {
        action: 'fail',
        retries: 0,
        retryBackOff: 0,
        errorMessage: `${where}: ${outcome.code} (not retried, the request cannot succeed as sent): ${outcome.message}`,
        variables: { [ATTEMPT_VARIABLE]: job.attempt + 1 },
      };
  }
}

/** The response fields the contract names; anything else a registry adds stays out of the process. */
function pickResponse(
  operation: RegistryOperation,
  body: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const field of operation.response) {
    if (body[field] !== undefined) variables[field] = body[field];
  }
  return variables;
}
