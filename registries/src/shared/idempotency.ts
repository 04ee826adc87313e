import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Queryable } from './db.ts';

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'reused' }
  | { readonly kind: 'in-progress' };

/** The request fingerprint: the operation and its body with keys in a stable order. */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface KeyRow {
  request_hash: string;
  state: 'in_progress' | 'done';
  status: number | null;
  response: unknown;
  /** As text: a JS Date would drop the microseconds the compare-and-set below needs. */
  claimed_at: string;
}

/**
 * Claims `key` before any work (insert-first: the primary key decides between
 * concurrent requests). A claim older than `leaseMs` that never finished is taken over.
 */
export async function claimKey(
  pool: pg.Pool,
  schema: string,
  key: string,
  hash: string,
  leaseMs: number,
): Promise<Claim> {
  const inserted = await pool.query(
    `insert into ${schema}.idempotency_keys (key, request_hash, state) values ($1, $2, 'in_progress')
     on conflict (key) do nothing returning key`,
    [key, hash],
  );
  if (inserted.rowCount === 1) return { kind: 'claimed' };
  const existing = await pool.query<KeyRow>(
    `select request_hash, state, status, response, claimed_at::text from ${schema}.idempotency_keys where key = $1`,
    [key],
  );
  const row = existing.rows[0];
  // Released between our insert and our read: try once more.
  if (!row) return claimKey(pool, schema, key, hash, leaseMs);
  if (row.request_hash !== hash) return { kind: 'reused' };
  if (row.state === 'done') return { kind: 'replay', status: row.status ?? 200, body: row.response };
  const takenOver = await pool.query(
    `update ${schema}.idempotency_keys set claimed_at = now()
     where key = $1 and state = 'in_progress' and claimed_at = $2::timestamptz and claimed_at < now() - make_interval(secs => $3)`,
    [key, row.claimed_at, leaseMs / 1000],
  );
  return takenOver.rowCount === 1 ? { kind: 'claimed' } : { kind: 'in-progress' };
}

/** Stores the answer; call inside the write's transaction so both commit together. */
export async function completeKey(
  db: Queryable,
  schema: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await db.query(
    `update ${schema}.idempotency_keys set state = 'done', status = $2, response = $3, completed_at = now() where key = $1`,
    [key, status, JSON.stringify(body)],
  );
}

/** Frees a claim whose request failed technically, so a retry runs again. */
export async function releaseKey(pool: pg.Pool, schema: string, key: string): Promise<void> {
  await pool.query(`delete from ${schema}.idempotency_keys where key = $1 and state = 'in_progress'`, [key]);
}
