import { dayToPlainDate, parsePlainDate, weekdayOfDay, yearOfDay } from './civil-date.ts';

/** One `holidays-<year>.json` file: the State Council's arrangement for a year. */
export interface HolidayYear {
  year: number;
  /** True while the official notice is not out: statutory days only, no make-up days. */
  provisional: boolean;
  source: { title: string; number: string | null; issuer: string; issuedOn: string | null; note?: string };
  holidays: { name: string; nameEn: string; from: string; to: string }[];
  /** Weekend days declared working days (调休上班日). */
  makeUpWorkdays: { date: string; for: string }[];
}

export type HolidayYearResult = { ok: true; value: HolidayYear } | { ok: false; problems: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(record: Record<string, unknown>, key: string, problems: string[], at: string): string {
  const value = record[key];
  if (typeof value === 'string' && value.length > 0) return value;
  problems.push(`${at}.${key}: expected a non-empty string`);
  return '';
}

function nullableText(record: Record<string, unknown>, key: string, problems: string[], at: string) {
  const value = record[key];
  if (value === null || (typeof value === 'string' && value.length > 0)) return value;
  problems.push(`${at}.${key}: expected a non-empty string or null`);
  return null;
}

function dateIn(year: number, value: string, problems: string[], at: string): number | undefined {
  const day = parsePlainDate(value);
  if (day === undefined) problems.push(`${at}: "${value}" is not a date YYYY-MM-DD`);
  else if (yearOfDay(day) !== year) problems.push(`${at}: ${value} is not in ${year}`);
  else return day;
  return undefined;
}

/** Validates a parsed data file; problems are returned as data, one line each. */
export function parseHolidayYear(input: unknown): HolidayYearResult {
  const problems: string[] = [];
  if (!isRecord(input)) return { ok: false, problems: ['expected an object'] };
  const year = input.year;
  if (typeof year !== 'number' || !Number.isInteger(year))
    return { ok: false, problems: ['year: expected an integer'] };
  if (typeof input.provisional !== 'boolean') problems.push('provisional: expected a boolean');
  const provisional = input.provisional === true;

  const sourceInput = isRecord(input.source) ? input.source : {};
  if (!isRecord(input.source)) problems.push('source: expected an object');
  const source: HolidayYear['source'] = {
    title: text(sourceInput, 'title', problems, 'source'),
    number: nullableText(sourceInput, 'number', problems, 'source'),
    issuer: text(sourceInput, 'issuer', problems, 'source'),
    issuedOn: nullableText(sourceInput, 'issuedOn', problems, 'source'),
  };
  if (typeof sourceInput.note === 'string') source.note = sourceInput.note;

  const holidays: HolidayYear['holidays'] = [];
  const offDays = new Set<number>();
  const holidayInput = Array.isArray(input.holidays) ? input.holidays : [];
  if (!Array.isArray(input.holidays)) problems.push('holidays: expected an array');
  holidayInput.forEach((entry: unknown, index) => {
    const at = `holidays[${index}]`;
    if (!isRecord(entry)) return void problems.push(`${at}: expected an object`);
    const holiday = {
      name: text(entry, 'name', problems, at),
      nameEn: text(entry, 'nameEn', problems, at),
      from: text(entry, 'from', problems, at),
      to: text(entry, 'to', problems, at),
    };
    const from = dateIn(year, holiday.from, problems, `${at}.from`);
    const to = dateIn(year, holiday.to, problems, `${at}.to`);
    if (from !== undefined && to !== undefined) {
      if (to < from) problems.push(`${at}: ends before it starts`);
      for (let day = from; day <= to; day += 1) {
        if (offDays.has(day)) problems.push(`${at}: ${dayToPlainDate(day)} is listed twice`);
        offDays.add(day);
      }
    }
    holidays.push(holiday);
  });

  const makeUpWorkdays: HolidayYear['makeUpWorkdays'] = [];
  const workdayInput = Array.isArray(input.makeUpWorkdays) ? input.makeUpWorkdays : [];
  if (!Array.isArray(input.makeUpWorkdays)) problems.push('makeUpWorkdays: expected an array');
  if (provisional && workdayInput.length > 0) problems.push('makeUpWorkdays: a provisional year has none');
  workdayInput.forEach((entry: unknown, index) => {
    const at = `makeUpWorkdays[${index}]`;
    if (!isRecord(entry)) return void problems.push(`${at}: expected an object`);
    const workday = { date: text(entry, 'date', problems, at), for: text(entry, 'for', problems, at) };
    const day = dateIn(year, workday.date, problems, `${at}.date`);
    if (day !== undefined) {
      const weekday = weekdayOfDay(day);
      if (weekday !== 0 && weekday !== 6) problems.push(`${at}: ${workday.date} is not a weekend day`);
      if (offDays.has(day)) problems.push(`${at}: ${workday.date} is also a holiday`);
    }
    makeUpWorkdays.push(workday);
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { year, provisional, source, holidays, makeUpWorkdays } };
}
