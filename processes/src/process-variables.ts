import type { CalendarDate } from '../calendar/index.ts';
import type { BundleManifest, Department } from './bundle-manifest.ts';
import { addWorkingDays } from '../calendar/index.ts';
import { acceptanceDueAt, computeDueDates } from './due-dates.ts';

/** Working days a citizen has to supplement a returned application before it counts as withdrawn. */
export const SUPPLEMENT_TIME_LIMIT_DAYS = 10;

/**
 * The variables a bundle's process reads and writes (README: "Process
 * variables"), built here so that the api and the process agree on them.
 */

export interface StartInput {
  applicationId: string;
  /** The signed-in citizen. */
  applicant: Record<string, unknown>;
  /** The submitted combined form data under field dictionary keys, as nested objects. */
  data: Record<string, unknown>;
  /** Selected service keys. */
  services: readonly string[];
  submittedAt: CalendarDate;
}

/** Variables of `CreateProcessInstance`. */
export function startVariables(manifest: BundleManifest, input: StartInput): Record<string, unknown> {
  const submittedApplicant = input.data.applicant;
  return {
    ...input.data,
    applicationId: input.applicationId,
    bundleKey: manifest.key,
    applicant: {
      ...(isRecord(submittedApplicant) ? submittedApplicant : {}),
      ...input.applicant,
    },
    services: [...input.services],
    acceptDueAt: acceptanceDueAt(input.submittedAt),
  };
}

export type AcceptanceDecision = 'accept' | 'return' | 'reject';

/**
 * Completion variables of the window's acceptance task. Accepting adds the due
 * dates of the bundle and of every department part, counted from `decidedAt`;
 * returning adds `acceptance.supplementDueAt`, when the application lapses.
 */
export function acceptanceVariables(
  manifest: BundleManifest,
  decision: AcceptanceDecision,
  decidedAt: CalendarDate,
  services: readonly string[],
  form: { reason?: string; comment?: string; materialsChecked?: string[] } = {},
): Record<string, unknown> {
  const acceptance = { ...form, decision };
  if (decision === 'return') {
    return {
      acceptance: { ...acceptance, supplementDueAt: addWorkingDays(decidedAt, SUPPLEMENT_TIME_LIMIT_DAYS) },
    };
  }
  if (decision === 'reject') return { acceptance };
  return { acceptance, ...computeDueDates(manifest, decidedAt, services) };
}

export type ServiceStatus = 'not_requested' | 'pending' | 'done' | 'failed';

export interface ServiceOutcome {
  service: string;
  department: Department;
  status: ServiceStatus;
  /** The registry's response fields once done. */
  result?: Record<string, unknown>;
  /** Why it failed: the clerk's review or rejection comment. */
  reason?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entry(
  variables: Record<string, unknown>,
  group: string,
  key: string,
): Record<string, unknown> | undefined {
  const container = variables[group];
  const value = isRecord(container) ? container[key] : undefined;
  return isRecord(value) ? value : undefined;
}

function text(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Where each service of an application stands, read from its process
 * variables (`services`, `results`, `reviews`, `resolutions`). Whether a
 * pending service is being worked on right now is the engine's to say.
 */
export function serviceOutcomes(
  manifest: BundleManifest,
  variables: Record<string, unknown>,
): ServiceOutcome[] {
  const selected = Array.isArray(variables.services) ? variables.services : [];
  return manifest.services.map(({ key, department }) => {
    if (!selected.includes(key)) return { service: key, department, status: 'not_requested' };
    const result = entry(variables, 'results', key);
    if (result) return { service: key, department, status: 'done', result };
    const review = entry(variables, 'reviews', key);
    if (text(review, 'decision') === 'reject') {
      return { service: key, department, status: 'failed', ...optionalReason(text(review, 'comment')) };
    }
    const resolution = entry(variables, 'resolutions', key);
    if (text(resolution, 'decision') === 'abandon') {
      return { service: key, department, status: 'failed', ...optionalReason(text(resolution, 'comment')) };
    }
    return { service: key, department, status: 'pending' };
  });
}

function optionalReason(reason: string | undefined): { reason?: string } {
  return reason === undefined ? {} : { reason };
}
