import type { Breach, BreachState } from '../api/monitor.types.ts';

export interface BreachGroup {
  key: string;
  warning: number;
  overdue: number;
}

export interface BreachSummary {
  byDepartment: BreachGroup[];
  byBundle: BreachGroup[];
  totals: Record<BreachState, number>;
}

function groupBy(breaches: readonly Breach[], keyOf: (breach: Breach) => string): BreachGroup[] {
  const groups = new Map<string, BreachGroup>();
  for (const breach of breaches) {
    const key = keyOf(breach);
    const group = groups.get(key) ?? { key, warning: 0, overdue: 0 };
    group[breach.state] += 1;
    groups.set(key, group);
  }
  // Most overdue first: that is where a supervisor looks first.
  return [...groups.values()].sort(
    (a, b) => b.overdue - a.overdue || b.warning - a.warning || a.key.localeCompare(b.key),
  );
}

/** Time-limit breaches and warnings counted per department and per bundle. */
export function summarizeBreaches(breaches: readonly Breach[]): BreachSummary {
  return {
    byDepartment: groupBy(breaches, (breach) => breach.department),
    byBundle: groupBy(breaches, (breach) => breach.bundleKey),
    totals: {
      warning: breaches.filter((breach) => breach.state === 'warning').length,
      overdue: breaches.filter((breach) => breach.state === 'overdue').length,
    },
  };
}

/** The list order: the longest overdue first, then the warnings closest to their due date. */
export function sortBreaches(breaches: readonly Breach[]): Breach[] {
  return [...breaches].sort(
    (a, b) => a.workingDaysLeft - b.workingDaysLeft || a.dueDate.localeCompare(b.dueDate),
  );
}
