import type { BundleService, Department } from '../../src/bundle-manifest.ts';
import { STAFF_FORMS, formKey, reviewFormName } from '../../src/form-keys.ts';
import type { ServiceProcessSpec } from '../specs/spec.types.ts';
import { addNode, centerX, connect, placeLabel, type Container, type FlowNode } from './diagram.ts';
import { readOperationTemplate } from './element-templates.ts';
import { feelString, ioMapping, taskDefinition, taskHeaders, userTask } from './zeebe.ts';

export const DEPARTMENT_NAMES: Record<Department, string> = {
  health: '卫健',
  civil: '民政·户籍',
  hr: '人社',
  tax: '税务',
};

export function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The spec's request fields in the template's order; every required one must be given. */
function templateInputs(
  serviceKey: string,
  fields: { name: string; optional: boolean }[],
  given: [string, string][],
): [string, string][] {
  const byName = new Map(given);
  for (const [name] of given) {
    if (!fields.some((field) => field.name === name))
      throw new Error(`${serviceKey}: ${name} is not a request field`);
  }
  return fields.flatMap(({ name, optional }): [string, string][] => {
    const source = byName.get(name);
    if (source === undefined && !optional)
      throw new Error(`${serviceKey}: the request field ${name} has no source`);
    return source === undefined ? [] : [[name, source]];
  });
}

/** Vertical offsets inside a part, from the part's main line. */
const ROW = { skip: -80, reviewRejected: -55, resolve: 140, abandoned: 205, top: -130, bottom: 230 };
export const PART_HEIGHT = ROW.bottom - ROW.top;

export interface PartService {
  service: BundleService;
  spec: ServiceProcessSpec;
}

/**
 * One department's part: an expanded sub-process that runs the department's
 * selected services one after the other. Each service: skipped unless
 * selected; a clerk's review first in `review` mode; the connector task; a
 * registry rejection (any BPMN error) goes to a clerk of the department, who
 * resubmits or ends the service.
 */
