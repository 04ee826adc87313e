import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationSchema } from '../applications/application.entity.ts';
import { workingDaysLeft } from '../calendar/working-days-left.ts';
import type { ReloadableCatalogue } from '../catalogue/live-catalogue.ts';

export interface Breach {
  applicationId: string;
  bundleKey: string;
  department: string;
  service: string;
  dueDate: string;
  state: 'warning' | 'overdue';
  workingDaysLeft: number;
}

/** How many applications in processing one look reads (oldest acceptance first). */
export const BREACH_SCAN_LIMIT = 5_000;

/**
 * Services in progress whose department's time limit has run out (overdue) or
 * runs out within one working day (warning: due today or on the next working
 * day), by the working-day calendar. Due dates are those set at acceptance;
 * a service is in progress until the application's outcomes say it is done or
 * failed. Most urgent first.
 */
export async function monitorBreaches(
  em: EntityManager,
  catalogue: ReloadableCatalogue,
  now: Date,
): Promise<Breach[]> {
  const rows = await em.find(
    ApplicationSchema,
    { status: { $in: ['accepted', 'processing'] }, dueDates: { $ne: null } },
    { orderBy: { acceptedAt: 'asc' }, limit: BREACH_SCAN_LIMIT },
  );
  const breaches: Breach[] = [];
  for (const row of rows) {
    if (row.dueDates === null || row.dueDates === undefined) continue;
    // The services as the application's own bundle version has them.
    const { manifest } = await catalogue.ofApplication(row);
    const settled = new Set(
      (row.outcomes ?? [])
        .filter((outcome) => outcome.status === 'done' || outcome.status === 'failed')
        .map((outcome) => outcome.service),
    );
    for (const service of manifest.services) {
      if (!row.services.includes(service.key) || settled.has(service.key)) continue;
      const dueAt = row.dueDates.parts[service.department]?.dueAt;
      if (dueAt === undefined) continue;
      const due = new Date(dueAt);
      const left = workingDaysLeft(now, due);
      const state = due.getTime() < now.getTime() ? 'overdue' : left <= 1 ? 'warning' : undefined;
      if (state === undefined) continue;
      breaches.push({
        applicationId: row.id,
        bundleKey: row.bundleKey,
        department: service.department,
        service: service.key,
        dueDate: due.toISOString(),
        state,
        workingDaysLeft: left,
      });
    }
  }
  return breaches.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
