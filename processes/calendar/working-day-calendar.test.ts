import { describe, expect, it } from 'vitest';
import { ProcessesError } from '../src/errors.ts';
import {
  addWorkingDays,
  currentWorkingDayCalendar,
  holidayYears,
  isWorkingDay,
  workingDaysBetween,
} from './index.ts';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ProcessesError) return error.code;
    throw error;
  }
  return undefined;
}

describe('working days around the 2026 National Day (国庆节 10-01..10-07, 上班 09-20 and 10-10)', () => {
  it('treats 1 to 7 October 2026 as days off, weekdays included', () => {
    // given
    const days = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];

    // then
    for (const day of days) expect(isWorkingDay(day), day).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
  });

  it('counts the make-up Sunday 20 September and Saturday 10 October 2026 as working days', () => {
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-09-19')).toBe(false);
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  it('skips the holiday when a time limit crosses it and counts the make-up Saturday', () => {
    // given an application accepted on the last working day before the holiday
    const acceptedAt = '2026-09-30T10:15:00+08:00';

    // when
    const due = addWorkingDays(acceptedAt, 5);

    // then 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
    expect(due).toBe('2026-10-13T23:59:59+08:00');
    expect(workingDaysBetween(acceptedAt, due)).toBe(5);
  });

  it('treats the Mid-Autumn Festival 25 to 27 September 2026 as days off', () => {
    expect(isWorkingDay('2026-09-25')).toBe(false);
    expect(addWorkingDays('2026-09-24', 1)).toBe('2026-09-28T23:59:59+08:00');
  });
});

describe('working days around the 2026 Spring Festival (春节 02-15..02-23, 上班 02-14 and 02-28)', () => {
  it('treats 15 to 23 February 2026 as days off', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('makes the make-up Saturday 14 February the first working day after a Friday', () => {
    expect(addWorkingDays('2026-02-13T16:00:00+08:00', 1)).toBe('2026-02-14T23:59:59+08:00');
    expect(addWorkingDays('2026-02-13T16:00:00+08:00', 2)).toBe('2026-02-24T23:59:59+08:00');
  });

  it('counts the make-up Saturday 28 February as a working day', () => {
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(workingDaysBetween('2026-02-27', '2026-03-02')).toBe(2);
  });
});

describe('the covered years', () => {
  it('has 248 working days in 2025 and in 2026 (weekdays less 13 statutory holidays)', () => {
    // 1 January 2025 is a holiday, so counting after it loses nothing
    expect(workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('runs a time limit across New Year into the make-up Sunday 4 January 2026', () => {
    expect(addWorkingDays('2025-12-31T09:00:00+08:00', 1)).toBe('2026-01-04T23:59:59+08:00');
  });

  it('keeps the 2025 National Day and Mid-Autumn holiday of 8 days with its make-up days', () => {
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });

  it('marks 2027 as provisional, with the statutory Spring Festival from New Year’s Eve', () => {
    expect(currentWorkingDayCalendar().years).toEqual([2025, 2026, 2027]);
    expect(currentWorkingDayCalendar().provisionalYears).toEqual([2027]);
    expect(isWorkingDay('2027-02-05')).toBe(false);
    expect(isWorkingDay('2027-02-08')).toBe(false);
    expect(isWorkingDay('2027-02-09')).toBe(true);
  });

  it('cites the State Council notice in each official year', () => {
    for (const year of holidayYears.filter((y) => !y.provisional)) {
      expect(year.source.title).toContain(`${year.year}年部分节假日安排的通知`);
    }
  });
});

describe('dates and instants', () => {
  it('reads an instant as the day it falls on in Shanghai', () => {
    // given 17:00 UTC on 30 September is 01:00 on 1 October in Shanghai
    const instant = '2026-09-30T17:00:00Z';

    // then
    expect(isWorkingDay(instant)).toBe(false);
    expect(isWorkingDay(new Date('2026-09-30T15:59:59Z'))).toBe(true);
  });

  it('gives the end of the start day for a limit of zero days', () => {
    expect(addWorkingDays('2026-03-03T08:00:00+08:00', 0)).toBe('2026-03-03T23:59:59+08:00');
  });

  it('counts backwards when the end is before the start', () => {
    expect(workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5);
  });

  it('rejects dates outside the covered years', () => {
    expect(codeOf(() => isWorkingDay('2024-12-31'))).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(codeOf(() => addWorkingDays('2027-12-28', 10))).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(codeOf(() => workingDaysBetween('2026-01-05', '2028-01-03'))).toBe('CALENDAR_YEAR_NOT_COVERED');
  });

  it('rejects malformed dates and day counts', () => {
    expect(codeOf(() => isWorkingDay('2026-02-30'))).toBe('CALENDAR_INVALID_DATE');
    expect(codeOf(() => isWorkingDay('2026-10-01T10:00:00'))).toBe('CALENDAR_INVALID_DATE');
    expect(codeOf(() => isWorkingDay(new Date('nonsense')))).toBe('CALENDAR_INVALID_DATE');
    expect(codeOf(() => addWorkingDays('2026-03-03', -1))).toBe('CALENDAR_INVALID_DAYS');
    expect(codeOf(() => addWorkingDays('2026-03-03', 1.5))).toBe('CALENDAR_INVALID_DAYS');
  });
});
