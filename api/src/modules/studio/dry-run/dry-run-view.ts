import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncidentView, ProcessInstanceView } from '@onething/engine';
import { parseBundleManifest, parseFormKey, serviceOutcomes, type ServiceOutcome } from '@onething/processes';
import { parseFormSchema, type FormSchema } from '@onething/forms';
import { AppError } from '../../../errors.ts';
import { formPath } from '../../catalogue/bundle-content.ts';
import type { EngineHistory } from '../../monitor/engine-history.ts';
import { maskVariables } from '../../monitor/mask-variables.ts';
import { userTaskNames } from '../../tasks/user-task-job.ts';
import { DryRunTaskSchema, type DryRunTask } from './dry-run-task.entity.ts';
import { DryRunSchema, type DryRun, type DryRunCancelReason } from './dry-run.entity.ts';

/** A dry run's state: the engine's, or `CANCELLED` once the designer cancelled it. */
export type DryRunState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | 'CANCELLED';

export interface DryRunTaskView {
  id: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  state: DryRunTask['state'];
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  /** The task's form from the draft the run started with; null for a task without one. */
  form: Record<string, unknown> | null;
}

export interface DryRunView {
  id: string;
  bundleKey: string;
  draftVersion: number;
  citizen: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  state: DryRunState;
  /** Why a CANCELLED run was cancelled; null otherwise. */
  cancelReason: DryRunCancelReason | null;
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  elements: ProcessInstanceView['elements'];
  incidents: IncidentView[];
  /** The instance's root variables, ID numbers masked as in the Monitor. */
  variables: Record<string, unknown>;
  /** Where each service stands (registry results, rejections), as a citizen's parts would show it. */
  outcomes: ServiceOutcome[];
  tasks: DryRunTaskView[];
}

export async function findDryRun(em: EntityManager, id: string): Promise<DryRun> {
  const run = await em.findOne(DryRunSchema, { id });
  if (run === null) throw new AppError('DRY_RUN_NOT_FOUND');
  return run;
}

/** A dry run as the Studio's panel follows it: the engine's history of its instance and its tasks. */
export async function dryRunView(
  em: EntityManager,
  history: EngineHistory,
  run: DryRun,
): Promise<DryRunView> {
  const [instance, incidents] = await history.read((reader) =>
    Promise.all([
      reader.getProcessInstance(run.processInstanceKey),
      reader.listIncidents({ processInstanceKey: run.processInstanceKey }),
    ]),
  );
  const rows = await em.find(
    DryRunTaskSchema,
    { processInstanceKey: run.processInstanceKey },
    { orderBy: { createdAt: 'asc', id: 'asc' }, exclude: ['variablesCipher'] },
  );
  const root = instance?.variables[run.processInstanceKey] ?? {};
  const manifest = parseBundleManifest(run.manifest);
  const names = userTaskNames(run.bpmn);
  // A task left by an interrupting event or the instance's end has no job any more.
  const active = new Set(
    (instance?.elements ?? []).filter((element) => element.state === 'ACTIVE').map((e) => e.elementId),
  );
  const stateOf = (task: Pick<DryRunTask, 'state' | 'elementId'>) =>
    task.state === 'open' && instance !== undefined && !active.has(task.elementId) ? 'cancelled' : task.state;
  return {
    id: run.id,
    bundleKey: run.bundleKey,
    draftVersion: run.draftVersion,
    citizen: run.citizen,
    processInstanceKey: run.processInstanceKey,
    processDefinitionKey: run.processDefinitionKey,
    bpmnProcessId: run.bpmnProcessId,
    state: run.state === 'cancelled' ? 'CANCELLED' : (instance?.state ?? 'ACTIVE'),
    cancelReason: run.state === 'cancelled' ? (run.cancelReason ?? null) : null,
    startedAt: run.startedAt.toISOString(),
    startedBy: run.startedBy,
    endedAt: instance?.endedAt ?? run.cancelledAt?.toISOString() ?? null,
    elements: instance?.elements ?? [],
    incidents,
    variables: Object.fromEntries(Object.entries(root).map(([name, value]) => [name, maskVariables(value)])),
    outcomes: manifest.ok ? serviceOutcomes(manifest.value, root) : [],
    tasks: rows.map((task) => ({
      id: task.id,
      elementId: task.elementId,
      name: names.get(task.elementId) ?? task.elementId,
      candidateGroups: task.candidateGroups,
      state: stateOf(task),
      createdAt: task.createdAt.toISOString(),
      completedAt: task.completedAt?.toISOString() ?? null,
      completedBy: task.completedBy ?? null,
      form: stateOf(task) === 'open' ? (runForm(run, task.formKey ?? null) ?? null) : null,
    })),
  };
}

/** A form of the draft the run started with, by a task's form key. */
export function runForm(run: DryRun, formKey: string | null): FormSchema | undefined {
  const parsed = formKey === null ? undefined : parseFormKey(formKey);
  if (parsed === undefined || parsed.bundleKey !== run.bundleKey) return undefined;
  const form = parseFormSchema(run.forms[formPath(parsed.formName)]);
  return form.ok ? form.schema : undefined;
}
