import type { UserTaskDefinition } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';

const PREFIX = 'io.camunda.zeebe:';

export type HeadersOutcome = { ok: true; headers: Record<string, string> } | { ok: false; message: string };

/** The reserved headers of a job-based user task (§3.2); only non-empty ones are added. */
export function userTaskHeaders(
  x: Execution,
  instance: ElementInstance,
  task: UserTaskDefinition,
): HeadersOutcome {
  const headers: Record<string, string> = {};
  if (task.assignee) {
    const value = x.evaluateExpression(task.assignee, instance, 'any');
    if (!value.ok) return value;
    if (value.value !== null && typeof value.value !== 'string')
      return {
        ok: false,
        message: `Expected the assignee to be a string, but found '${JSON.stringify(value.value)}'`,
      };
    if (value.value) headers[`${PREFIX}assignee`] = value.value;
  }
  for (const [field, expression] of [
    ['candidateGroups', task.candidateGroups],
    ['candidateUsers', task.candidateUsers],
  ] as const) {
    if (!expression) continue;
    let list: unknown;
    if (expression.kind === 'static')
      list = expression.value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    else {
      const value = x.evaluateFeel(expression.source, instance, 'any');
      if (!value.ok) return value;
      list = value.value;
    }
    if (list === null) continue;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      return {
        ok: false,
        message: `Expected ${field} to be a list of strings, but found '${JSON.stringify(list)}'`,
      };
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
    const printed = typeof value.value === 'string' ? zonedDateTime(x, value.value) : undefined;
    if (printed === undefined) {
      return {
        ok: false,
        message: `Expected ${field} to be a date-time with an offset or zone, but found '${JSON.stringify(value.value)}'`,
      };
    }
    headers[`${PREFIX}${field}`] = printed;
  }
  if (task.formKey) headers[`${PREFIX}formKey`] = task.formKey;
  return { ok: true, headers };
}

const ZONED = /(Z|[+-]\d\d:\d\d)(\[[^\]]+\])?$/;

/** Re-prints an ISO date-time like Java's ZonedDateTime.toString (via the FEEL adapter's serialization). */
function zonedDateTime(x: Execution, text: string): string | undefined {
  const outcome = x.services.evaluate('date and time(value)', { value: text }, x.now, 'any');
  return outcome.ok && typeof outcome.value === 'string' && ZONED.test(outcome.value)
    ? outcome.value
    : undefined;
}
