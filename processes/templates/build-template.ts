import { DEPARTMENT_NAMES, type OperationSpec } from './operation-specs.ts';

export const TEMPLATE_SCHEMA_URL =
  'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';
export const DEFAULT_RETRIES = '5';

/** The job type the registry connector subscribes to for an operation. */
export function jobType(spec: Pick<OperationSpec, 'dept' | 'operation'>): string {
  return `onething:${spec.dept}:${spec.operation}`;
}

export function templateId(spec: Pick<OperationSpec, 'dept' | 'operation'>): string {
  return `onething.${spec.dept}.${spec.operation}`;
}

export function templateFileName(spec: Pick<OperationSpec, 'dept' | 'operation'>): string {
  return `${spec.dept}-${spec.operation}.json`;
}

/** A Camunda 8 element template (the JSON bpmn-js-element-templates reads) for one operation. */
export function buildTemplate(spec: OperationSpec): Record<string, unknown> {
  const department = DEPARTMENT_NAMES[spec.dept];
  return {
    $schema: TEMPLATE_SCHEMA_URL,
    name: `${department} · ${spec.title}`,
    id: templateId(spec),
    description: spec.description,
    version: 1,
    category: { id: `onething-${spec.dept}`, name: `${department}（${spec.dept}）` },
    keywords: [department, spec.dept, spec.operation],
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'task', label: '任务 / Task' },
      { id: 'request', label: '请求字段 / Request' },
      { id: 'result', label: '结果映射 / Result' },
    ],
    properties: [
      { type: 'Hidden', value: jobType(spec), binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      {
        label: '重试次数 / Retries',
        description: '登记系统不可用时的重试次数 / retries while the registry is unavailable',
        group: 'task',
        type: 'String',
        value: DEFAULT_RETRIES,
        binding: { type: 'zeebe:taskDefinition', property: 'retries' },
        constraints: {
          notEmpty: true,
          pattern: { value: '^\\d+$', message: '须为非负整数 / must be a whole number' },
        },
      },
      { type: 'Hidden', value: spec.dept, binding: { type: 'zeebe:taskHeader', key: 'registry' } },
      { type: 'Hidden', value: spec.operation, binding: { type: 'zeebe:taskHeader', key: 'operation' } },
      ...spec.inputs.map((input) =>
        input.choices
          ? {
              label: input.label,
              group: 'request',
              type: 'Dropdown',
              value: input.value,
              choices: input.choices,
              binding: { type: 'zeebe:input', name: input.name },
            }
          : {
              label: input.label,
              group: 'request',
              type: 'String',
              feel: 'required',
              value: input.value,
              binding: { type: 'zeebe:input', name: input.name },
              ...(input.optional ? { optional: true } : { constraints: { notEmpty: true } }),
            },
      ),
      ...spec.outputs.map((output) => ({
        label: output.label,
        description: `写入流程变量 / process variable for \`${output.source}\``,
        group: 'result',
        type: 'String',
        value: output.target,
        binding: { type: 'zeebe:output', source: `=${output.source}` },
      })),
    ],
  };
}
