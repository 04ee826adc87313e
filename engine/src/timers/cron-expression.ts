import { Temporal } from 'temporal-polyfill';

/**
 * Cron expressions in the syntax of Spring 5.3's CronExpression, which Zeebe uses for timer
 * cycles: six fields `second minute hour day-of-month month day-of-week`, `*`, `?` (day fields),
 * ranges, lists, steps (`*\/n`, `a-b/n`, `a/n`), names (JAN-DEC, MON-SUN; day-of-week 0 or 7 is
 * Sunday), the Quartz day forms `L`, `L-n`, `nW`, `LW` (day of month) and `dL`, `d#n` (day of
 * week), and the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly.
 * As in Spring, a time must match the day-of-month AND the day-of-week field.
 */
export interface CronExpression {
  readonly source: string;
  readonly seconds: ReadonlySet<number>;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfMonth: readonly DayRule[];
  readonly daysOfWeek: readonly DayRule[];
}

/** A test on a calendar day; a field matches when any of its rules does. */
type DayRule = (date: Temporal.PlainDate) => boolean;

export type CronParse = { ok: true; cron: CronExpression } | { ok: false; message: string };

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

class CronSyntaxError extends Error {}

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** The value of names[0]. */
  readonly namesFrom?: number;
}

const SECOND: FieldSpec = { name: 'second', min: 0, max: 59 };
const MINUTE: FieldSpec = { name: 'minute', min: 0, max: 59 };
const HOUR: FieldSpec = { name: 'hour', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { name: 'day of month', min: 1, max: 31 };
const MONTH: FieldSpec = { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 };
const DAY_OF_WEEK: FieldSpec = { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesFrom: 0 };

function parseValue(text: string, spec: FieldSpec): number {
  const upper = text.toUpperCase();
  const nameIndex = spec.names?.indexOf(upper) ?? -1;
  const value = nameIndex >= 0 ? nameIndex + (spec.namesFrom ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value)) {
    throw new CronSyntaxError(`'${text}' is not a valid ${spec.name}`);
  }
  if (value < spec.min || value > spec.max) {
    throw new CronSyntaxError(`${spec.name} ${value} is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

/** Plain values, ranges, lists and steps into the set of matching values. */
function parseBits(field: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    if (part === '') throw new CronSyntaxError(`empty list item in the ${spec.name} field '${field}'`);
    const [range = '', stepText, ...extra] = part.split('/');
    if (extra.length > 0) throw new CronSyntaxError(`'${part}' has more than one step`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) {
        throw new CronSyntaxError(`'${stepText}' is not a valid step in '${part}'`);
      }
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.max;
    } else if (range.includes('-')) {
      const [fromText = '', toText = '', ...rest] = range.split('-');
      if (rest.length > 0) throw new CronSyntaxError(`'${range}' is not a valid range`);
      from = parseValue(fromText, spec);
      to = parseValue(toText, spec);
      if (from > to) throw new CronSyntaxError(`range '${range}' ends before it starts`);
    } else {
      from = parseValue(range, spec);
      // Spring: 'a/n' runs from a to the end of the field
      to = stepText === undefined ? from : spec.max;
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

function parseDaysOfMonth(field: string): DayRule[] {
  if (field === '?' || field === '*') return [() => true];
  return field.split(',').map((part): DayRule => {
    const upper = part.toUpperCase();
    if (upper === 'L') return (date) => date.day === date.daysInMonth;
    const lastOffset = /^L-(\d+)$/.exec(upper);
    if (lastOffset) {
      const offset = Number(lastOffset[1]);
      if (offset > 30) throw new CronSyntaxError(`'${part}' is out of range`);
      return (date) => date.day === date.daysInMonth - offset;
    }
    if (upper === 'LW') return (date) => date.day === lastWeekdayOfMonth(date);
    const nearest = /^(\d+)W$/.exec(upper);
    if (nearest) {
      const day = parseValue(nearest[1] ?? '', DAY_OF_MONTH);
      return (date) => date.day === nearestWeekday(date, day);
    }
    const days = parseBits(part, DAY_OF_MONTH);
    return (date) => days.has(date.day);
  });
}

function parseDaysOfWeek(field: string): DayRule[] {
  if (field === '?' || field === '*') return [() => true];
  return field.split(',').map((part): DayRule => {
    const last = /^(\w+)L$/i.exec(part);
    if (last && !/^\d+-/.test(part)) {
      const weekday = cronWeekday(parseValue(last[1] ?? '', DAY_OF_WEEK));
      return (date) => date.dayOfWeek % 7 === weekday && date.day + 7 > date.daysInMonth;
    }
    const nth = /^(\w+)#(\d+)$/.exec(part);
    if (nth) {
      const weekday = cronWeekday(parseValue(nth[1] ?? '', DAY_OF_WEEK));
      const ordinal = Number(nth[2]);
      if (ordinal < 1 || ordinal > 5) throw new CronSyntaxError(`'${part}': the ordinal must be 1-5`);
      return (date) => date.dayOfWeek % 7 === weekday && Math.ceil(date.day / 7) === ordinal;
    }
    const weekdays = new Set([...parseBits(part, DAY_OF_WEEK)].map(cronWeekday));
    return (date) => weekdays.has(date.dayOfWeek % 7);
  });
}

/** Cron counts 0-7 with Sunday as 0 and 7; Temporal's dayOfWeek is 1 (Monday)-7 (Sunday). */
const cronWeekday = (value: number): number => value % 7;

function lastWeekdayOfMonth(date: Temporal.PlainDate): number {
  const last = date.with({ day: date.daysInMonth });
  if (last.dayOfWeek === 6) return last.day - 1;
  if (last.dayOfWeek === 7) return last.day - 2;
  return last.day;
}

/** The weekday (Mon-Fri) nearest to `day`, without leaving the month (Quartz `nW`). */
function nearestWeekday(date: Temporal.PlainDate, day: number): number {
  if (day > date.daysInMonth) return -1;
  const target = date.with({ day });
  if (target.dayOfWeek === 6) return day === 1 ? day + 2 : day - 1;
  if (target.dayOfWeek === 7) return day === date.daysInMonth ? day - 2 : day + 1;
  return day;
}

export function parseCron(text: string): CronParse {
  const source = text.trim();
  const expanded = MACROS[source.toLowerCase()] ?? source;
  const fields = expanded.split(/\s+/);
  if (fields.length !== 6) {
    return {
      ok: false,
      message: `cron expression '${text}' must have 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}`,
    };
  }
  const [second = '', minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;
  try {
    return {
      ok: true,
      cron: {
        source,
        seconds: parseBits(second, SECOND),
        minutes: parseBits(minute, MINUTE),
        hours: parseBits(hour, HOUR),
        daysOfMonth: parseDaysOfMonth(dayOfMonth),
        months: parseBits(month, MONTH),
        daysOfWeek: parseDaysOfWeek(dayOfWeek),
      },
    };
  } catch (error) {
    if (error instanceof CronSyntaxError) {
      return { ok: false, message: `invalid cron expression '${text}': ${error.message}` };
    }
    throw error;
  }
}

/** How far ahead to look before deciding an expression never fires (e.g. `0 0 0 30 2 *`). */
const SEARCH_YEARS = 8;

function dayMatches(cron: CronExpression, date: Temporal.PlainDate): boolean {
  return cron.daysOfMonth.some((rule) => rule(date)) && cron.daysOfWeek.some((rule) => rule(date));
}

function firstAtOrAfter(values: ReadonlySet<number>, from: number, max: number): number | undefined {
  for (let value = from; value <= max; value++) if (values.has(value)) return value;
  return undefined;
}

/**
 * The first instant strictly after `after` (epoch ms) that the expression matches, read on the
 * wall clock of `zone`; undefined when it never matches. Wall times inside a DST gap are skipped
 * forward, as Java's ZonedDateTime does.
 */
export function nextCronTime(cron: CronExpression, after: number, zone: string): number | undefined {
  const start = Temporal.Instant.fromEpochMilliseconds(Math.floor(after / 1000) * 1000 + 1000)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime();
  const limit = start.toPlainDate().add({ years: SEARCH_YEARS });
  let date = start.toPlainDate();
  let fromTime: Temporal.PlainTime | undefined = start.toPlainTime();
  while (Temporal.PlainDate.compare(date, limit) <= 0) {
    if (!cron.months.has(date.month)) {
      // skip the rest of a month that can never match
      date = date.with({ day: 1 }).add({ months: 1 });
      fromTime = undefined;
      continue;
    }
    if (dayMatches(cron, date)) {
      const time = firstTimeOfDay(cron, fromTime);
      if (time) {
        const instant = date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' });
        if (instant.epochMilliseconds > after) return instant.epochMilliseconds;
      }
    }
    date = date.add({ days: 1 });
    fromTime = undefined;
  }
  return undefined;
}

/** The earliest matching time of day at or after `from` (midnight when undefined). */
function firstTimeOfDay(
  cron: CronExpression,
  from: Temporal.PlainTime | undefined,
): Temporal.PlainTime | undefined {
  const fromHour = from?.hour ?? 0;
  for (
    let hour = firstAtOrAfter(cron.hours, fromHour, 23);
    hour !== undefined;
    hour = firstAtOrAfter(cron.hours, hour + 1, 23)
  ) {
    const sameHour = from !== undefined && hour === fromHour;
    const fromMinute = sameHour ? from.minute : 0;
    for (
      let minute = firstAtOrAfter(cron.minutes, fromMinute, 59);
      minute !== undefined;
      minute = firstAtOrAfter(cron.minutes, minute + 1, 59)
    ) {
      const fromSecond = sameHour && minute === fromMinute ? from.second : 0;
      const second = firstAtOrAfter(cron.seconds, fromSecond, 59);
      if (second !== undefined) return new Temporal.PlainTime(hour, minute, second);
    }
  }
  return undefined;
}
