import type { UserTaskDefinition } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';

const PREFIX = 'io.camunda.zeebe:';

export type HeadersOutcome = { ok: true; headers: Record<string, string> } | { ok: false; message: string };

/** The reserved headers of a job-based user task (§3.2); only non-empty ones are added. */
export function userTaskHeaders(x: Execution, instance: ElementInstance, task: UserTaskDefinition): HeadersOutcome {
  const headers: Record<string, string> = {};
  if (task.assignee) {
    const value = x.evaluateExpression(task.assignee, instance, 'any');
    if (!value.ok) return value;
    if (value.value !== null && typeof value.value !== 'string') return { ok: false, message: `Expected the assignee to be a string, but found '${JSON.stringify(value.value)}'` };
    if (value.value) headers[`${PREFIX}assignee`] = value.value;
  }
  for (const [field, expression] of [
    ['candidateGroups', task.candidateGroups],
    ['candidateUsers', task.candidateUsers],
  ] as const) {
    if (!expression) continue;
    let list: unknown;
    if (expression.kind === 'static') list = expression.value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    else {
      const value = x.evaluateFeel(expression.source, instance, 'any');
      if (!value.ok) return value;
      list = value.value;
    }
    if (list === null) continue;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      return { ok: false, message: `Expected ${field} to be a list of strings, but found '${JSON.stringify(list)}'` };
    }
    if (list.length > 0) headers[`${PREFIX}${field}`] = JSON.stringify(list);
  }
  for (const [field, expression] of [
    ['dueDate', task.dueDate],
    ['followUpDate', task.followUpDate],
  ] as const) {
    if (!expression) continue;
    const value = x.evaluateExpression(expression, instance, 'any');
    if (!value.ok) return value;
    if (value.value === null || value.value === '') continue;
    if (typeof value.value !== 'string' || Number.isNaN(Date.parse(value.value))) {
      return { ok: false, message: `Expected ${field} to be a date-time, but found '${JSON.stringify(value.value)}'` };
    }
    headers[`${PREFIX}${field}`] = value.value;
  }
  if (task.formKey) headers[`${PREFIX}formKey`] = task.formKey;
  return { ok: true, headers };
}
