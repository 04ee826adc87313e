/**
 * How long a clerk has left on a task, in the terms of the working day: due today, due
 * tomorrow, N days left, or overdue by N days (hours on the day itself). Time limits are
 * set in Shanghai working days and end at 23:59:59 Shanghai time (processes' calendar), so
 * days are counted on the Shanghai calendar whatever the browser's time zone.
 */
export type TimeLeft =
  | { kind: 'none' }
  | { kind: 'overdue'; days: number; hours: number }
  | { kind: 'today'; hours: number }
  | { kind: 'tomorrow' }
  | { kind: 'days'; days: number };

/** How urgent the time left is; the UI shows it in colour and always in words as well. */
export type Urgency = 'none' | 'ok' | 'soon' | 'overdue';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** China Standard Time has no daylight saving: a fixed UTC+8. */
const SHANGHAI_OFFSET = 8 * HOUR;

/** Days since the epoch on the Shanghai calendar. */
export function shanghaiDay(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET) / DAY);
}

export function timeLeft(dueDate: string | null, now: Date): TimeLeft {
  if (dueDate === null) return { kind: 'none' };
  const due = new Date(dueDate);
  if (Number.isNaN(due.getTime())) return { kind: 'none' };
  const remaining = due.getTime() - now.getTime();
  const dayDifference = shanghaiDay(due) - shanghaiDay(now);
  if (remaining < 0) {
    return {
      kind: 'overdue',
      days: shanghaiDay(now) - shanghaiDay(due),
      hours: Math.max(1, Math.floor(-remaining / HOUR)),
    };
  }
  if (dayDifference === 0) return { kind: 'today', hours: Math.max(1, Math.ceil(remaining / HOUR)) };
  if (dayDifference === 1) return { kind: 'tomorrow' };
  return { kind: 'days', days: dayDifference };
}

export function urgency(left: TimeLeft): Urgency {
  switch (left.kind) {
    case 'none':
      return 'none';
    case 'overdue':
      return 'overdue';
    case 'today':
    case 'tomorrow':
      return 'soon';
    case 'days':
      return 'ok';
  }
}
