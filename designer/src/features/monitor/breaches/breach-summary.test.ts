import { describe, expect, it } from 'vitest';
import type { Breach } from '../api/monitor.types.ts';
import { sortBreaches, summarizeBreaches } from './breach-summary.ts';

function breach(
  department: string,
  bundleKey: string,
  state: Breach['state'],
  workingDaysLeft: number,
  applicationId = `${bundleKey}-${department}-${workingDaysLeft}`,
): Breach {
  return {
    applicationId,
    bundleKey,
    department,
    service: `${department}-service`,
    dueDate: `2026-11-${String(20 + workingDaysLeft).padStart(2, '0')}`,
    state,
    workingDaysLeft,
  };
}

describe('summarizeBreaches', () => {
  it('counts overdue and warnings per department and per bundle, most overdue first', () => {
    // given
    const breaches = [
      breach('tax', 'newborn', 'warning', 1),
      breach('hr', 'newborn', 'overdue', -2),
      breach('hr', 'retirement', 'overdue', -1),
      breach('hr', 'retirement', 'warning', 0),
    ];

    // when
    const summary = summarizeBreaches(breaches);

    // then
    expect(summary.totals).toEqual({ overdue: 2, warning: 2 });
    expect(summary.byDepartment).toEqual([
      { key: 'hr', overdue: 2, warning: 1 },
      { key: 'tax', overdue: 0, warning: 1 },
    ]);
    // equal counts: by key, so the order does not jump between reloads
    expect(summary.byBundle).toEqual([
      { key: 'newborn', overdue: 1, warning: 1 },
      { key: 'retirement', overdue: 1, warning: 1 },
    ]);
  });

  it('is empty when nothing is late', () => {
    expect(summarizeBreaches([])).toEqual({
      byDepartment: [],
      byBundle: [],
      totals: { overdue: 0, warning: 0 },
    });
  });
});

describe('sortBreaches', () => {
  it('lists the longest overdue first and the warnings after them', () => {
    // given
    const breaches = [
      breach('tax', 'newborn', 'warning', 1),
      breach('hr', 'newborn', 'overdue', -3),
      breach('civil', 'newborn', 'overdue', -1),
    ];

    // when
    const sorted = sortBreaches(breaches);

    // then
    expect(sorted.map((entry) => entry.workingDaysLeft)).toEqual([-3, -1, 1]);
  });
});
