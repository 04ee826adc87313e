import { afterEach, describe, expect, it } from 'vitest';
import type { HolidayYear } from './holiday-year.ts';
import { addWorkingDays, currentWorkingDayCalendar, isWorkingDay, useHolidayYears } from './index.ts';

function officialYear(year: number, holidays: HolidayYear['holidays'], makeUp: string[]): HolidayYear {
  return {
    year,
    provisional: false,
    source: {
      title: `国务院办公厅关于${year}年部分节假日安排的通知`,
      number: null,
      issuer: '国务院办公厅',
      issuedOn: null,
    },
    holidays,
    makeUpWorkdays: makeUp.map((date) => ({ date, for: '春节' })),
  };
}

describe("the operator's holiday files", () => {
  afterEach(() => {
    useHolidayYears([]);
  });

  it('replace a provisional shipped year, make-up working days included', () => {
    // given: a notice for 2027 with a Spring Festival from 5 to 11 February and Sunday 14 February worked
    const notice = officialYear(
      2027,
      [{ name: '春节', nameEn: 'Spring Festival', from: '2027-02-05', to: '2027-02-11' }],
      ['2027-02-14'],
    );
    expect(isWorkingDay('2027-02-09')).toBe(true);

    // when
    useHolidayYears([notice]);

    // then
    expect(currentWorkingDayCalendar().provisionalYears).toEqual([]);
    expect(isWorkingDay('2027-02-09')).toBe(false);
    expect(isWorkingDay('2027-02-14')).toBe(true);
    // only the file's holidays count now: the shipped 2027 New Year's Day is gone with the provisional data
    expect(isWorkingDay('2027-01-01')).toBe(true);
  });

  it('add a year the package does not cover, so that due dates can run into it', () => {
    // given: 2028 is not shipped
    expect(() => addWorkingDays('2027-12-28', 5)).toThrow(/outside the years/);

    // when
    useHolidayYears([
      officialYear(
        2028,
        [{ name: '元旦', nameEn: "New Year's Day", from: '2028-01-01', to: '2028-01-03' }],
        [],
      ),
    ]);

    // then: from Tuesday 28 December, Wed 29, Thu 30, Fri 31, (1–3 January off) Tue 4, Wed 5
    expect(currentWorkingDayCalendar().years).toEqual([2025, 2026, 2027, 2028]);
    expect(addWorkingDays('2027-12-28', 5)).toBe('2028-01-05T23:59:59+08:00');
  });
});
