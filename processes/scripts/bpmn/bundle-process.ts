import type { BundleManifest, Department } from '../../src/bundle-manifest.ts';
import { STAFF_FORMS, SUPPLEMENT_MESSAGE, formKey } from '../../src/form-keys.ts';
import type { BundleProcessSpec } from '../specs/spec.types.ts';
import {
  DEPARTMENT_NAMES,
  PART_HEIGHT,
  addDepartmentPart,
  pascal,
  type PartService,
} from './department-part.ts';
import {
  addNode,
  centerX,
  connect,
  createContainer,
  placeLabel,
  type Container,
  type FlowNode,
} from './diagram.ts';
import type { ProcessDocument } from './serialize.ts';
import { feelString, userTask } from './zeebe.ts';

const MAIN_Y = 300;
const GAP = 80;
/** A part's box, the overdue task below it, and a margin. */
const PART_SPACING = PART_HEIGHT + 200;

function partServices(
  manifest: BundleManifest,
  spec: BundleProcessSpec,
  department: Department,
): PartService[] {
  return spec.services.flatMap((serviceSpec) => {
    const service = manifest.services.find((s) => s.key === serviceSpec.key);
    if (!service) throw new Error(`${manifest.key}: spec service ${serviceSpec.key} is not in bundle.json`);
    return service.department === department ? [{ service, spec: serviceSpec }] : [];
  });
}

/** The non-interrupting time-limit timer of a part, escalating to a supervisor. */
function addOverdue(root: Container, bundleKey: string, department: Department, part: FlowNode): void {
  const id = pascal(department);
  const name = DEPARTMENT_NAMES[department];
  const timer = addNode(root, {
    id: `Event_${id}Overdue`,
    kind: 'boundaryEvent',
    name: `${name}超时`,
    at: [part.x + part.w - 80, part.y + part.h],
    attrs: { cancelActivity: 'false', attachedToRef: part.id },
    body:
      `<bpmn:timerEventDefinition id="TimerEventDefinition_${id}Overdue">\n` +
      `  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time(parts.${department}.dueAt)</bpmn:timeDate>\n` +
      `</bpmn:timerEventDefinition>`,
  });
  placeLabel(timer, 'right');
  const supervise = addNode(root, {
    id: `Task_${id}Overdue`,
    kind: 'userTask',
    name: `督办：${name}超时`,
    at: [centerX(timer), part.y + part.h + 100],
    extensions: userTask({
      formKey: formKey(bundleKey, STAFF_FORMS.overdue),
      candidateGroups: 'supervisor',
      inputs: [
        ['department', `=${feelString(department)}`],
        ['departmentName', `=${feelString(name)}`],
        ['overdueSince', `=parts.${department}.dueAt`],
      ],
      outputs: [[`supervisions.${department}`, '=supervision']],
    }),
  });
  connect(root, timer, supervise, { id: `Flow_${id}Overdue`, from: 'bottom', to: 'top' });
  const end = addNode(root, {
    id: `EndEvent_${id}Overdue`,
    kind: 'endEvent',
    name: '已督办',
    at: [supervise.x + supervise.w + 60, part.y + part.h + 100],
  });
  connect(root, supervise, end, { id: `Flow_${id}Supervised` });
}

