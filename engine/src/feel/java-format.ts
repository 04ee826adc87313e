import type { Temporal } from 'temporal-polyfill';

/**
 * Java's `toString` forms of java.time values, which Zeebe writes when it stores a FEEL temporal
 * (ZEEBE-COMPAT.md §6.1): `2023-01-01`, `10:00`, `2023-01-01T10:00Z`,
 * `2023-03-26T03:30+02:00[Europe/Berlin]`, `PT36H`, `P1Y2M`.
 */

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** java.time.LocalDate#toString: four-digit years, a sign beyond 9999 or before year 0. */
export function formatLocalDate(date: Temporal.PlainDate): string {
  const year = date.year;
  let yearText: string;
  if (Math.abs(year) < 10000) {
    yearText = (year < 0 ? '-' : '') + pad(year, 4);
  } else {
    yearText = (year > 0 ? '+' : '-') + String(Math.abs(year));
  }
  return `${yearText}-${pad(date.month)}-${pad(date.day)}`;
}

/** java.time.LocalTime#toString: seconds only when not zero, fractions in groups of three digits. */
export function formatLocalTime(time: Temporal.PlainTime): string {
  let text = `${pad(time.hour)}:${pad(time.minute)}`;
  const nanos = time.millisecond * 1_000_000 + time.microsecond * 1_000 + time.nanosecond;
  if (time.second > 0 || nanos > 0) {
    text += `:${pad(time.second)}`;
    if (nanos > 0) {
      if (nanos % 1_000_000 === 0) {
        text += '.' + pad(nanos / 1_000_000, 3);
      } else if (nanos % 1_000 === 0) {
        text += '.' + pad(nanos / 1_000, 6);
      } else {
        text += '.' + pad(nanos, 9);
      }
    }
  }
  return text;
}

export function formatLocalDateTime(dateTime: Temporal.PlainDateTime): string {
  return `${formatLocalDate(dateTime.toPlainDate())}T${formatLocalTime(dateTime.toPlainTime())}`;
}

/** java.time.ZoneOffset#getId: `Z`, `+02:00`, `-03:30:15`. */
export function formatOffset(offsetNanoseconds: number): string {
  const totalSeconds = Math.round(offsetNanoseconds / 1e9);
  if (totalSeconds === 0) {
    return 'Z';
  }
  const abs = Math.abs(totalSeconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  const sign = totalSeconds < 0 ? '-' : '+';
  return `${sign}${pad(hours)}:${pad(minutes)}${seconds ? ':' + pad(seconds) : ''}`;
}

const OFFSET_ID = /^[+-]\d{2}:\d{2}(?::\d{2})?$/;

/** Whether a zone id is a fixed offset (Java ZoneOffset) rather than a region (Java ZoneRegion). */
export function isOffsetZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Z' || OFFSET_ID.test(zone);
}

/**
 * java.time.ZonedDateTime#toString. `zone` is the FEEL zone: `UTC` (from a `Z` suffix) and
 * `±hh:mm` offsets print no region; a region (`Europe/Berlin`) is appended in brackets. A wall
 * time that does not exist in the region (a DST gap) moves forward, as Java does.
 */
export function formatZonedDateTime(dateTime: Temporal.PlainDateTime, zone: string): string {
  const zoneId = zone === 'Z' ? 'UTC' : zone;
  const zoned = dateTime.toZonedDateTime(zoneId, { disambiguation: 'compatible' });
  const base = formatLocalDateTime(zoned.toPlainDateTime()) + formatOffset(zoned.offsetNanoseconds);
  return isOffsetZone(zone) ? base : `${base}[${zone}]`;
}

/** java.time.Duration#toString (no days: `P1D` prints as `PT24H`). */
export function formatJavaDuration(duration: Temporal.Duration): string {
  const wholeSeconds =
    duration.days * 86_400 + duration.hours * 3_600 + duration.minutes * 60 + duration.seconds;
  const subNanos = duration.milliseconds * 1_000_000 + duration.microseconds * 1_000 + duration.nanoseconds;
  // Java keeps floor seconds and a non-negative nano adjustment
  let seconds = wholeSeconds + Math.floor(subNanos / 1e9);
  let nanos = subNanos - Math.floor(subNanos / 1e9) * 1e9;
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1e9;
  }
  if (seconds === 0 && nanos === 0) {
    return 'PT0S';
  }
  const effective = seconds < 0 && nanos > 0 ? seconds + 1 : seconds;
  const hours = Math.trunc(effective / 3600);
  const minutes = Math.trunc((effective % 3600) / 60);
  const secs = effective % 60;
  let text = 'PT';
  if (hours !== 0) text += `${hours}H`;
  if (minutes !== 0) text += `${minutes}M`;
  if (secs === 0 && nanos === 0 && text.length > 2) {
    return text;
  }
  if (seconds < 0 && nanos > 0) {
    text += secs === 0 ? '-0' : String(secs);
  } else {
    text += String(secs);
  }
  if (nanos > 0) {
    const fraction = String(seconds < 0 ? 1e9 - nanos : nanos)
      .padStart(9, '0')
      .replace(/0+$/, '');
    text += `.${fraction}`;
  }
  return `${text}S`;
}

/** java.time.Period#toString of a normalized years-and-months period. */
export function formatJavaPeriod(years: number, months: number): string {
  if (years === 0 && months === 0) {
    return 'P0D';
  }
  return `P${years !== 0 ? `${years}Y` : ''}${months !== 0 ? `${months}M` : ''}`;
}
