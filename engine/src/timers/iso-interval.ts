import { Temporal } from 'temporal-polyfill';

/**
 * An ISO-8601 duration as Zeebe reads it (model `Interval`): the calendar part (years, months,
 * weeks, days: java.time.Period) is added on the calendar of the server zone, the time part
 * (hours, minutes, seconds: java.time.Duration) as exact milliseconds.
 */
export interface IsoInterval {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  /** The time part in milliseconds (fractions of a millisecond are dropped). */
  readonly timeMillis: number;
}

export type IntervalParse = { ok: true; interval: IsoInterval } | { ok: false; message: string };

// PnYnMnWnDTnHnMnS; each number may carry its own sign, the whole text a leading one (Java's
// Period.parse / Duration.parse); a T needs at least one time component after it.
const DURATION =
  /^([-+])?P(?:([-+]?\d+)Y)?(?:([-+]?\d+)M)?(?:([-+]?\d+)W)?(?:([-+]?\d+)D)?(?:T(?=[-+]?\d)(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/i;

export function parseIsoInterval(text: string): IntervalParse {
  const match = DURATION.exec(text.trim());
  if (!match || !/\d/.test(text)) {
    return { ok: false, message: `'${text}' is not an ISO-8601 duration (PnYnMnWnDTnHnMnS)` };
  }
  const sign = match[1] === '-' ? -1 : 1;
  const number = (group: string | undefined): number => (group ? sign * Number(group) : 0);
  const fraction = match[9] ? Math.trunc(Number(`0.${match[9]}`) * 1000) : 0;
  const secondsText = match[8];
  const seconds = number(secondsText);
  const secondSign = secondsText?.startsWith('-') ? -1 : 1;
  const timeMillis =
    number(match[6]) * 3_600_000 + number(match[7]) * 60_000 + seconds * 1000 + sign * secondSign * fraction;
  const interval: IsoInterval = {
    years: number(match[2]),
    months: number(match[3]),
    weeks: number(match[4]),
    days: number(match[5]),
    timeMillis,
  };
  if (
    ![interval.years, interval.months, interval.weeks, interval.days, timeMillis].every(Number.isSafeInteger)
  ) {
    return { ok: false, message: `'${text}' is too large a duration` };
  }
  return { ok: true, interval };
}

function hasCalendarPart(interval: IsoInterval): boolean {
  return interval.years !== 0 || interval.months !== 0 || interval.weeks !== 0 || interval.days !== 0;
}

/**
 * The instant `interval` after `from`: calendar units move the wall clock of `zone` (a month
 * after Jan 31 is the last day of February; a day keeps the local time across DST), the time part
 * adds exact milliseconds.
 */
export function addInterval(from: number, interval: IsoInterval, zone: string): number {
  if (!hasCalendarPart(interval)) {
    return from + interval.timeMillis;
  }
  const start = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  const shifted = start.add({
    years: interval.years,
    months: interval.months,
    weeks: interval.weeks,
    days: interval.days,
  });
  return shifted.epochMilliseconds + interval.timeMillis;
}
