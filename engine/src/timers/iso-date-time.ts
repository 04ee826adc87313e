import { Temporal } from 'temporal-polyfill';

export type DateTimeParse = { ok: true; epochMillis: number } | { ok: false; message: string };

// 2019-10-01T12:00[:00[.000]] then Z | ±hh:mm[:ss] | ±hhmm, then [Region] (Java ZonedDateTime),
// or @Region (FEEL). Without offset and zone the wall time is read in the server zone.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2}(?::?\d{2})?)?(?:\[([^\]]+)\]|@(.+))?$/i;

/** Parses a timeDate value (a static ISO date-time, or a FEEL date-time as Zeebe stores it). */
export function parseTimerDate(text: string, zone: string): DateTimeParse {
  const match = DATE_TIME.exec(text.trim());
  const invalid = {
    ok: false as const,
    message: `'${text}' is not an ISO-8601 date-time with an offset or zone (e.g. 2019-10-01T12:00:00Z)`,
  };
  if (!match) return invalid;
  const [, wallText = '', offset, bracketZone, feelZone] = match;
  try {
    const wall = Temporal.PlainDateTime.from(wallText.replace(',', '.'));
    if (offset) {
      const normalized = offset.toUpperCase() === 'Z' ? '+00:00' : normalizeOffset(offset);
      return {
        ok: true,
        epochMillis: Temporal.Instant.from(`${wall.toString()}${normalized}`).epochMilliseconds,
      };
    }
    const region = bracketZone ?? feelZone ?? zone;
    // a wall time in a DST gap moves forward, as ZonedDateTime.of does in Java
    return {
      ok: true,
      epochMillis: wall.toZonedDateTime(region, { disambiguation: 'compatible' }).epochMilliseconds,
    };
  } catch {
    return invalid;
  }
}

function normalizeOffset(offset: string): string {
  const digits = offset.slice(1).replace(/:/g, '');
  const sign = offset[0];
  const seconds = digits.length > 4 ? `:${digits.slice(4, 6)}` : '';
  return `${sign}${digits.slice(0, 2)}:${digits.slice(2, 4)}${seconds}`;
}
