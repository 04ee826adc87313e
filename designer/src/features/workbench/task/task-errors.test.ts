import { describe, expect, it } from 'vitest';
import { ApiError, ClientErrorCode } from '../../../errors.ts';
import { failureMessageKey, taskFailure } from './task-errors.ts';

const apiError = (status: number, code: string, fields = {}) =>
  new ApiError(status, code, `api says ${code}`, fields);

describe('taskFailure', () => {
  it('reads "claimed by someone else" as a conflict that reloads the task and the queue', () => {
    // when
    const failure = taskFailure(apiError(409, 'TASK_CLAIMED_BY_OTHER'));

    // then
    expect(failure).toEqual({ kind: 'claimed-by-other', refresh: true });
    expect(failureMessageKey(failure)).toBe('workbench.failures.claimed-by-other');
  });

  it("reloads when the task was closed or is no longer the clerk's", () => {
    expect(taskFailure(apiError(409, 'TASK_CLOSED'))).toEqual({ kind: 'closed', refresh: true });
    expect(taskFailure(apiError(409, 'TASK_NOT_ASSIGNED_TO_YOU'))).toEqual({
      kind: 'not-assigned',
      refresh: true,
    });
    expect(taskFailure(apiError(404, 'TASK_NOT_FOUND'))).toEqual({ kind: 'gone', refresh: true });
  });

  it('does not call the task gone when the 404 is about something else', () => {
    expect(taskFailure(apiError(404, 'NOT_FOUND'))).toEqual({
      kind: 'other',
      message: 'api says NOT_FOUND',
      refresh: false,
    });
  });

  it('keeps the field messages of a rejected completion to show them at the fields', () => {
    // when
    const failure = taskFailure(
      apiError(400, 'FORM_SUBMISSION_INVALID', { 'acceptance.reason': '请填写原因' }),
    );

    // then
    expect(failure).toEqual({
      kind: 'fields',
      fields: { 'acceptance.reason': '请填写原因' },
      refresh: false,
    });
  });

  it('tells an engine outage and a lost connection apart from other errors', () => {
    expect(taskFailure(apiError(503, 'ENGINE_UNAVAILABLE')).kind).toBe('unavailable');
    expect(taskFailure(new ApiError(0, ClientErrorCode.NETWORK_ERROR, 'offline')).kind).toBe('offline');
  });

  it("shows the api's own words for an error it has no special text for, reloading on a conflict", () => {
    // when
    const unknownConflict = taskFailure(apiError(409, 'SOMETHING_NEW'));
    const badRequest = taskFailure(apiError(400, 'VALIDATION_FAILED'));

    // then
    expect(unknownConflict).toEqual({ kind: 'other', message: 'api says SOMETHING_NEW', refresh: true });
    expect(badRequest).toEqual({ kind: 'other', message: 'api says VALIDATION_FAILED', refresh: false });
    expect(failureMessageKey(badRequest)).toBeNull();
  });
});
