import { ProcessesError } from '../src/errors.ts';
import {
  dayToPlainDate,
  endOfDay,
  parsePlainDate,
  toShanghaiDay,
  weekdayOfDay,
  yearOfDay,
} from './civil-date.ts';
import type { HolidayYear } from './holiday-year.ts';

/** A date as `YYYY-MM-DD` (a day in Shanghai), an ISO date-time with an offset, or a `Date`. */
export type CalendarDate = string | Date;

export interface WorkingDayCalendar {
  /** Years with holiday data, ascending; dates outside them are rejected. */
  readonly years: readonly number[];
  /** Years whose data is provisional (statutory holidays only, no official arrangement yet). */
  readonly provisionalYears: readonly number[];
  isWorkingDay(date: CalendarDate): boolean;
  /**
   * The due date of a time limit of `days` working days starting at `start`:
   * the end (23:59:59 Shanghai time) of the `days`-th working day after the
   * day of `start`; the day of `start` itself does not count. `0` gives the end
   * of the start day.
   */
  addWorkingDays(start: CalendarDate, days: number): string;
  /** Working days after the day of `from` up to and including the day of `to` (negative when `to` is earlier). */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number;
}

type DayKind = 'holiday' | 'workday';

export function createWorkingDayCalendar(data: readonly HolidayYear[]): WorkingDayCalendar {
  const exceptions = new Map<number, DayKind>();
  const years = [...new Set(data.map((year) => year.year))].sort((a, b) => a - b);
  for (const year of data) {
    for (const holiday of year.holidays) {
      const from = parsePlainDate(holiday.from);
      const to = parsePlainDate(holiday.to);
      if (from === undefined || to === undefined) {
        throw new ProcessesError(
          'CALENDAR_DATA_INVALID',
          `${year.year}: holiday ${holiday.name} has a bad date`,
        );
      }
      for (let day = from; day <= to; day += 1) exceptions.set(day, 'holiday');
    }
    for (const workday of year.makeUpWorkdays) {
      const day = parsePlainDate(workday.date);
      if (day === undefined)
        throw new ProcessesError('CALENDAR_DATA_INVALID', `${year.year}: bad date ${workday.date}`);
      exceptions.set(day, 'workday');
    }
  }
  const covered = new Set(years);

  function checkCovered(day: number): void {
    if (!covered.has(yearOfDay(day))) {
      throw new ProcessesError(
        'CALENDAR_YEAR_NOT_COVERED',
        `${dayToPlainDate(day)} is outside the years with holiday data (${years.join(', ')})`,
      );
    }
  }

  function isWorking(day: number): boolean {
    checkCovered(day);
    const kind = exceptions.get(day);
    if (kind !== undefined) return kind === 'workday';
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6;
  }

  function countAfter(from: number, to: number): number {
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (isWorking(day)) count += 1;
    return count;
  }

  return {
    years,
    provisionalYears: data.filter((year) => year.provisional).map((year) => year.year),
    isWorkingDay: (date) => isWorking(toShanghaiDay(date)),
    addWorkingDays(start, days) {
      if (!Number.isInteger(days) || days < 0) {
        throw new ProcessesError('CALENDAR_INVALID_DAYS', `${days} is not a non-negative integer`);
      }
      let day = toShanghaiDay(start);
      checkCovered(day);
      for (let remaining = days; remaining > 0;) {
        day += 1;
        if (isWorking(day)) remaining -= 1;
      }
      return endOfDay(day);
    },
    workingDaysBetween(from, to) {
      const fromDay = toShanghaiDay(from);
      const toDay = toShanghaiDay(to);
      checkCovered(fromDay);
      checkCovered(toDay);
      return toDay >= fromDay ? countAfter(fromDay, toDay) : -countAfter(toDay, fromDay);
    },
  };
}
