import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../api/task.types.ts';
import { NO_FILTERS, assignmentOf, filterQueue, queueCounts, type QueueContext } from './task-queue.ts';

const now = new Date('2026-11-30T10:00:00+08:00');

function task(id: string, overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id,
    name: '综窗受理',
    state: 'open',
    bundleKey: 'newborn',
    applicationId: `app-${id}`,
    candidateGroups: ['window'],
    assignee: null,
    assigneeId: null,
    dueDate: '2026-12-04T23:59:59+08:00',
    workingDaysLeft: 4,
    createdAt: '2026-11-29T09:00:00+08:00',
    ...overrides,
  };
}

const tasks = [
  task('later', { dueDate: '2026-12-08T23:59:59+08:00', workingDaysLeft: 6 }),
  task('overdue', { dueDate: '2026-11-27T23:59:59+08:00', workingDaysLeft: -1, bundleKey: 'retirement' }),
  task('today', {
    dueDate: '2026-11-30T23:59:59+08:00',
    workingDaysLeft: 0,
    assignee: '综窗受理员',
    assigneeId: 'u-3',
    name: '统一出件',
  }),
  // A colleague with the same display name: only the id says the task is not mine.
  task('no-due', { dueDate: null, workingDaysLeft: null, assignee: '综窗受理员', assigneeId: 'u-7' }),
  task('next', { dueDate: '2026-12-01T23:59:59+08:00', workingDaysLeft: 1, bundleKey: 'retirement' }),
];
const context: QueueContext = { now, userId: 'u-3' };
const ids = (list: TaskSummary[]) => list.map((item) => item.id);

describe('the task queue', () => {
  it('puts the fewest working days left first and tasks without a time limit last', () => {
    // when
    const queue = filterQueue(tasks, NO_FILTERS, context);

    // then
    expect(ids(queue)).toEqual(['overdue', 'today', 'next', 'later', 'no-due']);
  });

  it('orders tasks due at the same time by arrival, oldest first', () => {
    // given
    const same = { dueDate: '2026-12-02T23:59:59+08:00', workingDaysLeft: 2 };
    const newer = task('newer', { ...same, createdAt: '2026-11-29T12:00:00+08:00' });
    const older = task('older', { ...same, createdAt: '2026-11-29T08:00:00+08:00' });

    // when / then
    expect(ids(filterQueue([newer, older], NO_FILTERS, context))).toEqual(['older', 'newer']);
  });

  it('shows under "due soon" what has at most one working day left and what is already overdue', () => {
    // when
    const soon = filterQueue(tasks, { ...NO_FILTERS, due: 'soon' }, context);
    const overdue = filterQueue(tasks, { ...NO_FILTERS, due: 'overdue' }, context);

    // then
    expect(ids(soon)).toEqual(['overdue', 'today', 'next']);
    expect(ids(overdue)).toEqual(['overdue']);
  });

  it('tells my tasks, unassigned ones and those another clerk holds apart by user id, not by name', () => {
    // when / then
    expect(ids(filterQueue(tasks, { ...NO_FILTERS, assignment: 'mine' }, context))).toEqual(['today']);
    expect(ids(filterQueue(tasks, { ...NO_FILTERS, assignment: 'unassigned' }, context))).toEqual([
      'overdue',
      'next',
      'later',
    ]);
    expect(ids(filterQueue(tasks, { ...NO_FILTERS, assignment: 'others' }, context))).toEqual(['no-due']);
    expect(assignmentOf(task('x', { assignee: '综窗受理员', assigneeId: 'u-7' }), context)).toBe('others');
  });

  it('combines the bundle, task name and due filters', () => {
    // when
    const queue = filterQueue(tasks, { ...NO_FILTERS, bundleKey: 'retirement', due: 'overdue' }, context);
    const byName = filterQueue(tasks, { ...NO_FILTERS, taskName: '统一出件' }, context);

    // then
    expect(ids(queue)).toEqual(['overdue']);
    expect(ids(byName)).toEqual(['today']);
  });

  it('counts for each choice what picking it would show, the other filters kept', () => {
    // given: the clerk looks at the retirement bundle only
    const filters = { ...NO_FILTERS, bundleKey: 'retirement' };

    // when
    const counts = queueCounts(tasks, filters, context);

    // then
    expect(counts.due).toEqual({ all: 2, soon: 2, overdue: 1 });
    expect(counts.assignment).toEqual({ all: 2, mine: 0, unassigned: 2, others: 0 });
    // the bundle facet ignores the bundle filter itself, so every bundle keeps its count
    expect(Object.fromEntries(counts.bundles)).toEqual({ newborn: 3, retirement: 2 });
    expect(Object.fromEntries(counts.taskNames)).toEqual({ 综窗受理: 2 });
  });
});
