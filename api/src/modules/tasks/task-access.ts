import type { Principal } from '../auth/access.ts';

export const TASK_LIST_STATES = ['open', 'mine', 'done'] as const;
export type TaskListState = (typeof TASK_LIST_STATES)[number];

/** A clerk sees a task when they are in one of its candidate groups. */
export function canSeeTask(principal: Principal, task: { candidateGroups: readonly string[] }): boolean {
  return principal.groups.some((group) => task.candidateGroups.includes(group));
}

/** The department whose share of the application a task's reader may see ('all' for the window). */
export function taskDataScope(
  principal: Principal,
  task: { candidateGroups: readonly string[] },
): 'all' | readonly string[] {
  const groups = principal.groups.filter((group) => task.candidateGroups.includes(group));
  return groups.includes('window') ? 'all' : groups;
}

/**
 * The keys a clerk's completion may set: the form's own editable fields, by
 * their first segment (`review`, `acceptance`, `delivery` ...). Read-only
 * fields show data (`child.name`, `results.*`) and are never written back.
 */
export function completionVariables(
  editableKeys: readonly string[],
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const roots = new Set(editableKeys.map((key) => key.split('.')[0] ?? key));
  return Object.fromEntries(Object.entries(data).filter(([key]) => roots.has(key)));
}
