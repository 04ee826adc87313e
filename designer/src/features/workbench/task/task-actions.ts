import { isRecord } from '../../../app/json-guards.ts';
import type { TaskDetail } from '../api/task.types.ts';

/**
 * What a clerk may do with a task, decided from the task and who is looking: the buttons,
 * the shortcuts and the api agree because they all ask this module.
 */
export type TaskAction = 'claim' | 'unclaim' | 'complete' | 'return' | 'comment';

/** The clerk's relation to the task. */
export type TaskRelation = 'unassigned' | 'mine' | 'others' | 'closed';

export interface Viewer {
  /** The signed-in user's id (`/api/auth/me`), compared with the task's `assigneeId`. */
  id: string;
  /**
   * Whether they may read applications (`GET /api/applications/:id` is for clerks): a
   * supervisor works a follow-up from the task's own data.
   */
  readsApplications: boolean;
}

/** Decided by user id, never by display name: two clerks may share a name. */
export function taskRelation(task: Pick<TaskDetail, 'state' | 'assigneeId'>, viewer: Viewer): TaskRelation {
  if (task.state !== 'open') return 'closed';
  if (task.assigneeId === null) return 'unassigned';
  return task.assigneeId === viewer.id ? 'mine' : 'others';
}

/**
 * Return for correction is the acceptance decision "return": only a task whose form offers
 * that decision can be returned (the api answers TASK_NOT_RETURNABLE otherwise).
 */
export function isReturnable(task: Pick<TaskDetail, 'form'>): boolean {
  return findComponents(task.form?.components).some(
    (component) =>
      component.key === 'acceptance.decision' &&
      Array.isArray(component.values) &&
      component.values.some((option) => isRecord(option) && option.value === 'return'),
  );
}

function findComponents(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((component) =>
    isRecord(component) ? [component, ...findComponents(component.components)] : [],
  );
}

export interface ActionState {
  relation: TaskRelation;
  returnable: boolean;
  /** The action in flight; while one runs, nothing else starts. */
  busy: TaskAction | null;
}

const BY_RELATION: Record<TaskRelation, readonly TaskAction[]> = {
  unassigned: ['claim', 'comment'],
  mine: ['complete', 'return', 'unclaim', 'comment'],
  others: ['comment'],
  closed: [],
};

export function availableActions(state: ActionState): TaskAction[] {
  if (state.busy !== null) return [];
  return BY_RELATION[state.relation].filter((action) => action !== 'return' || state.returnable);
}

export function canDo(state: ActionState, action: TaskAction): boolean {
  return availableActions(state).includes(action);
}

/** Keys of the form fields the clerk fills in (not read-only, not disabled), as the api keeps them. */
export function editableKeys(components: unknown): string[] {
  return findComponents(components).flatMap((component) =>
    typeof component.key === 'string' && component.readonly !== true && component.disabled !== true
      ? [component.key]
      : [],
  );
}

/**
 * The variables a completion sends: only the form's own editable values, the way the api
 * keeps them (by the first segment of the key), so read-only data shown in the form (masked
 * ID numbers, results) never travels back.
 */
export function completionVariables(
  form: Record<string, unknown> | null,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const roots = new Set(editableKeys(form?.components).map((key) => key.split('.')[0] ?? key));
  return Object.fromEntries(Object.entries(submitted).filter(([key]) => roots.has(key)));
}
