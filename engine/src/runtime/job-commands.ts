import { EngineError } from '../errors.ts';
import type { ElementInstance, Job } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident, truncate } from './incidents.ts';
import { renderDocument, type Variables } from './json-values.ts';
import { complete, isLive } from './lifecycle.ts';
import { removeJob, updateJob } from './job-lifecycle.ts';
import { throwErrorFrom } from './error-events.ts';
import { activatedJobBytes, formatBytes, jobBatchLimit } from '../message-size.ts';

export interface ActivateJobs {
  type: string;
  worker: string;
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable: string[];
  /** The configured maximum message size: the activated jobs must fit in one response. */
  maxMessageSize: number;
}

export interface ActivatedJobRecord {
  job: Job;
  /** JSON object text of the visible (or fetched) variables. */
  variables: string;
}

function jobFor(x: Execution, key: number, intent: string, allowFailed = false): Job {
  const job = x.state.jobs.get(key);
  if (!job)
    throw new EngineError(
      'NOT_FOUND',
      intent,
      `Expected to ${intent.toLowerCase().replace('_', ' ')} job with key '${key}', but no such job was found`,
    );
  if (!allowFailed && (job.state === 'FAILED' || job.state === 'ERROR_THROWN')) {
    throw new EngineError(
      'INVALID_STATE',
      intent,
      `Expected to ${intent.toLowerCase()} job with key '${key}', but it is in state '${job.state === 'FAILED' ? 'FAILED' : 'ERROR_THROWN'}'`,
    );
  }
  return job;
}

