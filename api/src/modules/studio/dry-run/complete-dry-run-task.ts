import type { Zeebe } from '@camunda8/sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errorMessages, todayInChina, validateSubmission } from '@onething/forms';
import { STAFF_FORMS, acceptanceVariables, parseBundleManifest, parseFormKey } from '@onething/processes';
import { AppError } from '../../../errors.ts';
import { toJsonObject } from '../../applications/json-variables.ts';
import type { Principal } from '../../auth/access.ts';
import type { PersonalDataCipher } from '../../people/personal-data-cipher.ts';
import { editableKeys } from '../../tasks/complete-task.ts';
import { completionVariables } from '../../tasks/task-access.ts';
import { DryRunTaskSchema } from './dry-run-task.entity.ts';
import { runForm } from './dry-run-view.ts';
import { DryRunSchema, type DryRun } from './dry-run.entity.ts';
import { fillRequired } from './form-defaults.ts';
import { testCitizen } from './test-citizens.ts';

export interface CompleteDryRunTaskInput {
  /** The values the designer entered in the task form. */
  variables: Record<string, unknown>;
  /** Fill every required field left empty (the form's first option, today, …), as "complete with defaults". */
  defaults: boolean;
}

export interface CompleteDryRunContext {
  em: EntityManager;
  zeebe: () => Zeebe.ZeebeGrpcClient;
  cipher: PersonalDataCipher;
  principal: Principal;
  now: Date;
}

/**
 * The designer acts a dry run's user task as its clerk would: the values are
 * validated against the task form of the run's draft (with the job's
 * variables behind them), only the form's own fields go to the engine, and
 * the window's acceptance gets its due dates, as for a clerk's completion.
 */
export async function completeDryRunTask(
  run: DryRun,
  taskId: string,
  input: CompleteDryRunTaskInput,
  context: CompleteDryRunContext,
): Promise<void> {
  const task = await context.em.findOne(DryRunTaskSchema, {
    id: taskId,
    processInstanceKey: run.processInstanceKey,
  });
  if (task === null) throw new AppError('TASK_NOT_FOUND');
  if (task.state !== 'open') throw new AppError('TASK_CLOSED');
  const jobVariables = parseVariables(context.cipher.decrypt(task.variablesCipher));
  const form = runForm(run, task.formKey ?? null);
  let variables: Record<string, unknown> = {};
  if (form !== undefined) {
    const submitted = { ...jobVariables, ...input.variables };
    const today = todayInChina(context.now);
    const citizen = testCitizen(run.citizen);
    const result = input.defaults
      ? fillRequired(form, submitted, {
          today,
          idNumber: citizen?.idNumber ?? '',
          mobile: citizen?.mobile ?? '',
        })
      : validateSubmission(form, submitted, { today });
    if (!result.valid) throw new AppError('FORM_SUBMISSION_INVALID', { fields: errorMessages(result) });
    variables = completionVariables(editableKeys(form.components), result.data);
    if (parseFormKey(task.formKey ?? '')?.formName === STAFF_FORMS.windowAccept) {
      variables = windowAcceptance(run, variables, jobVariables, context.now);
    }
  }
  // The designer's activity keeps the run from expiring; recorded before the engine is asked, so an
  // expiry that locked the run first wins (this completion then finds the task closed) and one that
  // comes later sees the activity.
  await context.em.nativeUpdate(DryRunSchema, { id: run.id }, { lastActivityAt: context.now });
  try {
    await context.zeebe().completeJob({ jobKey: task.jobKey, variables: toJsonObject(variables) });
  } catch (error) {
    if (grpcCode(error) === GRPC_NOT_FOUND) {
      await context.em.nativeUpdate(DryRunTaskSchema, { id: task.id, state: 'open' }, { state: 'cancelled' });
      throw new AppError('TASK_CLOSED');
    }
    throw Object.assign(new AppError('ENGINE_UNAVAILABLE'), { cause: error });
  }
  await context.em.nativeUpdate(
    DryRunTaskSchema,
    { id: task.id },
    { state: 'completed', completedAt: context.now, completedBy: context.principal.username },
  );
}

const GRPC_NOT_FOUND = 5;

/** The acceptance variables a clerk's acceptance would send (complete-task.ts), with the due dates. */
function windowAcceptance(
  run: DryRun,
  variables: Record<string, unknown>,
  jobVariables: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  const manifest = parseBundleManifest(run.manifest);
  const acceptance = record(variables['acceptance']);
  const decision = acceptance['decision'];
  if (!manifest.ok || (decision !== 'accept' && decision !== 'return' && decision !== 'reject')) {
    throw new AppError('FORM_SUBMISSION_INVALID', {
      fields: { 'acceptance.decision': 'accept, return or reject' },
    });
  }
  const extra: { reason?: string; comment?: string; materialsChecked?: string[] } = {};
  if (typeof acceptance['reason'] === 'string' && acceptance['reason'] !== '')
    extra.reason = acceptance['reason'];
  if (typeof acceptance['comment'] === 'string' && acceptance['comment'] !== '')
    extra.comment = acceptance['comment'];
  if (Array.isArray(acceptance['materialsChecked']))
    extra.materialsChecked = strings(acceptance['materialsChecked']);
  return acceptanceVariables(manifest.value, decision, now, strings(jobVariables['services']), extra);
}

function parseVariables(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  const parsed: unknown = JSON.parse(json);
  return record(parsed);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}
