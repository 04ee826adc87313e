import type { BundleManifest, LocalizedText } from '@onething/processes';
import type { ApplicationStatus, StoredDueDates, StoredOutcome } from './application.entity.ts';
import type { StoredProgress } from './progress/part-progress.ts';

export const PART_STATUSES = ['pending', 'in_progress', 'done', 'failed', 'returned'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export interface PartView {
  department: string;
  service: string;
  status: PartStatus;
  /** The registry's result (document numbers, links) once done. */
  result: Record<string, string | number | boolean> | null;
  title: LocalizedText;
  /** The department's working-day due date, once accepted. */
  dueDate: string | null;
}

export interface PartSources {
  /** Outcomes the user-task bridge read from the variables of the last user task. */
  outcomes: readonly StoredOutcome[] | null;
  /** Live progress the application-progress worker read from the engine's history. */
  progress?: StoredProgress | null;
  dueDates?: StoredDueDates | null;
}

/**
 * One part per selected service. With live progress, a part is pending until
 * its service starts, then in progress, then done or failed; without it (an
 * external Zeebe: no history to read), the outcomes the bridge saw decide and
 * a pending service counts as in progress while the application is. A
 * returned application's unfinished parts wait with it.
 */
export function applicationParts(
  manifest: BundleManifest,
  status: ApplicationStatus,
  services: readonly string[],
  sources: PartSources,
): PartView[] {
  const byService = new Map((sources.outcomes ?? []).map((outcome) => [outcome.service, outcome]));
  return manifest.services
    .filter((service) => services.includes(service.key))
    .map((service) => {
      const outcome = byService.get(service.key);
      const live = sources.progress?.[service.key];
      const due = sources.dueDates?.parts[service.department]?.dueAt;
      const base = {
        department: service.department,
        service: service.key,
        title: service.title,
        dueDate: due === undefined ? null : new Date(due).toISOString(),
      };
      if (live?.status === 'done' || outcome?.status === 'done')
        return { ...base, status: 'done', result: scalars(live?.result ?? outcome?.result) };
      if (live?.status === 'failed' || outcome?.status === 'failed')
        return { ...base, status: 'failed', result: null };
      if (status === 'returned' || status === 'rejected' || status === 'withdrawn')
        return { ...base, status: pendingStatus(status), result: null };
      if (live !== undefined) return { ...base, status: live.status, result: null };
      return { ...base, status: pendingStatus(status), result: null };
    });
}

function pendingStatus(status: ApplicationStatus): PartStatus {
  if (status === 'processing' || status === 'accepted') return 'in_progress';
  if (status === 'returned') return 'returned';
  if (status === 'rejected' || status === 'withdrawn') return 'failed';
  return 'pending';
}

function scalars(result: Record<string, unknown> | undefined): Record<string, string | number | boolean> {
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(result ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      kept[key] = value;
  }
  return kept;
}
