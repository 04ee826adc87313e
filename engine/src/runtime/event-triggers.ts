import type { ElementModel } from '../model/process-model.ts';
import type { ElementInstance, Timer } from './entities.ts';
import type { Execution } from './execution.ts';
import { addTimer, closeOwnedEvents, removeTimer } from './event-subscriptions.ts';
import { variablesToRecord, type Variables } from './json-values.ts';
import { activateLater, complete, createElementInstance, isLive, terminate } from './lifecycle.ts';

/**
 * An event arrived for `owner` (a catch event, receive task, or the host of a
 * boundary event) addressed to the element `target`. Returns false when the
 * owner can no longer accept events.
 */
export function triggerEvent(x: Execution, owner: ElementInstance, target: ElementModel, variables: Variables | undefined): boolean {
  if (!isLive(x, owner) || owner.interrupted) return false;
  if (target.kind === 'boundaryEvent') return triggerBoundary(x, owner, target, variables);
  if (owner.state !== 'ACTIVATED') return false;
  if (owner.elementId !== target.id) return triggerEventBasedGateway(x, owner, target, variables);
  complete(x, owner, variables);
  return true;
}

/** The first event behind an event-based gateway wins: the gateway completes and the winner runs (§3.10). */
function triggerEventBasedGateway(x: Execution, gateway: ElementInstance, target: ElementModel, variables: Variables | undefined): boolean {
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
export function triggerBoundary(x: Execution, host: ElementInstance, boundary: ElementModel, variables: Variables | undefined): boolean {
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
  const owner = x.state.elementInstances.get(timer.elementInstanceKey);
  if (!owner) {
    removeTimer(x, undefined, timer);
    return;
  }
  removeTimer(x, owner, timer);
  const target = x.model(owner).elements.get(timer.targetElementId);
  if (!target) throw new Error(`timer ${timer.key} targets unknown element ${timer.targetElementId}`);
  if (timer.cycle !== undefined && timer.repetitions !== undefined && !target.interrupting) {
    const next = x.services.nextCycleFiring({ kind: 'cycle', dueAt: timer.dueAt, remaining: timer.repetitions, cycle: timer.cycle }, timer.dueAt);
    if (next) {
      addTimer(x, owner, { key: x.nextKey(), processInstanceKey: timer.processInstanceKey, elementInstanceKey: owner.key, targetElementId: timer.targetElementId, dueAt: next.dueAt, repetitions: next.remaining, cycle: next.cycle });
    }
  }
  triggerEvent(x, owner, target, undefined);
}