export function addDepartmentPart(
  parent: Container,
  bundleKey: string,
  department: Department,
  services: PartService[],
  left: number,
  mainY: number,
): FlowNode {
  const name = DEPARTMENT_NAMES[department];
  const id = pascal(department);
  const part = addNode(parent, {
    id: `SubProcess_${id}`,
    kind: 'subProcess',
    name: `${name}办理`,
    at: [0, 0],
  });
  const inner = part.children;
  if (!inner) throw new Error('a sub-process has children');
  const dueAt = `=parts.${department}.dueAt`;

  const start = addNode(inner, {
    id: `StartEvent_${id}`,
    kind: 'startEvent',
    name: '开始办理',
    at: [left + 58, mainY],
  });
  let cursor = left + 126;
  let previous = start;

  for (const { service, spec } of services) {
    const key = service.key;
    const P = pascal(key);
    const title = service.title['zh-CN'];
    const selected = addNode(inner, {
      id: `Gateway_${P}Selected`,
      kind: 'exclusiveGateway',
      name: `申请${title}？`,
      at: [cursor + 25, mainY],
    });
    connect(inner, previous, selected, { id: `Flow_To${P}Selected` });
    cursor += 100;
    const requested = `=list contains(services, ${feelString(key)})`;

    let beforeAttempt = selected;
    let reviewDecision: FlowNode | undefined;
    if (service.mode === 'review') {
      const review = addNode(inner, {
        id: `Task_${P}Review`,
        kind: 'userTask',
        name: `审核：${title}`,
        at: [cursor + 50, mainY],
        extensions: userTask({
          formKey: formKey(bundleKey, reviewFormName(key)),
          candidateGroups: department,
          dueDate: dueAt,
          outputs: [[`reviews.${key}`, '=review']],
        }),
      });
      connect(inner, selected, review, { id: `Flow_${P}Requested`, name: '已申请', condition: requested });
      cursor += 150;
      reviewDecision = addNode(inner, {
        id: `Gateway_${P}ReviewDecision`,
        kind: 'exclusiveGateway',
        name: '审核通过？',
        at: [cursor + 25, mainY],
      });
      connect(inner, review, reviewDecision, { id: `Flow_${P}Reviewed` });
      cursor += 100;
      beforeAttempt = reviewDecision;
    }

    const attempt = addNode(inner, {
      id: `Gateway_${P}Attempt`,
      kind: 'exclusiveGateway',
      at: [cursor + 25, mainY],
    });
    if (reviewDecision) {
      connect(inner, reviewDecision, attempt, {
        id: `Flow_${P}Approved`,
        name: '通过',
        condition: `=reviews.${key}.decision = "approve"`,
      });
    } else {
      connect(inner, beforeAttempt, attempt, {
        id: `Flow_${P}Requested`,
        name: '已申请',
        condition: requested,
      });
    }
    cursor += 100;

    const [, dept, operation] = service.operation.split(':');
    const template = readOperationTemplate(service.operation);
    const inputs = templateInputs(service.key, template.inputs, spec.inputs);
    if (template.outputs.join() !== spec.outputs.join()) {
      throw new Error(`${key}: outputs ${spec.outputs} differ from the template's ${template.outputs}`);
    }
    const task = addNode(inner, {
      id: `Task_${P}`,
      kind: 'serviceTask',
      name: spec.taskName,
      at: [cursor + 50, mainY],
      attrs: {
        'zeebe:modelerTemplate': template.id,
        'zeebe:modelerTemplateVersion': String(template.version),
      },
      extensions: [
        taskDefinition(service.operation, template.retries),
        taskHeaders({ registry: dept ?? department, operation: operation ?? '' }),
        ioMapping(
          inputs,
          template.outputs.map((field): [string, string] => [`results.${key}.${field}`, `=${field}`]),
        ),
      ].join('\n'),
    });
    connect(inner, attempt, task, { id: `Flow_${P}Submit` });
    cursor += 150;

    const done = addNode(inner, {
      id: `Gateway_${P}Done`,
      kind: 'exclusiveGateway',
      at: [cursor + 25, mainY],
    });
    connect(inner, task, done, { id: `Flow_${P}Completed` });
    cursor += 100;

    // The host of a boundary event is in the same container as the boundary event.
    const rejected = addNode(inner, {
      id: `Event_${P}Rejected`,
      kind: 'boundaryEvent',
      name: '登记机关驳回',
      at: [centerX(task), mainY + 40],
      attrs: { attachedToRef: task.id },
      extensions: ioMapping([], [[`registryErrors.${key}`, '=registryError']]),
      body: `<bpmn:errorEventDefinition id="ErrorEventDefinition_${P}Rejected" />`,
    });
    placeLabel(rejected, 'right');
    const resolve = addNode(inner, {
      id: `Task_${P}Resolve`,
      kind: 'userTask',
      name: `处理驳回：${title}`,
      at: [centerX(task), mainY + ROW.resolve],
      extensions: userTask({
        formKey: formKey(bundleKey, STAFF_FORMS.registryRejection),
        candidateGroups: department,
        dueDate: dueAt,
        inputs: [
          ['registryError', `=registryErrors.${key}`],
          ['serviceTitle', `=${feelString(title)}`],
        ],
        outputs: [[`resolutions.${key}`, '=resolution']],
      }),
    });
    connect(inner, rejected, resolve, { id: `Flow_${P}Rejected`, from: 'bottom', to: 'top' });
    const resolution = addNode(inner, {
      id: `Gateway_${P}Resolution`,
      kind: 'exclusiveGateway',
      name: '重新提交？',
      at: [centerX(attempt), mainY + ROW.resolve],
    });
    placeLabel(resolution, 'left');
    connect(inner, resolve, resolution, { id: `Flow_${P}Resolved`, from: 'left', to: 'right' });
    connect(inner, resolution, attempt, {
      id: `Flow_${P}Retry`,
      name: '重新提交',
      condition: `=resolutions.${key}.decision = "retry"`,
      from: 'top',
      to: 'bottom',
    });
    connect(inner, resolution, done, {
      id: `Flow_${P}Abandoned`,
      name: '终止办理',
      condition: `=resolutions.${key}.decision = "abandon"`,
      from: 'bottom',
      to: 'bottom',
      via: [
        [centerX(resolution), mainY + ROW.abandoned],
        [centerX(done), mainY + ROW.abandoned],
      ],
    });

    const skipped = connect(inner, selected, done, {
      id: `Flow_${P}Skipped`,
      name: '未申请',
      from: 'top',
      to: 'top',
      via: [
        [centerX(selected), mainY + ROW.skip],
        [centerX(done), mainY + ROW.skip],
      ],
    });
    selected.attrs = { default: skipped.id };
    if (reviewDecision) {
      connect(inner, reviewDecision, done, {
        id: `Flow_${P}ReviewRejected`,
        name: '不通过',
        condition: `=reviews.${key}.decision = "reject"`,
        from: 'top',
        to: 'top',
        via: [
          [centerX(reviewDecision), mainY + ROW.reviewRejected],
          [centerX(done), mainY + ROW.reviewRejected],
        ],
      });
    }
    previous = done;
  }

  const end = addNode(inner, {
    id: `EndEvent_${id}`,
    kind: 'endEvent',
    name: `${name}办结`,
    at: [cursor + 18, mainY],
  });
  connect(inner, previous, end, { id: `Flow_To${id}End` });
  cursor += 36 + 40;

  part.x = left;
  part.y = mainY + ROW.top;
  part.w = cursor - left;
  part.h = PART_HEIGHT;
  return part;
}
