import { addWorkingDays, type CalendarDate } from '../calendar/index.ts';
import type { BundleManifest, Department } from './bundle-manifest.ts';
import { ProcessesError } from './errors.ts';

/** Working days the comprehensive window has to accept an application. */
export const ACCEPT_TIME_LIMIT_DAYS = 1;

export interface DueDates {
  /** Whole bundle: `dueAt` (the final delivery task's due date). */
  dueAt: string;
  /** Each department part: the time-limit timer and the clerks' task due dates. */
  parts: Partial<Record<Department, { dueAt: string }>>;
}

/** Due date of the window's acceptance task, set as `acceptDueAt` when the instance starts. */
export function acceptanceDueAt(submittedAt: CalendarDate): string {
  return addWorkingDays(submittedAt, ACCEPT_TIME_LIMIT_DAYS);
}

/** Problems with a citizen's choice of services, as data (empty when fine). */
export function checkServiceSelection(manifest: BundleManifest, services: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Map(manifest.services.map((s) => [s.key, s]));
  if (services.length === 0) problems.push('select at least one service');
  if (new Set(services).size !== services.length) problems.push('a service is selected twice');
  for (const key of services) {
    const service = known.get(key);
    if (!service) {
      problems.push(`"${key}" is not a service of ${manifest.key}`);
      continue;
    }
    for (const required of service.requires) {
      if (!services.includes(required)) problems.push(`"${key}" needs "${required}" as well`);
    }
  }
  return problems;
}

/**
 * Due dates at acceptance, in working days from the acceptance: a part is due
 * when its slowest selected service is (all of its services when none is
 * selected, so that every `parts.<dept>.dueAt` the process reads exists).
 */
export function computeDueDates(
  manifest: BundleManifest,
  acceptedAt: CalendarDate,
  services: readonly string[],
): DueDates {
  for (const key of services) {
    if (!manifest.services.some((s) => s.key === key)) {
      throw new ProcessesError('BUNDLE_UNKNOWN_SERVICE', `"${key}" is not a service of ${manifest.key}`);
    }
  }
  const parts: DueDates['parts'] = {};
  for (const department of manifest.departments) {
    const all = manifest.services.filter((s) => s.department === department);
    const selected = all.filter((s) => services.includes(s.key));
    const days = Math.max(...(selected.length > 0 ? selected : all).map((s) => s.timeLimitDays));
    parts[department] = { dueAt: addWorkingDays(acceptedAt, days) };
  }
  return { dueAt: addWorkingDays(acceptedAt, manifest.timeLimitDays), parts };
}
