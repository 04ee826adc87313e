import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';
import { ServedPrefillSchema } from './served-prefill.entity.ts';

/** How long what prefill served counts for a submission: a citizen may finish a draft days later. */
export const SERVED_PREFILL_KEPT_MS = 14 * 24 * 60 * 60 * 1000;

export interface ServedPrefillInput {
  citizenId: string;
  bundleKey: string;
  /** The values served, by field key. */
  values: Readonly<Record<string, unknown>>;
  now: Date;
}

/**
 * Keeps what prefill served the citizen for the bundle (keyed hashes, not the
 * values), replacing what it served before; rows past their expiry go.
 */
export async function keepServedPrefill(
  em: EntityManager,
  cipher: PersonalDataCipher,
  input: ServedPrefillInput,
): Promise<void> {
  const valueHashes = Object.fromEntries(
    Object.entries(input.values).map(([key, value]) => [key, valueHash(cipher, input, key, value)]),
  );
  const row = {
    valueHashes,
    servedAt: input.now,
    expiresAt: new Date(input.now.getTime() + SERVED_PREFILL_KEPT_MS),
  };
  await em
    .createQueryBuilder(ServedPrefillSchema)
    .insert({ citizenId: input.citizenId, bundleKey: input.bundleKey, ...row })
    .onConflict(['citizen_id', 'bundle_key'])
    .merge(['value_hashes', 'served_at', 'expires_at'])
    .execute();
  await em.nativeDelete(ServedPrefillSchema, { expiresAt: { $lt: input.now } });
}

export interface FieldCounts {
  /** Fields of the form with a value. */
  filled: number;
  /** Of those, the ones whose value is the one prefill served, unchanged. */
  prefilled: number;
}

/**
 * Counts a submission's filled fields and those of them that hold, unchanged,
 * a value prefill served this citizen for this bundle (and has not expired).
 * `formKeys` are the keys of the combined form the submission was validated
 * against; `data` is the validated data (dotted keys are paths).
 */
export async function countPrefilled(
  em: EntityManager,
  cipher: PersonalDataCipher,
  submission: {
    citizenId: string;
    bundleKey: string;
    formKeys: Iterable<string>;
    data: Readonly<Record<string, unknown>>;
    now: Date;
  },
): Promise<FieldCounts> {
  const served = await em.findOne(ServedPrefillSchema, {
    citizenId: submission.citizenId,
    bundleKey: submission.bundleKey,
    expiresAt: { $gte: submission.now },
  });
  let filled = 0;
  let prefilled = 0;
  for (const key of submission.formKeys) {
    const value = valueAt(submission.data, key.split('.'));
    if (!hasValue(value)) continue;
    filled += 1;
    const hash = served?.valueHashes[key];
    if (hash !== undefined && hash === valueHash(cipher, submission, key, value)) prefilled += 1;
  }
  return { filled, prefilled };
}

/** Bound to the citizen, bundle and field, so that equal values elsewhere do not hash alike. */
function valueHash(
  cipher: PersonalDataCipher,
  owner: { citizenId: string; bundleKey: string },
  key: string,
  value: unknown,
): string {
  return cipher.hash(JSON.stringify(['prefill', owner.citizenId, owner.bundleKey, key, value]));
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
