import { ProcessesError } from '../src/errors.ts';
import { parseHolidayYear, type HolidayYear } from './holiday-year.ts';
import { createWorkingDayCalendar, type CalendarDate } from './working-day-calendar.ts';
import holidays2025 from './holidays-2025.json' with { type: 'json' };
import holidays2026 from './holidays-2026.json' with { type: 'json' };
import holidays2027 from './holidays-2027.json' with { type: 'json' };

export { createWorkingDayCalendar, parseHolidayYear };
export type { CalendarDate, HolidayYear };
export type { WorkingDayCalendar } from './working-day-calendar.ts';

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

/** The working-day calendar of mainland China for the covered years. */
export const workingDayCalendar = createWorkingDayCalendar(holidayYears);

export const isWorkingDay = (date: CalendarDate): boolean => workingDayCalendar.isWorkingDay(date);
export const addWorkingDays = (start: CalendarDate, days: number): string =>
  workingDayCalendar.addWorkingDays(start, days);
export const workingDaysBetween = (from: CalendarDate, to: CalendarDate): number =>
  workingDayCalendar.workingDaysBetween(from, to);
