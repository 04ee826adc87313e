import { DEPARTMENTS } from '@onething/processes';
import { maskedData, visibleData } from '../applications/application-data.ts';
import type { Principal } from '../auth/access.ts';
import type { Group } from '../users/roles.ts';
import { maskIdNumbersFor } from './task-id-numbers.ts';

export const TASK_LIST_STATES = ['open', 'mine', 'done'] as const;
export type TaskListState = (typeof TASK_LIST_STATES)[number];

/** A clerk sees a task when they are in one of its candidate groups. */
export function canSeeTask(principal: Principal, task: { candidateGroups: readonly string[] }): boolean {
  return principal.groups.some((group) => task.candidateGroups.includes(group));
}

/** The reader's groups through which they see the task: theirs that are its candidate groups. */
export function readingGroups(principal: Principal, task: { candidateGroups: readonly string[] }): Group[] {
  return principal.groups.filter((group) => task.candidateGroups.includes(group));
}

/** The department whose share of the application a task's reader may see ('all' for the window). */
export function taskDataScope(
  principal: Principal,
  task: { candidateGroups: readonly string[] },
): 'all' | readonly string[] {
  const groups = readingGroups(principal, task);
  return groups.includes('window') ? 'all' : groups;
}

/** Variables a supervisor's task shows beside the application data: what the escalation or follow-up is about. */
const SUPERVISION_KEYS = ['department', 'departmentName', 'overdueSince', 'rating'] as const;

/**
 * The data a task shows its reader: all of it to the window, a department's
 * share to its clerks, and to supervisors the application's data with
 * sensitive values masked plus what the supervision is about. ID numbers of
 * people the reader's groups do not need in full are masked
 * (task-id-numbers.ts).
 */
export function taskData(
  variables: Readonly<Record<string, unknown>>,
  principal: Principal,
  task: { candidateGroups: readonly string[] },
): Record<string, unknown> {
  return maskIdNumbersFor(groupShare(variables, principal, task), readingGroups(principal, task));
}

function groupShare(
  variables: Readonly<Record<string, unknown>>,
  principal: Principal,
  task: { candidateGroups: readonly string[] },
): Record<string, unknown> {
  const scope = taskDataScope(principal, task);
  if (scope === 'all') return visibleData(variables, 'all');
  const shown = visibleData(variables, scope);
  if (!scope.includes('supervisor')) return shown;
  const supervision = Object.fromEntries(
    SUPERVISION_KEYS.filter((key) => variables[key] !== undefined).map((key) => [key, variables[key]]),
  );
  return { ...maskedData(visibleData(variables, DEPARTMENTS)), ...shown, ...supervision };
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
