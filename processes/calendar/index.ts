import { ProcessesError } from '../src/errors.ts';
import { parseHolidayYear, type HolidayYear } from './holiday-year.ts';
import {
  createWorkingDayCalendar,
  type CalendarDate,
  type WorkingDayCalendar,
} from './working-day-calendar.ts';
import holidays2025 from './holidays-2025.json' with { type: 'json' };
import holidays2026 from './holidays-2026.json' with { type: 'json' };
import holidays2027 from './holidays-2027.json' with { type: 'json' };

export { createWorkingDayCalendar, parseHolidayYear };
export type { CalendarDate, HolidayYear };
export type { WorkingDayCalendar };

function load(file: unknown, name: string): HolidayYear {
  const result = parseHolidayYear(file);
  if (!result.ok) throw new ProcessesError('CALENDAR_DATA_INVALID', `${name}: ${result.problems.join('; ')}`);
  return result.value;
}

/** The holiday data shipped with the package, one entry per covered year. */
export const holidayYears: readonly HolidayYear[] = [
  load(holidays2025, 'holidays-2025.json'),
  load(holidays2026, 'holidays-2026.json'),
  load(holidays2027, 'holidays-2027.json'),
];

let calendar = createWorkingDayCalendar(holidayYears);

/**
 * Puts the operator's holiday files on top of the shipped ones: a file for a
 * shipped year replaces it (the State Council's notice replacing provisional
 * data), a file for another year adds it. The notice for next year comes out
 * in November, so a deployment must be able to take it without a release.
 * Called once at start, before any due date is computed.
 */
export function useHolidayYears(operatorYears: readonly HolidayYear[]): WorkingDayCalendar {
  const replaced = new Set(operatorYears.map((year) => year.year));
  calendar = createWorkingDayCalendar([
    ...holidayYears.filter((year) => !replaced.has(year.year)),
    ...operatorYears,
  ]);
  return calendar;
}

/** The working-day calendar of mainland China for the covered years. */
export const currentWorkingDayCalendar = (): WorkingDayCalendar => calendar;

export const isWorkingDay = (date: CalendarDate): boolean => calendar.isWorkingDay(date);
export const addWorkingDays = (start: CalendarDate, days: number): string =>
  calendar.addWorkingDays(start, days);
export const workingDaysBetween = (from: CalendarDate, to: CalendarDate): number =>
  calendar.workingDaysBetween(from, to);