export function buildBundleProcess(manifest: BundleManifest, spec: BundleProcessSpec): ProcessDocument {
  const root = createContainer();
  const key = manifest.key;

  const start = addNode(root, {
    id: 'StartEvent_Submitted',
    kind: 'startEvent',
    name: '申请已提交',
    at: [170, MAIN_Y],
  });
  const accept = addNode(root, {
    id: 'Task_WindowAccept',
    kind: 'userTask',
    name: '综窗受理',
    at: [300, MAIN_Y],
    extensions: userTask({
      formKey: formKey(key, STAFF_FORMS.windowAccept),
      candidateGroups: 'window',
      dueDate: '=acceptDueAt',
    }),
  });
  connect(root, start, accept, { id: 'Flow_Submitted' });
  const decision = addNode(root, {
    id: 'Gateway_AcceptDecision',
    kind: 'exclusiveGateway',
    name: '受理结论',
    at: [445, MAIN_Y],
  });
  placeLabel(decision, 'belowRight');
  connect(root, accept, decision, { id: 'Flow_WindowChecked' });

  const rejected = addNode(root, {
    id: 'EndEvent_Rejected',
    kind: 'endEvent',
    name: '不予受理',
    at: [445, MAIN_Y - 130],
  });
  placeLabel(rejected, 'above');
  connect(root, decision, rejected, {
    id: 'Flow_Rejected',
    name: '不予受理',
    condition: '=acceptance.decision = "reject"',
    from: 'top',
    to: 'bottom',
  });
  // Returned for correction: the citizen supplements within the time limit,
  // or the application is treated as withdrawn (视为撤回).
  const awaiting = addNode(root, {
    id: 'Gateway_AwaitSupplement',
    kind: 'eventBasedGateway',
    name: '等待补正',
    at: [445, MAIN_Y + 150],
  });
  placeLabel(awaiting, 'belowRight');
  connect(root, decision, awaiting, {
    id: 'Flow_Returned',
    name: '退回补正',
    condition: '=acceptance.decision = "return"',
    from: 'bottom',
    to: 'top',
  });
  const supplemented = addNode(root, {
    id: 'Event_Supplemented',
    kind: 'intermediateCatchEvent',
    name: '申请人已补正',
    at: [300, MAIN_Y + 150],
    body: '<bpmn:messageEventDefinition id="MessageEventDefinition_Supplemented" messageRef="Message_ApplicationSupplemented" />',
  });
  connect(root, awaiting, supplemented, { id: 'Flow_AwaitSupplemented', from: 'left', to: 'right' });
  connect(root, supplemented, accept, { id: 'Flow_Supplemented', from: 'top', to: 'bottom' });
  const expired = addNode(root, {
    id: 'Event_SupplementExpired',
    kind: 'intermediateCatchEvent',
    name: '补正期限届满',
    at: [445, MAIN_Y + 260],
    body:
      '<bpmn:timerEventDefinition id="TimerEventDefinition_SupplementExpired">\n' +
      '  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time(acceptance.supplementDueAt)</bpmn:timeDate>\n' +
      '</bpmn:timerEventDefinition>',
  });
  placeLabel(expired, 'right');
  connect(root, awaiting, expired, { id: 'Flow_AwaitExpired', from: 'bottom', to: 'top' });
  const withdrawn = addNode(root, {
    id: 'EndEvent_Withdrawn',
    kind: 'endEvent',
    name: '视为撤回',
    at: [300, MAIN_Y + 260],
  });
  connect(root, expired, withdrawn, { id: 'Flow_Withdrawn', from: 'left', to: 'right' });

  let previous: FlowNode = decision;
  // Attributes of the next flow out of `previous`; by default it is named after its target.
  let pending: { id: string; name?: string; condition?: string } | undefined = {
    id: 'Flow_Accepted',
    name: '受理',
    condition: '=acceptance.decision = "accept"',
  };
  const flowFrom = (target: FlowNode) => {
    const flow = pending ?? { id: `Flow_To${target.id.replace(/^[A-Za-z]+_/, '')}` };
    pending = undefined;
    // A flow leaves a part on its main line, not in the middle of its box.
    const start: [number, number] | undefined =
      previous.kind === 'subProcess' ? [previous.x + previous.w, MAIN_Y] : undefined;
    return { ...flow, ...(start ? { start } : {}) };
  };
  let x = decision.x + decision.w;

  spec.stages.forEach((stage, index) => {
    const parallel = stage.length > 1;
    let fork: FlowNode | undefined;
    if (parallel) {
      fork = addNode(root, {
        id: `Gateway_Fork${index + 1}`,
        kind: 'parallelGateway',
        name: '分送各部门',
        at: [x + GAP + 25, MAIN_Y],
      });
      placeLabel(fork, 'above');
      connect(root, previous, fork, flowFrom(fork));
      x = fork.x + fork.w;
    }
    const parts = stage.map((department, row) => {
      const mainY = MAIN_Y + row * PART_SPACING;
      const part = addDepartmentPart(
        root,
        key,
        department,
        partServices(manifest, spec, department),
        x + GAP,
        mainY,
      );
      addOverdue(root, key, department, part);
      const entry: [number, number] = [part.x, mainY];
      if (fork) {
        connect(root, fork, part, {
          id: `Flow_To${pascal(department)}`,
          from: row === 0 ? 'right' : 'bottom',
          end: entry,
          via: row === 0 ? [] : [[centerX(fork), mainY]],
        });
      } else {
        connect(root, previous, part, { ...flowFrom(part), end: entry });
      }
      return { part, mainY, department };
    });
    x = Math.max(...parts.map(({ part }) => part.x + part.w));
    if (parallel) {
      const join = addNode(root, {
        id: `Gateway_Join${index + 1}`,
        kind: 'parallelGateway',
        name: '各部门办结',
        at: [x + GAP + 25, MAIN_Y],
      });
      placeLabel(join, 'above');
      for (const { part, mainY, department } of parts) {
        const row = mainY === MAIN_Y;
        connect(root, part, join, {
          id: `Flow_${pascal(department)}Done`,
          start: [part.x + part.w, mainY],
          to: row ? 'left' : 'bottom',
          via: row ? [] : [[centerX(join), mainY]],
        });
      }
      previous = join;
      x = join.x + join.w;
    } else {
      const only = parts[0];
      if (!only) throw new Error(`${key}: an empty stage`);
      previous = only.part;
      pending = { id: `Flow_${pascal(only.department)}Done` };
    }
  });

  const deliver = addNode(root, {
    id: 'Task_DeliverResults',
    kind: 'userTask',
    name: '统一出件',
    at: [x + GAP + 50, MAIN_Y],
    extensions: userTask({
      formKey: formKey(key, STAFF_FORMS.deliverResults),
      candidateGroups: 'window',
      dueDate: '=dueAt',
      outputs: [['delivery', '=delivery']],
    }),
  });
  connect(root, previous, deliver, flowFrom(deliver));
  const completed = addNode(root, {
    id: 'EndEvent_Completed',
    kind: 'endEvent',
    name: '办结',
    at: [deliver.x + deliver.w + GAP + 18, MAIN_Y],
    body: '<bpmn:terminateEventDefinition id="TerminateEventDefinition_Completed" />',
  });
  connect(root, deliver, completed, { id: 'Flow_Delivered' });

  return {
    definitionsId: `Definitions_${pascal(key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()))}`,
    processId: manifest.processId,
    processName: manifest.title['zh-CN'],
    documentation: manifest.summary['zh-CN'],
    root,
    rootElements: [
      `<bpmn:message id="Message_ApplicationSupplemented" name="${SUPPLEMENT_MESSAGE}">\n` +
        `  <bpmn:extensionElements>\n` +
        `    <zeebe:subscription correlationKey="=applicationId" />\n` +
        `  </bpmn:extensionElements>\n` +
        `</bpmn:message>`,
    ],
  };
}
