import type { ElementModel, SequenceFlowModel } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident, removeIncident } from './incidents.ts';
import type { Variables } from './json-values.ts';
import { evaluateMappings } from './mappings.ts';
import { activateBehavior } from './behaviors.ts';
import { closeOwnedEvents, openBoundaryEvents } from './event-subscriptions.ts';
import { cancelJobOf } from './job-lifecycle.ts';
import { activateBody, innerCompleted, innerOutputElement } from './multi-instance.ts';
import { returnToCaller } from './call-activity.ts';
import { startFromBufferedMessages } from './messages.ts';

/**
 * The element instance lifecycle (activate → complete | terminate) and token
 * movement along sequence flows. Steps that follow one another go through the
 * execution's FIFO so a batch runs breadth-first, as Zeebe's stream does.
 */

export function createElementInstance(
  x: Execution,
  scope: ElementInstance,
  element: ElementModel,
): ElementInstance {
  const instance: ElementInstance = {
    key: x.nextKey(),
    processInstanceKey: scope.processInstanceKey,
    definitionKey: scope.definitionKey,
    elementId: element.id,
    scopeKey: scope.key,
    state: 'ACTIVATING',
    startedAt: x.now,
  };
  // The first instance of a multi-instance element is its body; the body's children are the inner instances.
  if (element.multiInstance && !(scope.mi && scope.elementId === element.id))
    instance.mi = { total: 0, completed: 0, terminated: 0, nextIndex: 0 };
  x.state.putElementInstance(instance);
  x.changes.created.add(instance.key);
  x.saveElement(instance);
  writeElementHistory(x, instance, element, 'ACTIVE');
  return instance;
}

export function writeElementHistory(
  x: Execution,
  instance: ElementInstance,
  element: ElementModel,
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED',
): void {
  x.changes.history.elements.set(instance.key, {
    key: instance.key,
    processInstanceKey: instance.processInstanceKey,
    elementId: instance.elementId,
    elementType: instance.mi ? 'MULTI_INSTANCE_BODY' : element.elementType,
    state,
    startedAt: instance.startedAt,
    endedAt: state === 'ACTIVE' ? undefined : x.now,
  });
}

export function isLive(x: Execution, instance: ElementInstance): boolean {
  return x.state.elementInstances.get(instance.key) === instance;
}

/** Runs (or re-runs, after an incident) the activation of an element instance. */
export function activate(x: Execution, instance: ElementInstance): void {
  if (!isLive(x, instance)) return;
  const element = x.elementOf(instance);
  closeOwnedEvents(x, instance);
  instance.state = 'ACTIVATING';
  x.saveElement(instance);
  if (instance.mi) {
    activateBody(x, instance, element);
    return;
  }
  if (element.inputs.length > 0) {
    const mapped = evaluateMappings(x, element.inputs, instance, 'input');
    if (!mapped.ok) {
      raiseIncident(x, instance, 'IO_MAPPING_ERROR', mapped.message);
      return;
    }
    x.setLocalAll(instance, mapped.variables);
  }
  // Boundary events of a multi-instance activity belong to its body.
  if (
    element.boundaryIds.length > 0 &&
    instance.loopCounter === undefined &&
    !openBoundaryEvents(x, instance, element)
  )
    return;
  instance.state = 'ACTIVATED';
  x.saveElement(instance);
  activateBehavior(x, instance, element);
}

export function activateLater(x: Execution, instance: ElementInstance): void {
  x.enqueue(() => activate(x, instance));
}

/**
 * Completes an element: event variables and output mappings (§3.3), then the
 * token leaves along `flows` (default: every outgoing flow).
 */
export function complete(
  x: Execution,
  instance: ElementInstance,
  eventVariables?: Variables,
  flows?: readonly SequenceFlowModel[],
): void {
  if (!isLive(x, instance)) return;
  const element = x.elementOf(instance);
  instance.state = 'COMPLETING';
  x.saveElement(instance);
  const scope = instance.scopeKey === undefined ? undefined : x.state.elementInstances.get(instance.scopeKey);
  if (instance.mi) {
    const name = element.multiInstance?.outputCollection;
    const collection = name === undefined ? undefined : x.state.variables.get(instance.key)?.get(name);
    if (name !== undefined && collection !== undefined && scope)
      x.propagate(scope, new Map([[name, collection]]));
  } else if (element.outputs.length > 0) {
    if (eventVariables) x.setLocalAll(instance, eventVariables);
    const mapped = evaluateMappings(x, element.outputs, instance, 'output');
    if (!mapped.ok) {
      raiseIncident(x, instance, 'IO_MAPPING_ERROR', mapped.message);
      return;
    }
    if (scope) x.propagate(scope, mapped.variables);
    else x.setLocalAll(instance, mapped.variables);
  } else if (eventVariables && eventVariables.size > 0) {
    x.propagate(instance, eventVariables);
  }
  if (instance.loopCounter !== undefined && scope) {
    const output = innerOutputElement(x, instance, element);
    if (!output.ok) {
      raiseIncident(x, instance, 'EXTRACT_VALUE_ERROR', output.message);
      return;
    }
    leave(x, instance, element, 'COMPLETED');
    innerCompleted(x, scope, instance, output.value);
    return;
  }
  const rootVariables = scope ? undefined : new Map(x.state.variables.get(instance.key) ?? []);
  leave(x, instance, element, 'COMPLETED');
  if (!scope) {
    finishProcessInstance(x, instance, 'COMPLETED');
    x.changes.completedInstances.set(instance.key, rootVariables ?? new Map());
    returnToCaller(x, instance, rootVariables ?? new Map());
    return;
  }
  takeFlows(x, scope, flows ?? element.outgoing);
  completeScopeWhenDone(x, scope);
}

