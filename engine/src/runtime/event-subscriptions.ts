import type { ElementModel } from '../model/process-model.ts';
import type { ElementInstance, MessageSubscription, SignalSubscription, Timer } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident } from './incidents.ts';
import { correlateBufferedMessage } from './messages.ts';

/**
 * Timers and message subscriptions that an element instance owns: its own
 * (intermediate catch event, receive task) or those of its boundary events.
 * They open on activation and close when the owner leaves.
 */

type Opened = { ok: true } | { ok: false; message: string };

export function openBoundaryEvents(x: Execution, host: ElementInstance, element: ElementModel): boolean {
  const model = x.model(host);
  for (const boundaryId of element.boundaryIds) {
    const boundary = model.elements.get(boundaryId);
    if (!boundary) continue;
    const opened = openEvent(x, host, boundary);
    if (!opened.ok) {
      closeOwnedEvents(x, host);
      raiseIncident(x, host, 'EXTRACT_VALUE_ERROR', opened.message);
      return false;
    }
  }
  return true;
}

/** An intermediate catch event or receive task waits for its own event; an event-based gateway for all of its targets'. */
export function openCatchEvent(x: Execution, instance: ElementInstance, element: ElementModel): void {
  const model = x.model(instance);
  const targets =
    element.kind === 'eventBasedGateway'
      ? element.outgoing
          .map((flow) => model.elements.get(flow.targetId))
          .filter((target): target is ElementModel => target !== undefined)
      : [element];
  const failed = targets.map((target) => openEvent(x, instance, target)).find((opened) => !opened.ok);
  if (failed && !failed.ok) {
    const opened = failed;
    closeOwnedEvents(x, instance);
    instance.state = 'ACTIVATING';
    raiseIncident(x, instance, 'EXTRACT_VALUE_ERROR', opened.message);
  }
}

export function openEvent(x: Execution, owner: ElementInstance, target: ElementModel): Opened {
  const event = target.event;
  if (event.kind === 'timer') return openTimer(x, owner, target);
  if (event.kind === 'message') return openMessage(x, owner, target);
  if (event.kind === 'signal') return openSignal(x, owner, target);
  return { ok: true };
}

/** Event sub-process starts (timer, message, signal) listen while their scope is active (§3.8). */
export function openEventSubProcesses(x: Execution, scope: ElementInstance, element: ElementModel): Opened {
  const model = x.model(scope);
  for (const espId of element.eventSubProcessIds) {
    const startId = model.elements.get(espId)?.startEventId;
    const start = startId ? model.elements.get(startId) : undefined;
    if (!start) continue;
    const opened = openEvent(x, scope, start);
    if (!opened.ok) return opened;
  }
  return { ok: true };
}

function openSignal(x: Execution, owner: ElementInstance, target: ElementModel): Opened {
  if (target.event.kind !== 'signal') return { ok: true };
  const name = x.evaluateExpression(target.event.signalName, owner, 'any');
  if (!name.ok)
    return { ok: false, message: `Failed to evaluate the signal name of '${target.id}': ${name.message}` };
  if (typeof name.value !== 'string')
    return {
      ok: false,
      message: `Expected the signal name of '${target.id}' to be a string, but found '${JSON.stringify(name.value)}'`,
    };
  const subscription: SignalSubscription = {
    key: x.nextKey(),
    processInstanceKey: owner.processInstanceKey,
    elementInstanceKey: owner.key,
    targetElementId: target.id,
    signalName: name.value,
  };
  x.state.putSignalSubscription(subscription);
  x.changes.signalSubscriptions.set(subscription.key, subscription);
  owner.subscriptionKeys = [...(owner.subscriptionKeys ?? []), subscription.key];
  x.saveElement(owner);
  return { ok: true };
}

function openTimer(x: Execution, owner: ElementInstance, target: ElementModel): Opened {
  if (target.event.kind !== 'timer') return { ok: true };
  const timer = target.event.timer;
  const value =
    timer.value.kind === 'static'
      ? { ok: true as const, value: timer.value.value }
      : x.evaluateFeel(timer.value.source, owner, 'any');
  if (!value.ok)
    return { ok: false, message: `Failed to evaluate the timer of '${target.id}': ${value.message}` };
  const scheduled = x.services.scheduleTimer(timer.kind, value.value, x.now);
  if (!scheduled.ok) return { ok: false, message: `Invalid timer of '${target.id}': ${scheduled.message}` };
  const schedule = scheduled.schedule;
  const entity: Timer =
    schedule.kind === 'once'
      ? {
          key: x.nextKey(),
          processInstanceKey: owner.processInstanceKey,
          elementInstanceKey: owner.key,
          targetElementId: target.id,
          dueAt: schedule.dueAt,
        }
      : {
          key: x.nextKey(),
          processInstanceKey: owner.processInstanceKey,
          elementInstanceKey: owner.key,
          targetElementId: target.id,
          dueAt: schedule.dueAt,
          repetitions: schedule.remaining,
          cycle: schedule.cycle,
        };
  addTimer(x, owner, entity);
  return { ok: true };
}

