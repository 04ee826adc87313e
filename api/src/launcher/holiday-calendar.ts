import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHolidayYear, type HolidayYear, type WorkingDayCalendar } from '@onething/processes';

const HOLIDAY_FILE = /^holidays-(\d{4})\.json$/;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
/** From October on, the longest time limits (about 60 working days) reach into next year. */
const NEXT_YEAR_MATTERS_FROM_MONTH = 10;

export type HolidayFilesResult = { ok: true; years: HolidayYear[] } | { ok: false; problems: string[] };

/**
 * The operator's `holidays-<year>.json` files (ONETHING_HOLIDAYS_DIR), in the
 * format of the shipped ones. Every problem in every file is reported, so that
 * a wrong notice stops the start instead of computing wrong due dates.
 */
export async function readHolidayFiles(dir: string): Promise<HolidayFilesResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => HOLIDAY_FILE.test(name)).sort();
  } catch (error) {
    return { ok: false, problems: [`${dir}: cannot be read (${reason(error)})`] };
  }
  const problems: string[] = [];
  const years: HolidayYear[] = [];
  for (const name of names) {
    const yearInName = Number(HOLIDAY_FILE.exec(name)?.[1]);
    let content: unknown;
    try {
      content = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(`${name}: not JSON (${reason(error)})`);
      continue;
    }
    const parsed = parseHolidayYear(content);
    if (!parsed.ok) problems.push(...parsed.problems.map((problem) => `${name}: ${problem}`));
    else if (parsed.value.year !== yearInName) problems.push(`${name}: holds the year ${parsed.value.year}`);
    else years.push(parsed.value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, years };
}

/** What an operator must be told at start about the years the calendar is about to be used for. */
export function calendarWarnings(calendar: WorkingDayCalendar, now: Date): string[] {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const year = shanghai.getUTCFullYear();
  const years = shanghai.getUTCMonth() + 1 >= NEXT_YEAR_MATTERS_FROM_MONTH ? [year, year + 1] : [year];
  return years.flatMap((y) => {
    if (!calendar.years.includes(y)) {
      return [
        `working-day calendar: no holiday data for ${y}, so due dates in ${y} cannot be computed; put holidays-${y}.json in ONETHING_HOLIDAYS_DIR`,
      ];
    }
    if (calendar.provisionalYears.includes(y)) {
      return [
        `working-day calendar: ${y} is provisional (statutory holidays only, no make-up working days); put the State Council's notice in ONETHING_HOLIDAYS_DIR as holidays-${y}.json`,
      ];
    }
    return [];
  });
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
