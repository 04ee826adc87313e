import { ApiError, ClientErrorCode, type FieldErrors } from '../../../errors.ts';

/**
 * What a failed task action means for the clerk. `refresh` says the task changed under them
 * (someone else claimed it, it was completed or cancelled): the view reloads it and the queue.
 */
export type TaskFailure =
  | { kind: 'claimed-by-other'; refresh: true }
  | { kind: 'not-assigned'; refresh: true }
  | { kind: 'closed'; refresh: true }
  | { kind: 'gone'; refresh: true }
  | { kind: 'not-returnable'; refresh: false }
  | { kind: 'fields'; fields: FieldErrors; refresh: false }
  | { kind: 'unavailable'; refresh: false }
  | { kind: 'offline'; refresh: false }
  | { kind: 'other'; message: string; refresh: boolean };

const GONE_CODES: readonly string[] = ['TASK_NOT_FOUND', 'APPLICATION_NOT_FOUND'];

export function taskFailure(error: unknown): TaskFailure {
  if (!(error instanceof ApiError)) {
    return { kind: 'other', message: error instanceof Error ? error.message : String(error), refresh: false };
  }
  switch (error.code) {
    case 'TASK_CLAIMED_BY_OTHER':
      return { kind: 'claimed-by-other', refresh: true };
    case 'TASK_NOT_ASSIGNED_TO_YOU':
      return { kind: 'not-assigned', refresh: true };
    case 'TASK_CLOSED':
      return { kind: 'closed', refresh: true };
    case 'TASK_NOT_RETURNABLE':
      return { kind: 'not-returnable', refresh: false };
    case ClientErrorCode.NETWORK_ERROR:
      return { kind: 'offline', refresh: false };
  }
  // The task (or its application) is gone or out of the clerk's groups; another 404 (a route
  // this api does not have) is not about the task and keeps the api's own words.
  if (error.status === 404 && GONE_CODES.includes(error.code)) return { kind: 'gone', refresh: true };
  if (error.status === 400 && Object.keys(error.fields).length > 0) {
    return { kind: 'fields', fields: error.fields, refresh: false };
  }
  if (error.status === 503) return { kind: 'unavailable', refresh: false };
  // Another 409 the catalog adds later is still a conflict: show the api's words and reload.
  return { kind: 'other', message: error.message, refresh: error.status === 409 };
}

/** The i18n key under `workbench.failures` for each kind ('other' shows the api's own message). */
export function failureMessageKey(failure: TaskFailure): string | null {
  return failure.kind === 'other' ? null : `workbench.failures.${failure.kind}`;
}
