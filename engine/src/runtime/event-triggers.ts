import type { ElementModel } from '../model/process-model.ts';
import type { ElementInstance, Timer } from './entities.ts';
import type { Execution } from './execution.ts';
import { addTimer, closeOwnedEvents, removeTimer } from './event-subscriptions.ts';
import { variablesToRecord, type Variables } from './json-values.ts';
import { fireStartTimer } from './timer-starts.ts';
import { activateLater, complete, createElementInstance, isLive, terminate } from './lifecycle.ts';

/**
 * An event arrived for `owner` (a catch event, receive task, or the host of a
 * boundary event) addressed to the element `target`. Returns false when the
 * owner can no longer accept events.
 */
export function triggerEvent(
  x: Execution,
  owner: ElementInstance,
  target: ElementModel,
  variables: Variables | undefined,
): boolean {
  if (!isLive(x, owner) || owner.interrupted) return false;
  if (target.kind === 'boundaryEvent') return triggerBoundary(x, owner, target, variables);
  if (owner.state !== 'ACTIVATED') return false;
  if (target.kind === 'startEvent') return triggerEventSubProcess(x, owner, target, variables);
  if (owner.elementId !== target.id) return triggerEventBasedGateway(x, owner, target, variables);
  complete(x, owner, variables);
  return true;
}

/** Whether a catch element keeps its subscription after firing (non-interrupting boundary or event sub-process start). */
export function keepsListening(target: ElementModel): boolean {
  return (target.kind === 'boundaryEvent' || target.kind === 'startEvent') && !target.interrupting;
}

/**
 * Starts an event sub-process in `scope` (§3.8). An interrupting one first
 * terminates every other child of the scope and stops its other
 * event sub-process starts; the scope then completes with it.
 */
export function triggerEventSubProcess(
  x: Execution,
  scope: ElementInstance,
  start: ElementModel,
  variables: Variables | undefined,
): boolean {
  if (
    !isLive(x, scope) ||
    scope.interrupted ||
    scope.eventSubProcessInterrupted ||
    scope.state !== 'ACTIVATED'
  )
    return false;
  const model = x.model(scope);
  const eventSubProcess = start.scopeId ? model.elements.get(start.scopeId) : undefined;
  if (!eventSubProcess) throw new Error(`start event ${start.id} is not inside an event sub-process`);
  if (start.interrupting) {
    scope.eventSubProcessInterrupted = true;
    const scopeElement = model.elements.get(scope.elementId);
    const starts = new Set(
      (scopeElement?.eventSubProcessIds ?? []).map((id) => model.elements.get(id)?.startEventId),
    );
    closeOwnedEvents(x, scope, (targetId) => starts.has(targetId));
    for (const childKey of [...(x.state.children.get(scope.key) ?? [])]) {
      const child = x.state.elementInstances.get(childKey);
      if (child) terminate(x, child);
    }
    delete scope.joins;
    x.saveElement(scope);
  }
  const instance = createElementInstance(x, scope, eventSubProcess);
  if (variables && variables.size > 0) {
    instance.eventVariables = variablesToRecord(variables);
    x.saveElement(instance);
  }
  activateLater(x, instance);
  return true;
}

/** The first event behind an event-based gateway wins: the gateway completes and the winner runs (§3.10). */
function triggerEventBasedGateway(
  x: Execution,
  gateway: ElementInstance,
  target: ElementModel,
  variables: Variables | undefined,
): boolean {
  const scope = gateway.scopeKey === undefined ? undefined : x.state.elementInstances.get(gateway.scopeKey);
  if (!scope) return false;
  closeOwnedEvents(x, gateway);
  complete(x, gateway, undefined, []);
  const instance = createElementInstance(x, scope, target);
  instance.triggered = true;
  if (variables && variables.size > 0) instance.eventVariables = variablesToRecord(variables);
  x.saveElement(instance);
  activateLater(x, instance);
  return true;
}

/** Fires a boundary event (§3.8): interrupting ones terminate the host first. */
export function triggerBoundary(
  x: Execution,
  host: ElementInstance,
  boundary: ElementModel,
  variables: Variables | undefined,
): boolean {
  if (!isLive(x, host) || host.interrupted) return false;
  const scope = host.scopeKey === undefined ? undefined : x.state.elementInstances.get(host.scopeKey);
  if (!scope) return false;
  const instance = createElementInstance(x, scope, boundary);
  if (variables && variables.size > 0) {
    instance.eventVariables = variablesToRecord(variables);
    x.saveElement(instance);
  }
  if (boundary.interrupting) {
    host.interrupted = true;
    terminate(x, host);
  }
  activateLater(x, instance);
  return true;
}

export function fireTimer(x: Execution, timer: Timer): void {
  if (timer.definitionKey !== undefined) {
    fireStartTimer(x, timer);
    return;
  }
  const owner = x.state.elementInstances.get(timer.elementInstanceKey);
  if (!owner) {
    removeTimer(x, undefined, timer);
    return;
  }
  removeTimer(x, owner, timer);
  const target = x.model(owner).elements.get(timer.targetElementId);
  if (!target) throw new Error(`timer ${timer.key} targets unknown element ${timer.targetElementId}`);
  if (timer.cycle !== undefined && timer.repetitions !== undefined && keepsListening(target)) {
    const next = x.services.nextCycleFiring(
      { kind: 'cycle', dueAt: timer.dueAt, remaining: timer.repetitions, cycle: timer.cycle },
      x.now,
    );
    if (next) {
      addTimer(x, owner, {
        key: x.nextKey(),
        processInstanceKey: timer.processInstanceKey,
        elementInstanceKey: owner.key,
        targetElementId: timer.targetElementId,
        dueAt: next.dueAt,
        repetitions: next.remaining,
        cycle: next.cycle,
      });
    }
  }
  triggerEvent(x, owner, target, undefined);
}
