import type { Queryable } from '../shared/db.ts';
import type { Period } from './hr-rules.ts';

/** Reads shared by several hr operations. */

export async function employerName(
  db: Queryable,
  schema: string,
  creditCode: string,
): Promise<string | null> {
  const found = await db.query<{ name: string }>(
    `select name from ${schema}.employers where credit_code = $1`,
    [creditCode],
  );
  return found.rows[0]?.name ?? null;
}

/** Employee-scheme contribution periods of one insurance type. */
export async function contributionPeriods(
  db: Queryable,
  schema: string,
  idNumber: string,
  type: 'pension' | 'unemployment',
): Promise<Period[]> {
  const found = await db.query<{
    start_date: string;
    end_date: string | null;
    contribution_base: string | null;
  }>(
    `select start_date::text, end_date::text, contribution_base from ${schema}.insurance_enrolments
     where id_number = $1 and type = $2 and scheme = 'employee' order by start_date`,
    [idNumber, type],
  );
  return found.rows.map((row) => ({
    startDate: row.start_date,
    endDate: row.end_date,
    contributionBase: row.contribution_base === null ? null : Number(row.contribution_base),
  }));
}

/** Ends the person's active enrolments of the given types (and, if named, with that employer) at `endDate`. */
export async function endEnrolments(
  db: Queryable,
  schema: string,
  idNumber: string,
  types: readonly string[],
  endDate: string,
  employerCreditCode?: string,
): Promise<void> {
  await db.query(
    `update ${schema}.insurance_enrolments set status = 'ended', end_date = greatest(start_date, $3::date)
     where id_number = $1 and type = any($2) and status = 'active' and ($4::text is null or employer_credit_code = $4)`,
    [idNumber, types, endDate, employerCreditCode ?? null],
  );
}
