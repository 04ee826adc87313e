import type { TaskSummary } from '../api/task.types.ts';

/**
 * How long a clerk has left on a task, in working days as the api counts them on the
 * platform's working-day calendar (`workingDaysLeft`): overdue by N working days, due today
 * (hours left, or overdue by hours when the due time has passed today), or N working days
 * left. The due date itself only adds the hours on the last day.
 */
export type TimeLeft =
  | { kind: 'none' }
  | { kind: 'overdue'; workingDays: number }
  | { kind: 'overdueToday'; hours: number }
  | { kind: 'today'; hours: number | null }
  | { kind: 'workingDays'; workingDays: number };

/** How urgent the time left is; the UI shows it in colour and always in words as well. */
export type Urgency = 'none' | 'ok' | 'soon' | 'overdue';

/** At most this many working days left counts as "due soon". */
export const SOON_WORKING_DAYS = 1;

const HOUR = 3_600_000;

export function timeLeft(task: Pick<TaskSummary, 'dueDate' | 'workingDaysLeft'>, now: Date): TimeLeft {
  const days = task.workingDaysLeft;
  if (days === null) return { kind: 'none' };
  if (days < 0) return { kind: 'overdue', workingDays: -days };
  const due = task.dueDate === null ? Number.NaN : Date.parse(task.dueDate);
  const remaining = due - now.getTime();
  // The count is from when the api answered; the clock shows a due time passing meanwhile.
  if (remaining < 0) return { kind: 'overdueToday', hours: Math.max(1, Math.floor(-remaining / HOUR)) };
  if (days === 0)
    return {
      kind: 'today',
      hours: Number.isNaN(remaining) ? null : Math.max(1, Math.ceil(remaining / HOUR)),
    };
  return { kind: 'workingDays', workingDays: days };
}

export function urgency(left: TimeLeft): Urgency {
  switch (left.kind) {
    case 'none':
      return 'none';
    case 'overdue':
    case 'overdueToday':
      return 'overdue';
    case 'today':
      return 'soon';
    case 'workingDays':
      return left.workingDays <= SOON_WORKING_DAYS ? 'soon' : 'ok';
  }
}
