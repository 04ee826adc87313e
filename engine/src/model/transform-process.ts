import { bool, child, children, extension, refId, str, body, type ModdleNode } from './moddle-node.ts';
import type {
  ElementKind,
  ElementModel,
  EventDefinition,
  JobDefinition,
  MultiInstanceDefinition,
  ProcessModel,
  SequenceFlowModel,
} from './process-model.ts';
import { messageFromRef, transformEventDefinition } from './transform-events.ts';
import { requireFeel, noteExpression, type TransformContext } from './transform-context.ts';
import { transformJob, transformMappings, transformScript, transformUserTask } from './transform-tasks.ts';
import { toExpression } from './expression.ts';
import { validateProcess } from './validate-process.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const ELEMENT_TYPES: Record<string, { kind: ElementKind; elementType: string } | undefined> = {
  'bpmn:StartEvent': { kind: 'startEvent', elementType: 'START_EVENT' },
  'bpmn:EndEvent': { kind: 'endEvent', elementType: 'END_EVENT' },
  'bpmn:ServiceTask': { kind: 'jobTask', elementType: 'SERVICE_TASK' },
  'bpmn:SendTask': { kind: 'jobTask', elementType: 'SEND_TASK' },
  'bpmn:BusinessRuleTask': { kind: 'jobTask', elementType: 'BUSINESS_RULE_TASK' },
  'bpmn:UserTask': { kind: 'jobTask', elementType: 'USER_TASK' },
  'bpmn:ScriptTask': { kind: 'scriptTask', elementType: 'SCRIPT_TASK' },
  'bpmn:ReceiveTask': { kind: 'receiveTask', elementType: 'RECEIVE_TASK' },
  'bpmn:ManualTask': { kind: 'passThrough', elementType: 'MANUAL_TASK' },
  'bpmn:Task': { kind: 'passThrough', elementType: 'TASK' },
  'bpmn:IntermediateCatchEvent': { kind: 'intermediateCatchEvent', elementType: 'INTERMEDIATE_CATCH_EVENT' },
  'bpmn:IntermediateThrowEvent': { kind: 'passThrough', elementType: 'INTERMEDIATE_THROW_EVENT' },
  'bpmn:BoundaryEvent': { kind: 'boundaryEvent', elementType: 'BOUNDARY_EVENT' },
  'bpmn:ExclusiveGateway': { kind: 'exclusiveGateway', elementType: 'EXCLUSIVE_GATEWAY' },
  'bpmn:ParallelGateway': { kind: 'parallelGateway', elementType: 'PARALLEL_GATEWAY' },
  'bpmn:InclusiveGateway': { kind: 'inclusiveGateway', elementType: 'INCLUSIVE_GATEWAY' },
  'bpmn:EventBasedGateway': { kind: 'eventBasedGateway', elementType: 'EVENT_BASED_GATEWAY' },
  'bpmn:SubProcess': { kind: 'subProcess', elementType: 'SUB_PROCESS' },
  'bpmn:CallActivity': { kind: 'callActivity', elementType: 'CALL_ACTIVITY' },
};

const ACTIVITY_KINDS = new Set<ElementKind>([
  'jobTask',
  'scriptTask',
  'receiveTask',
  'passThrough',
  'subProcess',
  'callActivity',
]);

export function isActivity(model: ElementModel): boolean {
  return ACTIVITY_KINDS.has(model.kind) && !model.elementType.endsWith('_EVENT');
}

/** Builds the executable graph of one executable `bpmn:Process`; problems go to the context. */
export function transformProcess(
  context: TransformContext,
  processNode: ModdleNode,
): ProcessModel | undefined {
  const processId = str(processNode, 'id') ?? '';
  if (processId === '') {
    context.problems.add('(process)', 'a process needs an id');
    return undefined;
  }
  const elements = new Map<string, Mutable<ElementModel>>();
  const flows = new Map<string, SequenceFlowModel>();
  const root: Mutable<ElementModel> = base(processId, 'process', 'PROCESS', undefined);
  elements.set(processId, root);
  walkScope(context, processNode, processId, elements, flows);
  link(context, elements, flows);
  const model: ProcessModel = {
    bpmnProcessId: processId,
    elements,
    flows,
    messageStartIds: startIds(elements, processId, 'message'),
    timerStartIds: startIds(elements, processId, 'timer'),
    signalStartIds: startIds(elements, processId, 'signal'),
  };
  validateProcess(context, model);
  return model;
}

