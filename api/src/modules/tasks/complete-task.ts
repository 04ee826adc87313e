import type { Zeebe } from '@camunda8/sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errorMessages, validateSubmission } from '@onething/forms';
import { STAFF_FORMS, acceptanceVariables, type AcceptanceDecision } from '@onething/processes';
import { AppError } from '../../errors.ts';
import type { Principal } from '../auth/access.ts';
import {
  ApplicationEventSchema,
  ApplicationSchema,
  type ApplicationStatus,
  type StoredDueDates,
} from '../applications/application.entity.ts';
import { toJsonObject } from '../applications/json-variables.ts';
import { completeFollowUp } from './complete-follow-up.ts';
import { completionVariables } from './task-access.ts';
import type { TaskForm } from './task-form.ts';
import type { UserTask } from './user-task.entity.ts';
import { UserTaskSchema } from './user-task.entity.ts';

export interface CompleteContext {
  em: EntityManager;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  principal: Principal;
  now: Date;
  /** The job's variables as the bridge kept them (decrypted). */
  jobVariables: Record<string, unknown>;
  /**
   * With a return for correction: the keys of the combined form the citizen
   * must correct (checked by the caller), kept as `acceptance.fields`.
   */
  returnedFields?: readonly string[];
}

/**
 * Completes a clerk's task: the submitted values are validated against the
 * task form (with the job's variables behind them, so that the read-only
 * fields the form shows have their values), only the form's own fields are
 * sent, and the window's acceptance gets its due dates. The job is completed
 * first; the task row follows only once the engine took it.
 */
export async function completeTask(
  task: UserTask,
  form: TaskForm | undefined,
  submitted: Record<string, unknown>,
  context: CompleteContext,
): Promise<void> {
  if (task.state !== 'open') throw new AppError('TASK_CLOSED');
  if (task.assigneeId !== context.principal.id) throw new AppError('TASK_NOT_ASSIGNED_TO_YOU');
  let variables: Record<string, unknown> = {};
  let decision: AcceptanceDecision | undefined;
  if (form !== undefined) {
    const result = validateSubmission(form.form, { ...context.jobVariables, ...submitted });
    if (!result.valid) throw new AppError('FORM_SUBMISSION_INVALID', { fields: errorMessages(result) });
    variables = completionVariables(editableKeys(form.form.components), result.data);
    if (form.name === STAFF_FORMS.windowAccept) {
      const acceptance = record(variables.acceptance);
      decision = acceptanceDecision(acceptance.decision);
      // The due dates follow the time limits of the application's own bundle version.
      const manifest = form.bundle?.manifest;
      if (manifest === undefined || decision === undefined) throw new AppError('FORM_SUBMISSION_INVALID');
      const services = stringList(context.jobVariables.services);
      const extra: { reason?: string; comment?: string; materialsChecked?: string[] } = {};
      if (typeof acceptance.reason === 'string' && acceptance.reason !== '') extra.reason = acceptance.reason;
      if (typeof acceptance.comment === 'string' && acceptance.comment !== '')
        extra.comment = acceptance.comment;
      if (Array.isArray(acceptance.materialsChecked))
        extra.materialsChecked = stringList(acceptance.materialsChecked);
      variables = acceptanceVariables(manifest, decision, context.now, services, extra);
      const fields = context.returnedFields ?? [];
      if (decision === 'return' && fields.length > 0)
        variables = { ...variables, acceptance: { ...record(variables.acceptance), fields: [...fields] } };
    }
  }
  const jobKey = task.jobKey ?? null;
  if (jobKey === null) {
    await completeFollowUp(task, variables, context);
    return;
  }
  try {
    await context.zeebe().completeJob({ jobKey, variables: toJsonObject(variables) });
  } catch (error) {
    if (grpcCode(error) === 5) {
      await context.em.nativeUpdate(UserTaskSchema, { id: task.id, state: 'open' }, { state: 'cancelled' });
      throw new AppError('TASK_CLOSED');
    }
    throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
  }
  await context.em.nativeUpdate(
    UserTaskSchema,
    { id: task.id },
    { state: 'completed', completedAt: context.now, completedBy: context.principal.displayName },
  );
  if (task.applicationId !== null && task.applicationId !== undefined) {
    await context.em.insert(ApplicationEventSchema, {
      applicationId: task.applicationId,
      at: context.now,
      event: decision === undefined ? 'task.completed' : `application.${decisionEvent(decision)}`,
      by: context.principal.displayName,
      details: { task: task.name, ...returnDetails(decision, variables) },
    });
    const status = nextStatus(form?.name, decision);
    if (status !== undefined) {
      await context.em.nativeUpdate(
        ApplicationSchema,
        { id: task.applicationId },
        {
          status,
          updatedAt: context.now,
          ...(decision === 'accept' ? { acceptedAt: context.now, dueDates: storedDueDates(variables) } : {}),
          ...(status === 'completed' ? { completedAt: context.now } : {}),
        },
      );
    }
  }
}

/** The application status a completed staff task leads to. */
export function nextStatus(
  formName: string | undefined,
  decision: AcceptanceDecision | undefined,
): ApplicationStatus | undefined {
  if (formName === STAFF_FORMS.deliverResults) return 'completed';
  // `processing` follows when a department starts (the application-progress worker).
  if (decision === 'accept') return 'accepted';
  if (decision === 'return') return 'returned';
  if (decision === 'reject') return 'rejected';
  return undefined;
}

function decisionEvent(decision: AcceptanceDecision): string {
  return decision === 'accept' ? 'accepted' : decision === 'return' ? 'returned' : 'rejected';
}

/** Keys of the fields a clerk fills in (not read-only, not disabled). */
export function editableKeys(components: readonly unknown[]): string[] {
  return components.flatMap((component) => {
    const c = record(component);
    const own = typeof c.key === 'string' && c.readonly !== true && c.disabled !== true ? [c.key] : [];
    return [...own, ...(Array.isArray(c.components) ? editableKeys(c.components) : [])];
  });
}

/** The due dates acceptance variables carry (`dueAt`, `parts.<department>.dueAt`). */
function storedDueDates(variables: Record<string, unknown>): StoredDueDates | null {
  if (typeof variables.dueAt !== 'string') return null;
  const parts: StoredDueDates['parts'] = {};
  for (const [department, part] of Object.entries(record(variables.parts))) {
    const dueAt = record(part).dueAt;
    if (typeof dueAt === 'string') parts[department] = { dueAt };
  }
  return { dueAt: variables.dueAt, parts };
}

/** A return's reason (and fields, when the form names them), for the citizen's view of the application. */
function returnDetails(
  decision: AcceptanceDecision | undefined,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  if (decision !== 'return') return {};
  const acceptance = record(variables.acceptance);
  return {
    ...(typeof acceptance.reason === 'string' ? { reason: acceptance.reason } : {}),
    ...(Array.isArray(acceptance.fields) ? { fields: stringList(acceptance.fields) } : {}),
  };
}

function acceptanceDecision(value: unknown): AcceptanceDecision | undefined {
  return value === 'accept' || value === 'return' || value === 'reject' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}
