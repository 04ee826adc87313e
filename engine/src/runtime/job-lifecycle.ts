import type { ElementModel, Expression } from '../model/process-model.ts';
import type { ElementInstance, Job } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident } from './incidents.ts';
import { userTaskHeaders } from './user-task-headers.ts';

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function evaluate<T>(
  x: Execution,
  expression: Expression,
  instance: ElementInstance,
  check: (value: unknown) => T | undefined,
  what: string,
): Outcome<T> {
  const outcome = x.evaluateExpression(expression, instance, 'any');
  if (!outcome.ok) return outcome;
  const value = check(outcome.value);
  return value === undefined
    ? { ok: false, message: `Expected ${what}, but found '${JSON.stringify(outcome.value)}'` }
    : { ok: true, value };
}

const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);
const asInteger = (value: unknown) => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? Math.trunc(number) : undefined;
};

/** Creates the task's job (§3.1): type and retries are evaluated after the input mappings. */
export function createJob(x: Execution, instance: ElementInstance, element: ElementModel): void {
  const definition = element.job;
  if (!definition) throw new Error(`element ${element.id} has no job definition`);
  const type = evaluate(x, definition.type, instance, asString, 'the job type to be a string');
  const retries = type.ok
    ? evaluate(x, definition.retries, instance, asInteger, 'the job retries to be a number')
    : type;
  if (!type.ok || !retries.ok) {
    raiseIncident(
      x,
      instance,
      'EXTRACT_VALUE_ERROR',
      type.ok ? (retries.ok ? '' : retries.message) : type.message,
    );
    return;
  }
  let headers: Record<string, string> = { ...definition.headers };
  if (definition.userTask) {
    const extra = userTaskHeaders(x, instance, definition.userTask);
    if (!extra.ok) {
      raiseIncident(x, instance, 'EXTRACT_VALUE_ERROR', extra.message);
      return;
    }
    headers = { ...headers, ...extra.headers };
  }
  const processDefinition = x.definition(instance.definitionKey);
  const job: Job = {
    key: x.nextKey(),
    type: type.value,
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    bpmnProcessId: processDefinition.bpmnProcessId,
    definitionKey: processDefinition.key,
    version: processDefinition.version,
    customHeaders: JSON.stringify(headers),
    state: 'ACTIVATABLE',
    retries: retries.value,
    worker: '',
    deadline: 0,
    backoffUntil: 0,
    errorMessage: '',
    createdAt: x.now,
  };
  x.state.putJob(job);
  x.changes.created.add(job.key);
  x.saveJob(job);
  instance.jobKey = job.key;
  x.saveElement(instance);
}

/** Deletes a job whose element instance is leaving (completed jobs are removed before). */
export function cancelJobOf(x: Execution, instance: ElementInstance): void {
  const job = instance.jobKey === undefined ? undefined : x.state.jobs.get(instance.jobKey);
  delete instance.jobKey;
  if (!job) return;
  removeJob(x, job, 'CANCELED');
}

export function removeJob(x: Execution, job: Job, finalState: 'COMPLETED' | 'CANCELED'): void {
  x.state.removeJob(job);
  x.changes.jobs.set(job.key, null);
  x.changes.activatableJobs.delete(job.key);
  x.changes.history.jobs.set(job.key, {
    key: job.key,
    processInstanceKey: job.processInstanceKey,
    elementInstanceKey: job.elementInstanceKey,
    elementId: job.elementId,
    type: job.type,
    state: finalState,
    retries: job.retries,
    worker: job.worker,
    errorMessage: job.errorMessage,
    updatedAt: x.now,
  });
}

/** Moves a job to a new state and keeps the activatable index and due queue in step. */
export function updateJob(
  x: Execution,
  job: Job,
  change: Partial<Pick<Job, 'state' | 'retries' | 'worker' | 'deadline' | 'backoffUntil' | 'errorMessage'>>,
): void {
  Object.assign(job, change);
  x.state.indexJob(job);
  x.saveJob(job);
}
