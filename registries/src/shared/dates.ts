/** Calendar dates as `YYYY-MM-DD` strings, computed in UTC so no local zone leaks in. */

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Today in China (UTC+8), where the registries are. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function nextMonth(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

/** Calendar months from the month of `start` to the month of `end`, both counted. */
export function monthsInclusive(start: string, end: string): number {
  if (end < start) return 0;
  const years = Number(end.slice(0, 4)) - Number(start.slice(0, 4));
  return years * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
}

/** Whole years of age on `onDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