function startIds(
  elements: Map<string, ElementModel>,
  processId: string,
  kind: EventDefinition['kind'],
): string[] {
  return [...elements.values()]
    .filter((e) => e.kind === 'startEvent' && e.scopeId === processId && e.event.kind === kind)
    .map((e) => e.id);
}

function base(
  id: string,
  kind: ElementKind,
  elementType: string,
  scopeId: string | undefined,
): Mutable<ElementModel> {
  return {
    id,
    kind,
    elementType,
    scopeId,
    incoming: [],
    outgoing: [],
    inputs: [],
    outputs: [],
    event: { kind: 'none' },
    boundaryIds: [],
    interrupting: true,
    eventSubProcessIds: [],
  };
}

function walkScope(
  context: TransformContext,
  scopeNode: ModdleNode,
  scopeId: string,
  elements: Map<string, Mutable<ElementModel>>,
  flows: Map<string, SequenceFlowModel>,
  inEventSubProcess = false,
): void {
  for (const node of children(scopeNode, 'flowElements')) {
    const id = str(node, 'id') ?? '';
    if (node.$type === 'bpmn:SequenceFlow') {
      const sourceId = refId(node, 'sourceRef') ?? '';
      const targetId = refId(node, 'targetRef') ?? '';
      const conditionText = body(child(node, 'conditionExpression'));
      const condition = conditionText
        ? requireFeel(context, id, 'the condition expression', conditionText)
        : undefined;
      flows.set(
        id,
        condition === undefined ? { id, sourceId, targetId } : { id, sourceId, targetId, condition },
      );
      continue;
    }
    if (IGNORED.has(node.$type)) continue;
    if (id === '') {
      context.problems.add(`(${node.$type})`, 'every flow element needs an id');
      continue;
    }
    if (elements.has(id)) context.problems.add(id, 'the id is used by more than one element');
    const element = transformElement(context, node, id, scopeId, inEventSubProcess);
    if (!element) continue;
    elements.set(id, element);
    if (element.kind === 'subProcess' || element.kind === 'eventSubProcess')
      walkScope(context, node, id, elements, flows, element.kind === 'eventSubProcess');
  }
}

function transformElement(
  context: TransformContext,
  node: ModdleNode,
  id: string,
  scopeId: string,
  inEventSubProcess: boolean,
): Mutable<ElementModel> | undefined {
  let known = ELEMENT_TYPES[node.$type];
  if (node.$type === 'bpmn:SubProcess' && bool(node, 'triggeredByEvent'))
    known = { kind: 'eventSubProcess', elementType: 'EVENT_SUB_PROCESS' };
  if (!known) {
    context.problems.add(
      id,
      `the element type '${node.$type.replace('bpmn:', '')}' is not supported by this engine`,
    );
    return undefined;
  }
  const element = base(id, known.kind, known.elementType, scopeId);
  Object.assign(element, transformMappings(context, node, id));
  const defaultFlowId = refId(node, 'default');
  if (defaultFlowId) element.defaultFlowId = defaultFlowId;
  const loop = child(node, 'loopCharacteristics');
  if (loop) element.multiInstance = transformLoop(context, loop, id);
  switch (known.kind) {
    case 'jobTask':
      element.job =
        node.$type === 'bpmn:UserTask' ? transformUserTask(context, node, id) : jobOf(context, node, id);
      break;
    case 'scriptTask': {
      const script = transformScript(context, node, id);
      if (script) element.script = script;
      else if (extension(node, 'zeebe:TaskDefinition'))
        Object.assign(element, { kind: 'jobTask', job: transformJob(context, node, id) });
      else context.problems.add(id, "a script task needs 'zeebe:script' or 'zeebe:taskDefinition'");
      break;
    }
    case 'receiveTask': {
      const event = messageFromRef(context, node, child(node, 'messageRef'), id, true);
      if (event) element.event = event;
      break;
    }
    case 'startEvent':
    case 'endEvent':
    case 'intermediateCatchEvent':
    case 'boundaryEvent':
    case 'passThrough': {
      if (!node.$type.endsWith('Event')) break;
      // Only process-level start events correlate without a subscription key.
      const event = transformEventDefinition(
        context,
        node,
        id,
        known.kind !== 'startEvent' || inEventSubProcess,
      );
      if (!event) break;
      element.event = event;
      if (known.kind === 'boundaryEvent') {
        element.attachedToId = refId(node, 'attachedToRef') ?? '';
        element.interrupting = bool(node, 'cancelActivity') ?? true;
      }
      if (known.kind === 'startEvent') element.interrupting = bool(node, 'isInterrupting') ?? true;
      // Message throw/end events are job-based in 8.3.
      if (
        (node.$type === 'bpmn:IntermediateThrowEvent' || node.$type === 'bpmn:EndEvent') &&
        event.kind === 'message'
      ) {
        Object.assign(element, { kind: 'jobTask', job: jobOf(context, node, id) });
      }
      break;
    }
    case 'callActivity': {
      const called = extension(node, 'zeebe:CalledElement');
      const processId = called ? (str(called, 'processId') ?? '') : '';
      if (processId.trim() === '')
        context.problems.add(id, "a call activity needs 'zeebe:calledElement' with a processId");
      else noteExpression(context, id, 'the called processId', processId);
      element.calledElement = {
        processId: toExpression(processId),
        propagateAllChildVariables: (called && bool(called, 'propagateAllChildVariables')) ?? true,
        propagateAllParentVariables: (called && bool(called, 'propagateAllParentVariables')) ?? true,
      };
      break;
    }
    default:
      break;
  }
  return element;
}

