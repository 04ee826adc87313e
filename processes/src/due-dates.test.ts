import { describe, expect, it } from 'vitest';
import { acceptanceDueAt, checkServiceSelection, computeDueDates } from './due-dates.ts';
import { ProcessesError } from './errors.ts';
import { loadBundle } from './load-bundles.ts';

const newborn = loadBundle('newborn').manifest;
const all = newborn.services.map((s) => s.key);

describe('due dates at acceptance', () => {
  it('dates each department part by its slowest selected service, in working days across National Day 2026', () => {
    // given an application accepted the day before the 2026 National Day holiday
    const acceptedAt = '2026-09-30T15:30:00+08:00';

    // when
    const due = computeDueDates(newborn, acceptedAt, all);

    // then working days after 09-30: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14, 10-15, 10-16 …
    expect(due.parts.health?.dueAt).toBe('2026-10-10T23:59:59+08:00');
    expect(due.parts.civil?.dueAt).toBe('2026-10-14T23:59:59+08:00');
    expect(due.parts.tax?.dueAt).toBe('2026-10-16T23:59:59+08:00');
    expect(due.parts.hr?.dueAt).toBe('2026-10-20T23:59:59+08:00');
    expect(due.dueAt).toBe('2026-10-20T23:59:59+08:00');
  });

  it('still dates a department none of whose services was selected, so the process can read every part', () => {
    const due = computeDueDates(newborn, '2026-03-02T09:00:00+08:00', ['birthCertificate']);
    expect(Object.keys(due.parts).sort()).toEqual(['civil', 'health', 'hr', 'tax']);
    expect(due.parts.health?.dueAt).toBe('2026-03-05T23:59:59+08:00');
  });

  it('gives the window one working day to accept', () => {
    expect(acceptanceDueAt('2026-02-13T16:00:00+08:00')).toBe('2026-02-14T23:59:59+08:00');
  });

  it('refuses a service the bundle does not have', () => {
    expect(() => computeDueDates(newborn, '2026-03-02', ['passport'])).toThrow(ProcessesError);
  });
});

describe('the citizen’s choice of services', () => {
  it('accepts every service together', () => {
    expect(checkServiceSelection(newborn, all)).toEqual([]);
  });

  it('reports a service whose prerequisite is missing, an unknown one and an empty choice', () => {
    expect(checkServiceSelection(newborn, ['householdRegistration', 'passport'])).toEqual([
      '"householdRegistration" needs "birthCertificate" as well',
      '"passport" is not a service of newborn',
    ]);
    expect(checkServiceSelection(newborn, [])).toEqual(['select at least one service']);
  });
});
