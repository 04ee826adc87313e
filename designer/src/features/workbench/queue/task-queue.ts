import type { TaskSummary } from '../api/task.types.ts';
import { timeLeft, urgency } from './time-left.ts';

/** The queue's filters; `null` / `'all'` means "any". */
export interface QueueFilters {
  bundleKey: string | null;
  taskName: string | null;
  due: DueFilter;
  assignment: AssignmentFilter;
}

export const DUE_FILTERS = ['all', 'soon', 'overdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const ASSIGNMENT_FILTERS = ['all', 'mine', 'unassigned', 'others'] as const;
export type AssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number];

export const NO_FILTERS: QueueFilters = { bundleKey: null, taskName: null, due: 'all', assignment: 'all' };

export interface QueueContext {
  now: Date;
  /** The signed-in clerk's user id (`id` of `/api/auth/me`), compared with `assigneeId`. */
  userId: string;
}

export type Assignment = Exclude<AssignmentFilter, 'all'>;

/** By user id: two clerks may share a display name. */
export function assignmentOf(task: Pick<TaskSummary, 'assigneeId'>, context: QueueContext): Assignment {
  if (task.assigneeId === null) return 'unassigned';
  return task.assigneeId === context.userId ? 'mine' : 'others';
}

function matchesDue(task: TaskSummary, due: DueFilter, now: Date): boolean {
  if (due === 'all') return true;
  const level = urgency(timeLeft(task, now));
  // "Due soon" includes what is already late: both need the clerk's attention first.
  return due === 'overdue' ? level === 'overdue' : level === 'soon' || level === 'overdue';
}

export function matchesFilters(task: TaskSummary, filters: QueueFilters, context: QueueContext): boolean {
  return (
    (filters.bundleKey === null || task.bundleKey === filters.bundleKey) &&
    (filters.taskName === null || task.name === filters.taskName) &&
    matchesDue(task, filters.due, context.now) &&
    (filters.assignment === 'all' || assignmentOf(task, context) === filters.assignment)
  );
}

const orLast = (value: number | null) => value ?? Number.POSITIVE_INFINITY;
const timeOf = (date: string | null) => (date === null ? Number.POSITIVE_INFINITY : Date.parse(date));

/**
 * Fewest working days left first (most overdue at the top), tasks without a time limit last;
 * within a day by due time, then by arrival, oldest first.
 */
export function compareByTimeLeft(a: TaskSummary, b: TaskSummary): number {
  const days = orLast(a.workingDaysLeft) - orLast(b.workingDaysLeft);
  if (days !== 0 && !Number.isNaN(days)) return days;
  const due = timeOf(a.dueDate) - timeOf(b.dueDate);
  if (due !== 0 && !Number.isNaN(due)) return due;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

export function filterQueue(
  tasks: readonly TaskSummary[],
  filters: QueueFilters,
  context: QueueContext,
): TaskSummary[] {
  return tasks.filter((task) => matchesFilters(task, filters, context)).sort(compareByTimeLeft);
}

export interface QueueCounts {
  due: Record<DueFilter, number>;
  assignment: Record<AssignmentFilter, number>;
  bundles: Map<string, number>;
  taskNames: Map<string, number>;
}

/**
 * How many tasks each choice of a filter would show, the other filters staying as they are,
 * so that a count next to a choice is what the clerk gets by picking it.
 */
export function queueCounts(
  tasks: readonly TaskSummary[],
  filters: QueueFilters,
  context: QueueContext,
): QueueCounts {
  const count = (changed: Partial<QueueFilters>) =>
    tasks.filter((task) => matchesFilters(task, { ...filters, ...changed }, context)).length;
  const tally = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  return {
    due: { all: count({ due: 'all' }), soon: count({ due: 'soon' }), overdue: count({ due: 'overdue' }) },
    assignment: {
      all: count({ assignment: 'all' }),
      mine: count({ assignment: 'mine' }),
      unassigned: count({ assignment: 'unassigned' }),
      others: count({ assignment: 'others' }),
    },
    bundles: tally(
      tasks
        .filter((task) => matchesFilters(task, { ...filters, bundleKey: null }, context))
        .map((t) => t.bundleKey),
    ),
    taskNames: tally(
      tasks
        .filter((task) => matchesFilters(task, { ...filters, taskName: null }, context))
        .map((t) => t.name),
    ),
  };
}