/** The variables a job carries at activation: everything visible, or only the fetched names. */
export function jobVariables(
  x: Execution,
  instance: ElementInstance | undefined,
  fetch: readonly string[],
): string {
  if (!instance) return '{}';
  const visible = x.visibleVariables(instance);
  if (fetch.length === 0) return renderDocument(visible);
  return renderDocument(
    fetch.flatMap((name): [string, string][] => {
      const value = visible.get(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

/**
 * Activates the oldest activatable jobs of a type, as many as the request
 * allows and one response can carry (§1.5). A job that does not fit after
 * others stays activatable for the next request; a job too large for any
 * response gets a MESSAGE_SIZE_EXCEEDED incident instead of being activated
 * (§5.1), so it is neither lost nor handed out in a loop.
 */
export function activateJobs(
  x: Execution,
  command: ActivateJobs,
  only?: readonly number[],
): ActivatedJobRecord[] {
  const limit = jobBatchLimit(command.maxMessageSize);
  // Every key in the activatable index is an activatable job of this type: the oldest `max` suffice.
  const candidates =
    only ?? (x.state.activatable.get(command.type) ?? []).slice(0, command.maxJobsToActivate);
  const activated: ActivatedJobRecord[] = [];
  let used = 0;
  for (const key of candidates) {
    if (activated.length >= command.maxJobsToActivate) break;
    const job = x.state.jobs.get(key);
    if (!job || job.state !== 'ACTIVATABLE' || job.type !== command.type) continue;
    const instance = x.state.elementInstances.get(job.elementInstanceKey);
    const variables = jobVariables(x, instance, command.fetchVariable);
    const size = activatedJobBytes({ ...job, worker: command.worker, variables, tenantId: TENANT });
    if (size > limit) {
      if (instance) rejectTooLarge(x, job, instance, size, command.maxMessageSize);
      continue;
    }
    if (used + size > limit) break;
    used += size;
    updateJob(x, job, { state: 'ACTIVATED', worker: command.worker, deadline: x.now + command.timeout });
    x.changes.activatableJobs.delete(job.key);
    activated.push({ job: { ...job }, variables });
  }
  return activated;
}

/** The tenant every job carries on the wire (multi-tenancy is off). */
const TENANT = '<default>';

/** Like a job incident of Zeebe: the job waits, retries unchanged, until the incident is resolved. */
function rejectTooLarge(
  x: Execution,
  job: Job,
  instance: ElementInstance,
  size: number,
  maxMessageSize: number,
): void {
  updateJob(x, job, { state: 'FAILED', worker: '', deadline: 0, backoffUntil: 0 });
  x.changes.activatableJobs.delete(job.key);
  raiseIncident(
    x,
    instance,
    'MESSAGE_SIZE_EXCEEDED',
    `The job with key '${job.key}' can not be activated, because with ${formatBytes(size)} it is larger than the configured message size of ${formatBytes(maxMessageSize)}. Reduce its size by fetching fewer variables or by making the variable values smaller.`,
    job.key,
  );
}

export function completeJob(x: Execution, key: number, variables: Variables): void {
  const job = jobFor(x, key, 'COMPLETE');
  removeJob(x, job, 'COMPLETED');
  const instance = x.state.elementInstances.get(job.elementInstanceKey);
  if (!instance || !isLive(x, instance) || instance.state !== 'ACTIVATED') return;
  delete instance.jobKey;
  complete(x, instance, variables);
}

export interface FailJob {
  jobKey: number;
  retries: number;
  errorMessage: string;
  retryBackOff: number;
  variables: Variables;
}

export function failJob(x: Execution, command: FailJob): void {
  const job = jobFor(x, command.jobKey, 'FAIL');
  const instance = x.state.elementInstances.get(job.elementInstanceKey);
  if (instance && command.variables.size > 0) x.setLocalAll(instance, command.variables);
  const errorMessage = truncate(command.errorMessage);
  if (command.retries > 0 && command.retryBackOff > 0) {
    updateJob(x, job, {
      state: 'FAILED',
      retries: command.retries,
      errorMessage,
      worker: '',
      deadline: 0,
      backoffUntil: x.now + command.retryBackOff,
    });
  } else if (command.retries > 0) {
    updateJob(x, job, {
      state: 'ACTIVATABLE',
      retries: command.retries,
      errorMessage,
      worker: '',
      deadline: 0,
      backoffUntil: 0,
    });
  } else {
    updateJob(x, job, {
      state: 'FAILED',
      retries: command.retries,
      errorMessage,
      deadline: 0,
      backoffUntil: 0,
    });
    if (instance)
      raiseIncident(x, instance, 'JOB_NO_RETRIES', errorMessage || 'No more retries left.', job.key);
  }
}

export interface ThrowError {
  jobKey: number;
  errorCode: string;
  errorMessage: string;
  variables: Variables;
}

export function throwError(x: Execution, command: ThrowError): void {
  const job = jobFor(x, command.jobKey, 'THROW_ERROR');
  const instance = x.state.elementInstances.get(job.elementInstanceKey);
  if (!instance)
    throw new EngineError(
      'NOT_FOUND',
      'THROW_ERROR',
      `Expected to throw an error for job with key '${job.key}', but its element instance was not found`,
    );
  const caught = throwErrorFrom(x, instance, command.errorCode, command.variables);
  if (caught === 'caught') return;
  if (caught === 'not-accepting') {
    throw new EngineError(
      'INVALID_STATE',
      'THROW_ERROR',
      `Expected to throw an error for job with key '${job.key}', but the catching scope is not active`,
    );
  }
  const errorMessage = truncate(command.errorMessage);
  updateJob(x, job, { state: 'ERROR_THROWN', errorMessage, deadline: 0, backoffUntil: 0 });
  const detail = errorMessage ? ` and message '${errorMessage}'` : '';
  raiseIncident(
    x,
    instance,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${command.errorCode}'${detail}, but it was not caught. ${caught.available}`,
    job.key,
  );
}

export function updateJobRetries(x: Execution, key: number, retries: number): void {
  if (retries <= 0)
    throw new EngineError(
      'INVALID_ARGUMENT',
      'UPDATE_RETRIES',
      `Expected retries to be greater than zero, but was '${retries}'`,
    );
  const job = jobFor(x, key, 'UPDATE_RETRIES', true);
  updateJob(x, job, { retries });
}

export function updateJobTimeout(x: Execution, key: number, timeout: number): void {
  const job = jobFor(x, key, 'UPDATE_TIMEOUT', true);
  if (job.state !== 'ACTIVATED')
    throw new EngineError(
      'INVALID_STATE',
      'UPDATE_TIMEOUT',
      `Expected to update the timeout of job with key '${key}', but it is not activated`,
    );
  updateJob(x, job, { deadline: x.now + timeout });
}

/** A job whose deadline passed goes back to ACTIVATABLE with the same retries (§3.1). */
export function jobDeadlinePassed(x: Execution, key: number, at: number): void {
  const job = x.state.jobs.get(key);
  if (!job || job.state !== 'ACTIVATED' || job.deadline !== at) return;
  updateJob(x, job, { state: 'ACTIVATABLE', worker: '', deadline: 0 });
}

export function jobBackoffElapsed(x: Execution, key: number, at: number): void {
  const job = x.state.jobs.get(key);
  if (!job || job.state !== 'FAILED' || job.backoffUntil !== at || job.retries <= 0) return;
  updateJob(x, job, { state: 'ACTIVATABLE', backoffUntil: 0 });
}

/** A stream could not take an activated job: it is activatable again at once, retries unchanged. */
export function yieldJob(x: Execution, key: number): void {
  const job = x.state.jobs.get(key);
  if (!job || job.state !== 'ACTIVATED') return;
  updateJob(x, job, { state: 'ACTIVATABLE', worker: '', deadline: 0 });
  x.changes.yieldedJobs.add(job.key);
}
