import type { EntityManager } from '@mikro-orm/postgresql';

/** Days are counted in China's time zone, as the time limits are. */
const ZONE = 'Asia/Shanghai';

export interface StatsRange {
  /** First and last day (`YYYY-MM-DD`, Shanghai), both included. */
  from: string;
  to: string;
}

export interface MonitorStats {
  perDay: { day: string; submitted: number; completed: number }[];
  durations: {
    byDepartment: { department: string; avgHours: number; count: number }[];
    byBundle: { bundleKey: string; avgHours: number; count: number }[];
  };
  prefilledShare: number | null;
  ratings: { average: number | null; count: number; byScore: Record<'1' | '2' | '3' | '4' | '5', number> };
}

/**
 * The Monitor's figures for a range of days, from the api's own tables:
 * - applications submitted and completed per day;
 * - per bundle, hours from submission to delivery of the applications completed in the range;
 * - per department, hours from the window's acceptance to the moment every
 *   selected service of the department ended (done or failed), for departments
 *   whose parts all ended in the range. A service ended when the engine's
 *   history says so, as the application-progress worker stored it (`doneAt`:
 *   its connector task completed; `failedAt`: the review or resolution that
 *   failed it), so automatic parts count by their own time. Without that
 *   progress (an external Zeebe, or a part the worker never saw end) the time
 *   the user-task bridge first saw the outcome (`settledAt`) stands in;
 * - ratings given in the range;
 * - `prefilledShare`: of the fields filled in the applications submitted in
 *   the range, the share that holds, unchanged, what the api's prefill served
 *   the citizen (counted at submission, see served-prefill.ts); null when no
 *   application in the range was counted (or none had a field filled).
 */
export async function monitorStats(em: EntityManager, range: StatsRange): Promise<MonitorStats> {
  const connection = em.getConnection();
  const bounds = [range.from, range.to];
  const submitted = await connection.execute<{ day: string; n: string }[]>(
    `select to_char(submitted_at at time zone '${ZONE}', 'YYYY-MM-DD') as day, count(*) as n
       from app.application
      where (submitted_at at time zone '${ZONE}')::date between ?::date and ?::date
      group by 1`,
    bounds,
  );
  const completed = await connection.execute<{ day: string; n: string }[]>(
    `select to_char(completed_at at time zone '${ZONE}', 'YYYY-MM-DD') as day, count(*) as n
       from app.application
      where completed_at is not null and (completed_at at time zone '${ZONE}')::date between ?::date and ?::date
      group by 1`,
    bounds,
  );
  const byBundle = await connection.execute<{ bundle_key: string; hours: string; n: string }[]>(
    `select bundle_key, avg(extract(epoch from completed_at - submitted_at)) / 3600 as hours, count(*) as n
       from app.application
      where completed_at is not null and (completed_at at time zone '${ZONE}')::date between ?::date and ?::date
      group by bundle_key order by bundle_key`,
    bounds,
  );
  const byDepartment = await connection.execute<{ department: string; hours: string; n: string }[]>(
    `with services as (
       select a.id, a.accepted_at, p.key as service, p.value->>'department' as department,
              coalesce(p.value->>'doneAt', p.value->>'failedAt')::timestamptz as ended_at,
              null::timestamptz as settled_at
         from app.application a, jsonb_each(a.progress) p
        where a.accepted_at is not null and jsonb_typeof(a.progress) = 'object'
       union all
       select a.id, a.accepted_at, o->>'service', o->>'department', null, (o->>'settledAt')::timestamptz
         from app.application a, jsonb_array_elements(a.outcomes) o
        where a.accepted_at is not null and o->>'status' <> 'not_requested'),
     parts as (
       select id, accepted_at, max(department) as department, coalesce(max(ended_at), max(settled_at)) as ended_at
         from services group by id, accepted_at, service),
     departments as (
       select id, department, accepted_at, max(ended_at) as ended_at, bool_and(ended_at is not null) as all_ended
         from parts where department is not null group by id, department, accepted_at)
     select department, avg(extract(epoch from ended_at - accepted_at)) / 3600 as hours, count(*) as n
       from departments
      where all_ended and (ended_at at time zone '${ZONE}')::date between ?::date and ?::date
      group by department order by department`,
    bounds,
  );
  const [fields] = await connection.execute<{ prefilled: string | null; filled: string | null }[]>(
    `select sum(prefilled_fields) as prefilled, sum(filled_fields) as filled
       from app.application
      where filled_fields is not null and (submitted_at at time zone '${ZONE}')::date between ?::date and ?::date`,
    bounds,
  );
  const ratings = await connection.execute<{ score: number; n: string }[]>(
    `select score, count(*) as n from app.application_rating
      where (rated_at at time zone '${ZONE}')::date between ?::date and ?::date
      group by score`,
    bounds,
  );

  const count = (rows: { day: string; n: string }[], day: string) =>
    Number(rows.find((row) => row.day === day)?.n ?? 0);
  const byScore = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  let sum = 0;
  for (const row of ratings) {
    const n = Number(row.n);
    const key = String(row.score);
    if (key === '1' || key === '2' || key === '3' || key === '4' || key === '5') byScore[key] = n;
    total += n;
    sum += n * row.score;
  }
  return {
    perDay: daysOf(range).map((day) => ({
      day,
      submitted: count(submitted, day),
      completed: count(completed, day),
    })),
    durations: {
      byDepartment: byDepartment.map((row) => ({
        department: row.department,
        avgHours: round(Number(row.hours)),
        count: Number(row.n),
      })),
      byBundle: byBundle.map((row) => ({
        bundleKey: row.bundle_key,
        avgHours: round(Number(row.hours)),
        count: Number(row.n),
      })),
    },
    prefilledShare: share(Number(fields?.prefilled ?? 0), Number(fields?.filled ?? 0)),
    ratings: { average: total === 0 ? null : round(sum / total), count: total, byScore },
  };
}

/** Every day of the range, `YYYY-MM-DD`. */
export function daysOf(range: StatsRange): string[] {
  const days: string[] = [];
  const end = Date.parse(`${range.to}T00:00:00Z`);
  for (let at = Date.parse(`${range.from}T00:00:00Z`); at <= end; at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