export function completeLater(
  x: Execution,
  instance: ElementInstance,
  eventVariables?: Variables,
  flows?: readonly SequenceFlowModel[],
): void {
  x.enqueue(() => complete(x, instance, eventVariables, flows));
}

/** Removes an element instance and everything it owns; writes its end to history. */
function leave(
  x: Execution,
  instance: ElementInstance,
  element: ElementModel,
  state: 'COMPLETED' | 'TERMINATED',
): void {
  closeOwnedEvents(x, instance);
  cancelJobOf(x, instance);
  const incident =
    instance.incidentKey === undefined ? undefined : x.state.incidents.get(instance.incidentKey);
  if (incident) removeIncident(x, incident);
  x.state.removeElementInstance(instance);
  x.changes.elementInstances.set(instance.key, null);
  writeElementHistory(x, instance, element, state);
}

/** Terminates an element instance and, first, all of its children. */
export function terminate(x: Execution, instance: ElementInstance): void {
  if (!isLive(x, instance)) return;
  const called =
    instance.calledInstanceKey === undefined
      ? undefined
      : x.state.elementInstances.get(instance.calledInstanceKey);
  if (called) terminate(x, called);
  for (const childKey of [...(x.state.children.get(instance.key) ?? [])]) {
    const child = x.state.elementInstances.get(childKey);
    if (child) terminate(x, child);
  }
  leave(x, instance, x.elementOf(instance), 'TERMINATED');
  if (instance.scopeKey === undefined) finishProcessInstance(x, instance, 'TERMINATED');
}

function finishProcessInstance(x: Execution, root: ElementInstance, state: 'COMPLETED' | 'TERMINATED'): void {
  const definition = x.definition(root.definitionKey);
  const caller =
    root.parentElementInstanceKey === undefined
      ? undefined
      : x.state.elementInstances.get(root.parentElementInstanceKey);
  x.changes.history.instances.set(root.key, {
    key: root.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    definitionKey: definition.key,
    parentProcessInstanceKey: caller?.processInstanceKey,
    state,
    startedAt: root.startedAt,
    endedAt: x.now,
  });
  if (state === 'TERMINATED') x.changes.endedInstances.add(root.key);
  const startedBy = root.startedByMessage;
  if (startedBy !== undefined && startedBy !== '')
    x.enqueue(() => startFromBufferedMessages(x, definition.bpmnProcessId, startedBy));
}

/** Moves tokens into `scope` along flows; parallel joins wait for every incoming flow. */
export function takeFlows(x: Execution, scope: ElementInstance, flows: readonly SequenceFlowModel[]): void {
  const model = x.model(scope);
  for (const flow of flows) {
    const target = model.elements.get(flow.targetId);
    if (!target) throw new Error(`flow ${flow.id} targets unknown element ${flow.targetId}`);
    if (target.kind === 'parallelGateway' && target.incoming.length > 1) {
      arriveAtJoin(x, scope, target, flow.id);
      continue;
    }
    activateLater(x, createElementInstance(x, scope, target));
  }
}

function arriveAtJoin(x: Execution, scope: ElementInstance, gateway: ElementModel, flowId: string): void {
  const joins = scope.joins ?? {};
  const tokens = joins[gateway.id] ?? {};
  tokens[flowId] = (tokens[flowId] ?? 0) + 1;
  joins[gateway.id] = tokens;
  if (gateway.incoming.every((incoming) => (tokens[incoming] ?? 0) > 0)) {
    for (const incoming of gateway.incoming) {
      const left = (tokens[incoming] ?? 1) - 1;
      if (left > 0) tokens[incoming] = left;
      else delete tokens[incoming];
    }
    if (Object.keys(tokens).length === 0) delete joins[gateway.id];
    activateLater(x, createElementInstance(x, scope, gateway));
  }
  if (Object.keys(joins).length > 0) scope.joins = joins;
  else delete scope.joins;
  x.saveElement(scope);
}

/** A scope completes once it has no active children and no waiting join tokens (§3.0). */
export function completeScopeWhenDone(x: Execution, scope: ElementInstance): void {
  x.enqueue(() => {
    if (!isLive(x, scope) || scope.state !== 'ACTIVATED' || scope.interrupted) return;
    if (x.state.childCount(scope.key) > 0 || scope.joins) return;
    complete(x, scope);
  });
}
