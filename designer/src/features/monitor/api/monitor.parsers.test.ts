import { describe, expect, it } from 'vitest';
import { parseBreaches, parseInstanceDetail, parseInstancesPage, parseStats } from './monitor.parsers.ts';

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
});