export function addTimer(x: Execution, owner: ElementInstance, timer: Timer): void {
  x.state.putTimer(timer);
  x.changes.timers.set(timer.key, timer);
  owner.timerKeys = [...(owner.timerKeys ?? []), timer.key];
  x.saveElement(owner);
}

/** A correlation key must be a string or a number; a number is printed as an integer (§3.6). */
function correlationKeyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(Math.trunc(value));
  return undefined;
}

function openMessage(x: Execution, owner: ElementInstance, target: ElementModel): Opened {
  if (target.event.kind !== 'message') return { ok: true };
  const name = x.evaluateExpression(target.event.messageName, owner, 'any');
  if (!name.ok)
    return { ok: false, message: `Failed to evaluate the message name of '${target.id}': ${name.message}` };
  if (typeof name.value !== 'string')
    return {
      ok: false,
      message: `Expected the message name of '${target.id}' to be a string, but found '${JSON.stringify(name.value)}'`,
    };
  const keyExpression = target.event.correlationKey;
  if (!keyExpression) throw new Error(`message catch ${target.id} has no correlation key`);
  const key = x.evaluateExpression(keyExpression, owner, 'any');
  if (!key.ok)
    return { ok: false, message: `Failed to extract the correlation key of '${target.id}': ${key.message}` };
  const correlationKey = correlationKeyText(key.value);
  if (correlationKey === undefined) {
    return {
      ok: false,
      message: `Failed to extract the correlation key of '${target.id}': expected a string or a number, but found '${JSON.stringify(key.value)}'`,
    };
  }
  const subscription: MessageSubscription = {
    key: x.nextKey(),
    processInstanceKey: owner.processInstanceKey,
    elementInstanceKey: owner.key,
    targetElementId: target.id,
    bpmnProcessId: x.definition(owner.definitionKey).bpmnProcessId,
    messageName: name.value,
    correlationKey,
  };
  x.state.putSubscription(subscription);
  x.changes.subscriptions.set(subscription.key, subscription);
  owner.subscriptionKeys = [...(owner.subscriptionKeys ?? []), subscription.key];
  x.saveElement(owner);
  x.enqueue(() => correlateBufferedMessage(x, subscription));
  return { ok: true };
}

/** Closes the timers and subscriptions an instance owns; `only` limits it to some target elements. */
export function closeOwnedEvents(
  x: Execution,
  owner: ElementInstance,
  only?: (targetElementId: string) => boolean,
): void {
  if (!owner.timerKeys && !owner.subscriptionKeys) return;
  const keepTimers: number[] = [];
  const keepSubscriptions: number[] = [];
  for (const key of owner.timerKeys ?? []) {
    const timer = x.state.timers.get(key);
    if (timer && only && !only(timer.targetElementId)) keepTimers.push(key);
    else if (x.state.timers.delete(key)) x.changes.timers.set(key, null);
  }
  for (const key of owner.subscriptionKeys ?? []) {
    const subscription = x.state.subscriptions.get(key);
    const signal = x.state.signalSubscriptions.get(key);
    const target = subscription?.targetElementId ?? signal?.targetElementId;
    if (target !== undefined && only && !only(target)) {
      keepSubscriptions.push(key);
      continue;
    }
    if (subscription) {
      x.state.removeSubscription(subscription);
      x.changes.subscriptions.set(key, null);
    }
    if (signal) {
      x.state.removeSignalSubscription(signal);
      x.changes.signalSubscriptions.set(key, null);
    }
  }
  if (keepTimers.length > 0) owner.timerKeys = keepTimers;
  else delete owner.timerKeys;
  if (keepSubscriptions.length > 0) owner.subscriptionKeys = keepSubscriptions;
  else delete owner.subscriptionKeys;
  x.saveElement(owner);
}

export function removeSignalSubscription(
  x: Execution,
  owner: ElementInstance | undefined,
  subscription: SignalSubscription,
): void {
  x.state.removeSignalSubscription(subscription);
  x.changes.signalSubscriptions.set(subscription.key, null);
  if (owner?.subscriptionKeys) {
    owner.subscriptionKeys = owner.subscriptionKeys.filter((key) => key !== subscription.key);
    x.saveElement(owner);
  }
}

export function removeTimer(x: Execution, owner: ElementInstance | undefined, timer: Timer): void {
  x.state.timers.delete(timer.key);
  x.changes.timers.set(timer.key, null);
  if (owner?.timerKeys) {
    owner.timerKeys = owner.timerKeys.filter((key) => key !== timer.key);
    x.saveElement(owner);
  }
}

export function removeSubscription(
  x: Execution,
  owner: ElementInstance | undefined,
  subscription: MessageSubscription,
): void {
  x.state.removeSubscription(subscription);
  x.changes.subscriptions.set(subscription.key, null);
  if (owner?.subscriptionKeys) {
    owner.subscriptionKeys = owner.subscriptionKeys.filter((key) => key !== subscription.key);
    x.saveElement(owner);
  }
}
