import { workingDaysBetween } from '@onething/processes';

/**
 * Working days after today up to the due day on the platform's working-day
 * calendar (0: due today; negative: the due day has passed), as the monitor's
 * breaches and the clerks' task summaries show them. Outside the calendar's
 * years, calendar days stand in.
 */
export function workingDaysLeft(now: Date, due: Date): number {
  try {
    return workingDaysBetween(now, due);
  } catch {
    return Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
  }
}

/** The start of the day in China (UTC+8, no daylight saving), as epoch milliseconds. */
function startOfDay(at: Date): number {
  const shanghai = at.getTime() + 8 * 3_600_000;
  return shanghai - (shanghai % 86_400_000);
}
