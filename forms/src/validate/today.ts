/**
 * Today's date in China (UTC+8, no daylight saving) as `YYYY-MM-DD`. Birth and death dates are
 * Beijing dates: using the UTC date would reject a child born after midnight until 08:00.
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
