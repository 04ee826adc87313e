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
    dueDate: '2026-12-04T23:59:59+08:00',
    createdAt: '2026-11-29T09:00:00+08:00',
    ...overrides,
  };
}

const tasks = [
  task('later', { dueDate: '2026-12-08T23:59:59+08:00' }),
  task('overdue', { dueDate: '2026-11-28T23:59:59+08:00', bundleKey: 'retirement' }),
  task('today', { dueDate: '2026-11-30T23:59:59+08:00', assignee: '综窗受理员', name: '统一出件' }),
  task('no-due', { dueDate: null, assignee: '另一位受理员' }),
  task('tomorrow', { dueDate: '2026-12-01T23:59:59+08:00', bundleKey: 'retirement' }),
];
const context: QueueContext = { now, mine: new Set(['today']) };
const ids = (list: TaskSummary[]) => list.map((item) => item.id);

describe('the task queue', () => {
  it('puts the earliest due date first and tasks without a due date last', () => {
    // when
    const queue = filterQueue(tasks, NO_FILTERS, context);

    // then
    expect(ids(queue)).toEqual(['overdue', 'today', 'tomorrow', 'later', 'no-due']);
  });

  it('orders tasks due at the same time by arrival, oldest first', () => {
    // given
    const same = '2026-12-02T23:59:59+08:00';
    const newer = task('newer', { dueDate: same, createdAt: '2026-11-29T12:00:00+08:00' });
    const older = task('older', { dueDate: same, createdAt: '2026-11-29T08:00:00+08:00' });

    // when / then
    expect(ids(filterQueue([newer, older], NO_FILTERS, context))).toEqual(['older', 'newer']);
  });

  it('shows under "due soon" what is due today or tomorrow and what is already overdue', () => {
    // when
    const soon = filterQueue(tasks, { ...NO_FILTERS, due: 'soon' }, context);
    const overdue = filterQueue(tasks, { ...NO_FILTERS, due: 'overdue' }, context);

    // then
    expect(ids(soon)).toEqual(['overdue', 'today', 'tomorrow']);
    expect(ids(overdue)).toEqual(['overdue']);
  });

  it('tells my tasks, unassigned ones and those another clerk holds apart', () => {
    // when / then
    expect(ids(filterQueue(tasks, { ...NO_FILTERS, assignment: 'mine' }, context))).toEqual(['today']);
    expect(ids(filterQueue(tasks, { ...NO_FILTERS, assignment: 'unassigned' }, context))).toEqual([
      'overdue',
      'tomorrow',
      'later',
    ]);
    expect(ids(filterQueue(tasks, { ...NO_FILTERS, assignment: 'others' }, context))).toEqual(['no-due']);
    expect(assignmentOf(task('x', { assignee: '综窗受理员' }), context)).toBe('others');
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
