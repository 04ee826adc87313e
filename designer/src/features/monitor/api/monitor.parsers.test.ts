import { describe, expect, it } from 'vitest';
import {
  parseBreaches,
  parseInstanceDetail,
  parseInstancesPage,
  parseProgressFailure,
  parseProgressFailures,
  parseStats,
} from './monitor.parsers.ts';

const instance = {
  key: '2251799813685249',
  bpmnProcessId: 'onething-newborn',
  version: 1,
  processDefinitionKey: '2251799813685248',
  parentProcessInstanceKey: null,
  state: 'ACTIVE',
  startedAt: '2026-11-29T08:00:00.000Z',
  endedAt: null,
};

describe('monitor parsers', () => {
  it('reads an instances page and rejects one with an unknown state', () => {
    expect(parseInstancesPage({ items: [{ ...instance, incidents: 1 }], nextCursor: '50' })).toEqual({
      items: [{ ...instance, incidents: 1 }],
      nextCursor: '50',
    });
    expect(
      parseInstancesPage({ items: [{ ...instance, state: 'RUNNING', incidents: 0 }], nextCursor: null }),
    ).toBe(undefined);
  });

  it('reads an instance with its history, variables by scope and incidents', () => {
    // given
    const body = {
      ...instance,
      elements: [
        {
          key: '2251799813685250',
          elementId: 'Task_WindowAccept',
          elementType: 'USER_TASK',
          state: 'ACTIVE',
          startedAt: '2026-11-29T08:00:01.000Z',
          endedAt: null,
        },
      ],
      variables: { '2251799813685249': { applicant: { idNumber: '330106**********44' } } },
      incidents: [],
    };

    // when
    const detail = parseInstanceDetail(body);

    // then
    expect(detail?.elements[0]?.elementId).toBe('Task_WindowAccept');
    expect(detail?.variables['2251799813685249']).toEqual({ applicant: { idNumber: '330106**********44' } });
    expect(parseInstanceDetail({ ...body, variables: { '1': 'not a scope' } })).toBeUndefined();
  });

  it('reads stats with missing scores as zero and rejects a non-numeric share', () => {
    // given
    const body = {
      perDay: [{ day: '2026-11-29', submitted: 2, completed: 1 }],
      durations: { byDepartment: [{ department: 'hr', avgHours: 3, count: 1 }], byBundle: [] },
      prefilledShare: 0.5,
      ratings: { average: 5, count: 1, byScore: { '5': 1 } },
    };

    // when
    const stats = parseStats(body);

    // then
    expect(stats?.ratings.byScore).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 });
    expect(parseStats({ ...body, prefilledShare: '50%' })).toBeUndefined();
  });

  it('reads breaches and rejects an unknown breach state', () => {
    const breach = {
      applicationId: 'a-1',
      bundleKey: 'newborn',
      department: 'hr',
      service: 'medicalInsurance',
      dueDate: '2026-12-01',
      state: 'overdue',
      workingDaysLeft: -1,
    };
    expect(parseBreaches([breach])).toEqual([breach]);
    expect(parseBreaches([{ ...breach, state: 'late' }])).toBeUndefined();
  });

  it('reads progress failures, set aside without a next attempt', () => {
    // given
    const failure = {
      applicationId: '5b0c7e0e-3f5a-4c1e-9d7a-2b8f6c4d1a90',
      bundleKey: null,
      processInstanceKey: '2251799813685249',
      position: '42',
      error: 'constraint violated for 330106**********44',
      attempts: 5,
      state: 'set_aside',
      firstSeenAt: '2026-11-29T08:00:00.000Z',
      lastSeenAt: '2026-11-29T09:10:00.000Z',
      nextAttemptAt: null,
    };

    // when
    const failures = parseProgressFailures([failure]);

    // then
    expect(failures).toEqual([failure]);
  });

  it.each([
    ['an unknown state', { state: 'failed' }],
    ['a fractional attempt count', { attempts: 1.5 }],
    ['attempts as text', { attempts: '2' }],
    ['no error message', { error: undefined }],
    ['a numeric position', { position: 42 }],
    ['a next attempt that is no text', { nextAttemptAt: 1_764_403_200_000 }],
  ])('rejects a progress failure with %s', (_, change) => {
    const failure = {
      applicationId: '9d3e1f2a-7b6c-4d5e-8f90-a1b2c3d4e5f6',
      bundleKey: 'newborn',
      processInstanceKey: null,
      position: '40',
      error: 'deadlock detected',
      attempts: 2,
      state: 'retrying',
      firstSeenAt: '2026-11-29T07:00:00.000Z',
      lastSeenAt: '2026-11-29T07:02:00.000Z',
      nextAttemptAt: '2026-11-29T07:06:00.000Z',
    };
    expect(parseProgressFailure(failure)).toEqual(failure);
    expect(parseProgressFailure({ ...failure, ...change })).toBeUndefined();
    expect(parseProgressFailures({ items: [failure] })).toBeUndefined();
  });
});
