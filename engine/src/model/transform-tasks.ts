import { toExpression } from './expression.ts';
import { extension, extensions, children, str, type ModdleNode } from './moddle-node.ts';
import type { JobDefinition, UserTaskDefinition, VariableMapping } from './process-model.ts';
import { noteExpression, requireFeel, type TransformContext } from './transform-context.ts';

const RESERVED_HEADER_PREFIX = 'io.camunda.zeebe:';

export function transformMappings(
  context: TransformContext,
  node: ModdleNode,
  id: string,
): { inputs: VariableMapping[]; outputs: VariableMapping[] } {
  const all = extensions(node, 'zeebe:IoMapping');
  if (all.length > 1) context.problems.add(id, "must have at most one 'zeebe:ioMapping' extension element");
  const io = all[0];
  if (!io) return { inputs: [], outputs: [] };
  const read = (kind: 'input' | 'output', property: string): VariableMapping[] =>
    children(io, property).flatMap((parameter) => {
      const target = str(parameter, 'target')?.trim() ?? '';
      const source = str(parameter, 'source') ?? '';
      if (target === '') {
        context.problems.add(id, `every zeebe:${kind} needs a target`);
        return [];
      }
      if (kind === 'output') {
        const feel = requireFeel(context, id, `the source of output '${target}'`, source);
        return feel === undefined ? [] : [{ source: { kind: 'feel', source: feel }, target }];
      }
      if (source.trim() === '') {
        context.problems.add(id, `input '${target}' needs a source`);
        return [];
      }
      noteExpression(context, id, `the source of input '${target}'`, source);
      return [{ source: toExpression(source), target }];
    });
  return { inputs: read('input', 'inputParameters'), outputs: read('output', 'outputParameters') };
}

export function transformHeaders(
  context: TransformContext,
  node: ModdleNode,
  id: string,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const container of extensions(node, 'zeebe:TaskHeaders')) {
    for (const header of children(container, 'values')) {
      const key = str(header, 'key') ?? '';
      const value = str(header, 'value') ?? '';
      if (key.startsWith(RESERVED_HEADER_PREFIX))
        context.problems.add(id, `header key '${key}' uses the reserved prefix '${RESERVED_HEADER_PREFIX}'`);
      if (seen.has(key) && key !== '')
        context.problems.add(id, `header key '${key}' is defined more than once`);
      seen.add(key);
      if (key !== '' && value !== '') headers[key] = value;
    }
  }
  return headers;
}

/** `zeebe:taskDefinition` of a job-worker element; undefined (with a problem) when missing or invalid. */
export function transformJob(
  context: TransformContext,
  node: ModdleNode,
  id: string,
): JobDefinition | undefined {
  const definitions = extensions(node, 'zeebe:TaskDefinition');
  if (definitions.length !== 1) {
    context.problems.add(id, "must have exactly one 'zeebe:taskDefinition' extension element");
    return undefined;
  }
  const definition = definitions[0];
  const type = definition ? (str(definition, 'type') ?? '') : '';
  if (type.trim() === '') {
    context.problems.add(id, "'zeebe:taskDefinition' must have a non-empty type");
    return undefined;
  }
  const retries = (definition && str(definition, 'retries')?.trim()) || '3';
  noteExpression(context, id, 'the job type', type);
  noteExpression(context, id, 'the job retries', retries);
  if (!retries.startsWith('=') && !/^-?\d+$/.test(retries))
    context.problems.add(id, `job retries '${retries}' is not a number`);
  return {
    type: toExpression(type),
    retries: toExpression(retries),
    headers: transformHeaders(context, node, id),
  };
}

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

export function transformUserTask(
  context: TransformContext,
  node: ModdleNode,
  id: string,
): JobDefinition | undefined {
  if (extension(node, 'zeebe:UserTask')) {
    context.problems.add(
      id,
      "Zeebe user tasks ('zeebe:userTask', 8.5+) are not supported by this engine; use a job-based user task",
    );
    return undefined;
  }
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const schedule = extension(node, 'zeebe:TaskSchedule');
  const form = extension(node, 'zeebe:FormDefinition');
  const userTask: { -readonly [K in keyof UserTaskDefinition]: UserTaskDefinition[K] } = {};
  const optional = (owner: ModdleNode | undefined, property: string, what: string) => {
    const text = owner ? str(owner, property)?.trim() : undefined;
    if (!text) return undefined;
    noteExpression(context, id, what, text);
    return toExpression(text);
  };
  userTask.assignee = optional(assignment, 'assignee', 'the assignee');
  userTask.candidateGroups = optional(assignment, 'candidateGroups', 'the candidate groups');
  userTask.candidateUsers = optional(assignment, 'candidateUsers', 'the candidate users');
  userTask.dueDate = optional(schedule, 'dueDate', 'the due date');
  userTask.followUpDate = optional(schedule, 'followUpDate', 'the follow-up date');
  if (form) {
    const formKey = str(form, 'formKey')?.trim();
    if (str(form, 'formId')?.trim())
      context.problems.add(
        id,
        "'zeebe:formDefinition formId' (linked forms) is not supported by this engine; use formKey",
      );
    else if (formKey) userTask.formKey = formKey;
  }
  return {
    type: { kind: 'static', value: USER_TASK_JOB_TYPE },
    retries: { kind: 'static', value: '1' },
    headers: transformHeaders(context, node, id),
    userTask,
  };
}

export function transformScript(
  context: TransformContext,
  node: ModdleNode,
  id: string,
): { expression: string; resultVariable: string } | undefined {
  const script = extension(node, 'zeebe:Script');
  if (!script) return undefined;
  const expression = requireFeel(context, id, 'the script expression', str(script, 'expression'));
  const resultVariable = str(script, 'resultVariable')?.trim() ?? '';
  if (resultVariable === '') context.problems.add(id, "'zeebe:script' must have a resultVariable");
  return expression === undefined || resultVariable === '' ? undefined : { expression, resultVariable };
}
