import { ProcessesError } from '../src/errors.ts';

/**
 * Civil dates in Asia/Shanghai, held as whole days since 1970-01-01. China has
 * kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for
 * every year the calendar covers.
 */
export const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A plain date `YYYY-MM-DD` → its day number; undefined when it is not a real date. */
export function parsePlainDate(text: string): number | undefined {
  const match = DATE_ONLY.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / DAY_MS;
}

/**
 * A plain date is taken as that day in Shanghai; an instant (a `Date` or an ISO
 * date-time with `Z` or an offset) is mapped to the Shanghai day it falls on.
 */
export function toShanghaiDay(input: string | Date): number {
  if (input instanceof Date) return instantToDay(input.getTime(), String(input));
  const plain = parsePlainDate(input);
  if (plain !== undefined) return plain;
  if (DATE_TIME.test(input)) return instantToDay(Date.parse(input), input);
  throw new ProcessesError(
    'CALENDAR_INVALID_DATE',
    `"${input}" is neither YYYY-MM-DD nor an ISO date-time with an offset`,
  );
}

function instantToDay(ms: number, shown: string): number {
  if (!Number.isFinite(ms))
    throw new ProcessesError('CALENDAR_INVALID_DATE', `"${shown}" is not a valid instant`);
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayToPlainDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The last second of the day in Shanghai, as an ISO date-time with +08:00. */
export function endOfDay(day: number): string {
  return `${dayToPlainDate(day)}T23:59:59${SHANGHAI_OFFSET}`;
}
