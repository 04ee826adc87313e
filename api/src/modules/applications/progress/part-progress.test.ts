import { loadBundle } from '@onething/processes';
import { describe, expect, it } from 'vitest';
import { partProgress, progressChanges, type InstanceHistory } from './part-progress.ts';

const newborn = loadBundle('newborn').manifest;
const services = ['birthCertificate', 'householdRegistration'];

function history(elements: InstanceHistory['elements']): InstanceHistory {
  return { elements, variables: { services } };
}

const healthStarted = {
  elementId: 'Task_BirthCertificateReview',
  state: 'ACTIVE',
  startedAt: '2026-11-02T09:00:00.000Z',
  endedAt: null,
};
const healthOverdue = {
  elementId: 'Event_HealthOverdue',
  state: 'COMPLETED',
  startedAt: '2026-11-20T16:00:00.000Z',
  endedAt: '2026-11-20T16:00:00.000Z',
};

describe('a department part that runs over its time limit', () => {
  it('is escalated once its department’s overdue timer fired, and stays in progress', () => {
    // given
    const before = partProgress(newborn, history([healthStarted]));

    // when
    const now = partProgress(newborn, history([healthStarted, healthOverdue]));

    // then: the health part is escalated, the civil one is not
    expect(now['birthCertificate']).toMatchObject({
      status: 'in_progress',
      escalatedAt: healthOverdue.startedAt,
    });
    expect(now['householdRegistration']?.escalatedAt).toBeUndefined();
    expect(progressChanges(before, now)).toEqual([
      {
        service: 'birthCertificate',
        event: 'part.escalated',
        at: healthOverdue.startedAt,
        details: { service: 'birthCertificate' },
      },
    ]);
  });

  it('is written to the timeline only once', () => {
    const escalated = partProgress(newborn, history([healthStarted, healthOverdue]));
    expect(progressChanges(escalated, escalated)).toEqual([]);
  });

  it('comes after the part’s start when both are first seen together', () => {
    const now = partProgress(newborn, history([healthStarted, healthOverdue]));
    expect(progressChanges(null, now).map((change) => change.event)).toEqual([
      'part.started',
      'part.escalated',
    ]);
  });
});