function jobOf(context: TransformContext, node: ModdleNode, id: string): JobDefinition | undefined {
  if (extension(node, 'zeebe:CalledDecision')) {
    context.problems.add(id, "DMN decisions ('zeebe:calledDecision') are not supported by this engine");
    return undefined;
  }
  return transformJob(context, node, id);
}

function transformLoop(
  context: TransformContext,
  loop: ModdleNode,
  id: string,
): MultiInstanceDefinition | undefined {
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    context.problems.add(id, 'standard loop characteristics are not supported; use multi-instance');
    return undefined;
  }
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  const inputCollection = requireFeel(
    context,
    id,
    'the multi-instance inputCollection',
    zeebeLoop ? str(zeebeLoop, 'inputCollection') : undefined,
  );
  if (inputCollection === undefined) return undefined;
  const result: Mutable<MultiInstanceDefinition> = {
    sequential: bool(loop, 'isSequential') ?? false,
    inputCollection,
  };
  const inputElement = zeebeLoop && str(zeebeLoop, 'inputElement')?.trim();
  if (inputElement) result.inputElement = inputElement;
  const outputCollection = zeebeLoop && str(zeebeLoop, 'outputCollection')?.trim();
  const outputElement = zeebeLoop && str(zeebeLoop, 'outputElement')?.trim();
  if (Boolean(outputCollection) !== Boolean(outputElement))
    context.problems.add(id, 'outputCollection and outputElement must be set together');
  if (outputCollection && outputElement) {
    result.outputCollection = outputCollection;
    result.outputElement = requireFeel(context, id, 'the multi-instance outputElement', outputElement);
  }
  const completion = body(child(loop, 'completionCondition'));
  if (completion)
    result.completionCondition = requireFeel(context, id, 'the completion condition', completion);
  return result;
}

/** Wires flows into elements and boundary events onto their hosts. */
function link(
  context: TransformContext,
  elements: Map<string, Mutable<ElementModel>>,
  flows: Map<string, SequenceFlowModel>,
): void {
  for (const flow of flows.values()) {
    const source = elements.get(flow.sourceId);
    const target = elements.get(flow.targetId);
    if (!source || !target) {
      context.problems.add(flow.id, 'the sequence flow must connect two elements of this process');
      continue;
    }
    if (source.scopeId !== target.scopeId)
      context.problems.add(flow.id, 'the sequence flow must not cross a sub-process boundary');
    source.outgoing = [...source.outgoing, flow];
    target.incoming = [...target.incoming, flow.id];
  }
  for (const element of elements.values()) {
    if (element.kind === 'boundaryEvent') {
      const host = element.attachedToId ? elements.get(element.attachedToId) : undefined;
      if (!host || !isActivity(host))
        context.problems.add(element.id, 'a boundary event must be attached to an activity');
      else host.boundaryIds = [...host.boundaryIds, element.id];
    }
    const scope = element.scopeId ? elements.get(element.scopeId) : undefined;
    if (!scope) continue;
    if (element.kind === 'eventSubProcess')
      scope.eventSubProcessIds = [...scope.eventSubProcessIds, element.id];
    if (element.kind === 'startEvent') {
      if (scope.kind === 'eventSubProcess') scope.startEventId = element.id;
      else if (element.event.kind === 'none') scope.noneStartId = element.id;
    }
  }
}
