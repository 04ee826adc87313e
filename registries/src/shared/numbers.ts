import type { Queryable } from './db.ts';

/** A record number: prefix, the year, 8 digits from the registry's number sequence (`HJ202600000042`). */
export async function nextRecordNo(
  db: Queryable,
  schema: string,
  prefix: string,
  now: Date,
): Promise<string> {
  const result = await db.query<{ n: string }>(`select nextval('${schema}.number_seq')::text as n`);
  const n = result.rows[0]?.n ?? '0';
  return `${prefix}${now.getUTCFullYear()}${n.padStart(8, '0')}`;
}

/** The next value of a dedicated sequence, zero-padded (`Q` + 9 digits, `A` + 8 digits, 9-digit household numbers). */
export async function nextSequenceNo(
  db: Queryable,
  sequence: string,
  prefix: string,
  digits: number,
): Promise<string> {
  const result = await db.query<{ n: string }>(`select nextval('${sequence}')::text as n`);
  return `${prefix}${(result.rows[0]?.n ?? '0').padStart(digits, '0')}`;
}
