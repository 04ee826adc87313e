import type { EntityManager } from '@mikro-orm/postgresql';
import { maskResidentIds } from '../../monitor/mask-variables.ts';
import {
  ProgressFailureSchema,
  type ProgressFailure,
  type ProgressFailureState,
} from './progress-failure.entity.ts';

/** How often, and how far apart, an application that fails is tried again before it is set aside. */
export interface RetryPolicy {
  /** Failed attempts in a series before the application is set aside (at least 1). */
  maxAttempts: number;
  /** Wait after the first failure; each further one doubles it. */
  firstDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
};

/** The wait after the `failed`-th failure of a series (1-based): 1×, 2×, 4×, … the first, capped. */
export function retryDelayMs(policy: RetryPolicy, failed: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failed - 1));
}

export interface FailedApplication {
  applicationId: string;
  processInstanceKey: string | null;
  position: string;
  error: unknown;
}

export interface RecordedFailure {
  applicationId: string;
  attempts: number;
  state: ProgressFailureState;
  error: string;
}

const MAX_ERROR_LENGTH = 1000;

/** An error as it may be stored and logged: its message only (no row values), ID numbers masked. */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return maskResidentIds(message).slice(0, MAX_ERROR_LENGTH);
}

/**
 * Records failed applications in the round's transaction: a first failure
 * starts a series, a further one counts down its attempts and waits longer,
 * the last one sets the application aside.
 */
export async function recordFailures(
  tx: EntityManager,
  failed: readonly FailedApplication[],
  policy: RetryPolicy,
  now: Date,
): Promise<RecordedFailure[]> {
  if (failed.length === 0) return [];
  const known = new Map(
    (
      await tx.find(ProgressFailureSchema, {
        applicationId: { $in: failed.map((failure) => failure.applicationId) },
      })
    ).map((row) => [row.applicationId, row]),
  );
  const recorded: RecordedFailure[] = [];
  for (const failure of failed) {
    const before = known.get(failure.applicationId);
    const retriesLeft = (before?.retriesLeft ?? policy.maxAttempts) - 1;
    const attempts = (before?.attempts ?? 0) + 1;
    const failedInSeries = policy.maxAttempts - retriesLeft;
    const state: ProgressFailureState = retriesLeft <= 0 ? 'set_aside' : 'retrying';
    const row: ProgressFailure = {
      applicationId: failure.applicationId,
      processInstanceKey: failure.processInstanceKey,
      position: before?.position ?? failure.position,
      error: failureMessage(failure.error),
      attempts,
      retriesLeft: Math.max(0, retriesLeft),
      state,
      firstSeenAt: before?.firstSeenAt ?? now,
      lastSeenAt: now,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(policy, failedInSeries)),
    };
    await tx.upsert(ProgressFailureSchema, row);
    recorded.push({ applicationId: row.applicationId, attempts, state, error: row.error });
  }
  return recorded;
}

/** Of these applications, those with a failure on record (the feed and the sweeps leave them to the retries). */
export async function withFailures(
  tx: EntityManager,
  applicationIds: readonly string[],
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await tx.find(
    ProgressFailureSchema,
    { applicationId: { $in: [...applicationIds] } },
    { fields: ['applicationId'] },
  );
  return new Set(rows.map((row) => row.applicationId));
}

/** Applications whose retry is due, soonest first. */
export async function dueRetries(tx: EntityManager, now: Date, limit: number): Promise<ProgressFailure[]> {
  return tx.find(
    ProgressFailureSchema,
    { state: 'retrying', nextAttemptAt: { $lte: now } },
    { orderBy: { nextAttemptAt: 'asc', applicationId: 'asc' }, limit },
  );
}

/** Forgets the failures of applications that were brought up to their history at last. */
export async function clearFailures(tx: EntityManager, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await tx.nativeDelete(ProgressFailureSchema, { applicationId: { $in: [...applicationIds] } });
}

/**
 * Gives set-aside applications (or the one named) a new series of attempts,
 * the first at once: on the worker's start, and an admin's retry. Returns
 * how many rows it changed.
 */
export async function retryFailures(
  em: EntityManager,
  policy: RetryPolicy,
  now: Date,
  applicationId?: string,
): Promise<number> {
  return em.nativeUpdate(
    ProgressFailureSchema,
    applicationId === undefined ? { state: 'set_aside' } : { applicationId },
    { state: 'retrying', retriesLeft: policy.maxAttempts, nextAttemptAt: now },
  );
}
