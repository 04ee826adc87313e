import type { StatsRange } from '../api/monitor.api.ts';

export const RANGE_DAYS = [7, 30, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

const DAY_MS = 86_400_000;
/** China Standard Time, UTC+8 all year: the api counts `from` and `to` as days in China. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD` of a time already shifted to China time (read with the UTC calendar). */
function isoDay(shifted: Date): string {
  return shifted.toISOString().slice(0, 10);
}

/** The last `days` days in China up to and including the day `now` falls on there. */
export function lastDays(days: RangeDays, now: Date): StatsRange {
  const today = new Date(now.getTime() + CHINA_OFFSET_MS);
  const from = new Date(today.getTime() - (days - 1) * DAY_MS);
  return { from: isoDay(from), to: isoDay(today) };
}
