import type {
  ActivateJobsRequest,
  FailJobRequest,
  JobStreamRequest,
  Key,
  ThrowErrorRequest,
} from '../service.ts';
import { accept, invalid, tenantsOf, variablesOf, type Parsed } from './request-rules.ts';
import { asMessage, int, key, str, strings } from './wire-fields.ts';

export interface ActivateJobsCommand {
  request: ActivateJobsRequest;
  /** ms; < 0 answer at once, 0 the default long poll, > 0 park up to this long. */
  requestTimeout: number;
}

/** The checks of Zeebe's JobBatchActivateProcessor; a blank worker is accepted, as in 8.3. */
export function parseActivateJobs(raw: unknown): Parsed<ActivateJobsCommand> {
  const message = asMessage(raw);
  const type = str(message, 'type');
  const timeout = int(message, 'timeout');
  const maxJobsToActivate = int(message, 'maxJobsToActivate');
  const intent = 'ACTIVATE';
  if (maxJobsToActivate < 1) {
    return invalid(
      intent,
      `Expected to activate job batch with max jobs to activate to be greater than zero, but it was '${maxJobsToActivate}'`,
    );
  }
  if (timeout < 1) {
    return invalid(
      intent,
      `Expected to activate job batch with timeout to be greater than zero, but it was '${timeout}'`,
    );
  }
  if (type.trim() === '') {
    return invalid(intent, 'Expected to activate job batch with type to be present, but it was blank');
  }
  const tenantIds = tenantsOf(strings(message, 'tenantIds'), 'ActivateJobs');
  if (!tenantIds.ok) return tenantIds;
  return accept({
    request: {
      type,
      worker: str(message, 'worker'),
      timeout,
      maxJobsToActivate,
      fetchVariable: strings(message, 'fetchVariable'),
      tenantIds: tenantIds.value,
    },
    requestTimeout: int(message, 'requestTimeout'),
  });
}

export function parseStreamActivatedJobs(raw: unknown): Parsed<JobStreamRequest> {
  const message = asMessage(raw);
  const type = str(message, 'type');
  const timeout = int(message, 'timeout');
  if (type.trim() === '') {
    return invalid('ACTIVATE', 'Expected to stream activated jobs with type to be present, but it was blank');
  }
  if (timeout < 1) {
    return invalid(
      'ACTIVATE',
      `Expected to stream activated jobs with timeout to be greater than zero, but it was '${timeout}'`,
    );
  }
  const tenantIds = tenantsOf(strings(message, 'tenantIds'), 'StreamActivatedJobs');
  if (!tenantIds.ok) return tenantIds;
  return accept({
    type,
    worker: str(message, 'worker'),
    timeout,
    fetchVariable: strings(message, 'fetchVariable'),
    tenantIds: tenantIds.value,
  });
}

export function parseCompleteJob(raw: unknown): { jobKey: Key; variables: string } {
  const message = asMessage(raw);
  return { jobKey: key(message, 'jobKey'), variables: variablesOf(str(message, 'variables')) };
}

export function parseFailJob(raw: unknown): FailJobRequest {
  const message = asMessage(raw);
  return {
    jobKey: key(message, 'jobKey'),
    retries: int(message, 'retries'),
    errorMessage: str(message, 'errorMessage'),
    retryBackOff: int(message, 'retryBackOff'),
    variables: variablesOf(str(message, 'variables')),
  };
}

export function parseThrowError(raw: unknown): ThrowErrorRequest {
  const message = asMessage(raw);
  return {
    jobKey: key(message, 'jobKey'),
    errorCode: str(message, 'errorCode'),
    errorMessage: str(message, 'errorMessage'),
    variables: variablesOf(str(message, 'variables')),
  };
}

export function parseUpdateJobRetries(raw: unknown): Parsed<{ jobKey: Key; retries: number }> {
  const message = asMessage(raw);
  const retries = int(message, 'retries');
  if (retries < 1) {
    return invalid('UPDATE_RETRIES', `Expected retries to be greater than zero, but it was '${retries}'`);
  }
  return accept({ jobKey: key(message, 'jobKey'), retries });
}

export function parseUpdateJobTimeout(raw: unknown): { jobKey: Key; timeout: number } {
  const message = asMessage(raw);
  return { jobKey: key(message, 'jobKey'), timeout: int(message, 'timeout') };
}
