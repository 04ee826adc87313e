import type { BundleManifest } from '@onething/processes';
import type { ApplicationStatus, StoredOutcome } from './application.entity.ts';

export const PART_STATUSES = ['pending', 'in_progress', 'done', 'failed', 'returned'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export interface PartView {
  department: string;
  service: string;
  status: PartStatus;
  /** The registry's result (document numbers, links) once done. */
  result: Record<string, string | number | boolean> | null;
}

/**
 * One part per selected service. Outcomes are what the process variables
 * said when last seen; a service still pending is in progress once the
 * application is being processed, and waits with it while it is returned.
 */
export function applicationParts(
  manifest: BundleManifest,
  status: ApplicationStatus,
  services: readonly string[],
  outcomes: readonly StoredOutcome[] | null,
): PartView[] {
  const byService = new Map((outcomes ?? []).map((outcome) => [outcome.service, outcome]));
  return manifest.services
    .filter((service) => services.includes(service.key))
    .map((service) => {
      const outcome = byService.get(service.key);
      const base = { department: service.department, service: service.key };
      if (outcome?.status === 'done') return { ...base, status: 'done', result: scalars(outcome.result) };
      if (outcome?.status === 'failed') return { ...base, status: 'failed', result: null };
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
