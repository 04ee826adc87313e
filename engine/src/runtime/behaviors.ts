import type { ElementModel, SequenceFlowModel } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident } from './incidents.ts';
import { activateLater, completeLater, createElementInstance, terminate } from './lifecycle.ts';
import { createJob } from './job-lifecycle.ts';
import { closeOwnedEvents, openCatchEvent, openEventSubProcesses } from './event-subscriptions.ts';
import { variablesFromRecord } from './json-values.ts';
import { throwErrorFrom, throwFrom } from './error-events.ts';
import { broadcastSignal } from './signals.ts';
import { startCalledProcess } from './call-activity.ts';

/** What each kind of element does once it is ACTIVATED. */
export function activateBehavior(x: Execution, instance: ElementInstance, element: ElementModel): void {
  switch (element.kind) {
    case 'process':
    case 'subProcess': {
      const opened = openEventSubProcesses(x, instance, element);
      if (!opened.ok) {
        closeOwnedEvents(x, instance);
        instance.state = 'ACTIVATING';
        raiseIncident(x, instance, 'EXTRACT_VALUE_ERROR', opened.message);
        return;
      }
      if (instance.triggered) return;
      const start = element.noneStartId ? x.model(instance).elements.get(element.noneStartId) : undefined;
      if (!start) throw new Error(`scope ${element.id} has no none start event`);
      activateLater(x, createElementInstance(x, instance, start));
      return;
    }
    case 'eventSubProcess': {
      const start = element.startEventId ? x.model(instance).elements.get(element.startEventId) : undefined;
      if (!start) throw new Error(`event sub-process ${element.id} has no start event`);
      const child = createElementInstance(x, instance, start);
      child.triggered = true;
      if (instance.eventVariables) child.eventVariables = instance.eventVariables;
      x.saveElement(child);
      activateLater(x, child);
      return;
    }
    case 'jobTask':
      createJob(x, instance, element);
      return;
    case 'callActivity':
      startCalledProcess(x, instance, element);
      return;
    case 'exclusiveGateway': {
      const chosen = chooseExclusive(x, instance, element);
      if (chosen) completeLater(x, instance, undefined, chosen);
      return;
    }
    case 'intermediateCatchEvent':
    case 'receiveTask':
      if (instance.triggered) completeLater(x, instance, eventVariablesOf(instance));
      else openCatchEvent(x, instance, element);
      return;
    case 'eventBasedGateway':
      openCatchEvent(x, instance, element);
      return;
    case 'boundaryEvent':
    case 'startEvent':
      completeLater(x, instance, eventVariablesOf(instance));
      return;
    case 'scriptTask':
      runScript(x, instance, element);
      return;
    case 'inclusiveGateway': {
      const chosen = chooseInclusive(x, instance, element);
      if (chosen) completeLater(x, instance, undefined, chosen);
      return;
    }
    case 'endEvent':
      if (element.event.kind === 'error') throwErrorEnd(x, instance, element);
      else if (element.event.kind === 'terminate') terminateEnd(x, instance);
      else throwOrPass(x, instance, element);
      return;
    case 'passThrough':
      throwOrPass(x, instance, element);
      return;
    case 'parallelGateway':
      completeLater(x, instance);
      return;
    default:
      throw new Error(`element kind ${element.kind} (${element.id}) cannot run in this engine`);
  }
}

function eventVariablesOf(instance: ElementInstance) {
  return instance.eventVariables ? variablesFromRecord(instance.eventVariables) : undefined;
}

/** Script task (§3.4): the result becomes the event variable `resultVariable`. */
function runScript(x: Execution, instance: ElementInstance, element: ElementModel): void {
  const script = element.script;
  if (!script) throw new Error(`script task ${element.id} has no script`);
  const outcome = x.evaluateFeel(script.expression, instance, 'any');
  if (!outcome.ok) {
    instance.state = 'ACTIVATING';
    raiseIncident(
      x,
      instance,
      'EXTRACT_VALUE_ERROR',
      `Failed to evaluate the script expression '${script.expression}': ${outcome.message}`,
    );
    return;
  }
  completeLater(x, instance, new Map([[script.resultVariable, x.toText(outcome.value)]]));
}

/** Inclusive gateway fork (§3.10): every true condition; none → default; non-boolean → incident. */
function chooseInclusive(
  x: Execution,
  instance: ElementInstance,
  element: ElementModel,
): SequenceFlowModel[] | undefined {
  if (element.outgoing.length === 0) return [];
  const chosen: SequenceFlowModel[] = [];
  for (const flow of element.outgoing) {
    if (flow.id === element.defaultFlowId) continue;
    if (flow.condition === undefined) {
      chosen.push(flow);
      continue;
    }
    const outcome = x.evaluateFeel(flow.condition, instance, 'boolean');
    if (!outcome.ok) {
      instance.state = 'ACTIVATING';
      raiseIncident(
        x,
        instance,
        'EXTRACT_VALUE_ERROR',
        `Expected result of the expression '${flow.condition}' to be 'BOOLEAN', but was an error: ${outcome.message}`,
      );
      return undefined;
    }
    if (outcome.value === true) chosen.push(flow);
  }
  if (chosen.length > 0) return chosen;
  const fallback = element.outgoing.find((flow) => flow.id === element.defaultFlowId);
  if (fallback) return [fallback];
  instance.state = 'ACTIVATING';
  raiseIncident(
    x,
    instance,
    'CONDITION_ERROR',
    `Expected at least one condition to evaluate to true, or to have a default flow (gateway '${element.id}')`,
  );
  return undefined;
}

/**
 * Exclusive gateway (§3.10): first true condition in XML order; otherwise
 * the default flow; a non-boolean result is an incident even with a default.
 */
function chooseExclusive(
  x: Execution,
  instance: ElementInstance,
  element: ElementModel,
): SequenceFlowModel[] | undefined {
  if (element.outgoing.length === 0) return [];
  const only = element.outgoing[0];
  if (element.outgoing.length === 1 && only && only.condition === undefined) return [only];
  for (const flow of element.outgoing) {
    if (flow.id === element.defaultFlowId) continue;
    if (flow.condition === undefined) continue;
    const outcome = x.evaluateFeel(flow.condition, instance, 'boolean');
    if (!outcome.ok) {
      instance.state = 'ACTIVATING';
      raiseIncident(
        x,
        instance,
        'EXTRACT_VALUE_ERROR',
        `Expected result of the expression '${flow.condition}' to be 'BOOLEAN', but was an error: ${outcome.message}`,
      );
      return undefined;
    }
    if (outcome.value === true) return [flow];
  }
  const fallback = element.outgoing.find((flow) => flow.id === element.defaultFlowId);
  if (fallback) return [fallback];
  instance.state = 'ACTIVATING';
  raiseIncident(
    x,
    instance,
    'CONDITION_ERROR',
    `Expected at least one condition to evaluate to true, or to have a default flow (gateway '${element.id}')`,
  );
  return undefined;
}

/** Error end event (§3.9): the search starts at its flow scope; uncaught → incident on the end event. */
function throwErrorEnd(x: Execution, instance: ElementInstance, element: ElementModel): void {
  if (element.event.kind !== 'error') return;
  const code = element.event.errorCode
    ? x.evaluateExpression(element.event.errorCode, instance, 'string')
    : { ok: true as const, value: '' };
  if (!code.ok) {
    instance.state = 'ACTIVATING';
    raiseIncident(
      x,
      instance,
      'EXTRACT_VALUE_ERROR',
      `Failed to evaluate the error code of '${element.id}': ${code.message}`,
    );
    return;
  }
  const errorCode = typeof code.value === 'string' ? code.value : String(code.value);
  const outcome = throwErrorFrom(x, instance, errorCode, new Map());
  if (outcome === 'caught') return;
  instance.state = 'ACTIVATING';
  const detail =
    outcome === 'not-accepting'
      ? 'but the catching scope is not active'
      : `but it was not caught. ${outcome.available}`;
  raiseIncident(
    x,
    instance,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${errorCode}', ${detail}`,
  );
}

/** Terminate end event (§3.9): every other element in its flow scope ends; the scope then completes. */
function terminateEnd(x: Execution, instance: ElementInstance): void {
  const scope = instance.scopeKey === undefined ? undefined : x.state.elementInstances.get(instance.scopeKey);
  if (scope) {
    for (const siblingKey of [...(x.state.children.get(scope.key) ?? [])]) {
      const sibling = x.state.elementInstances.get(siblingKey);
      if (sibling && sibling.key !== instance.key) terminate(x, sibling);
    }
    if (scope.joins) {
      delete scope.joins;
      x.saveElement(scope);
    }
  }
  completeLater(x, instance);
}

/**
 * None, signal and escalation throw/end events. A signal broadcasts the
 * event's local variables; an escalation caught by an interrupting catch
 * event stops here, otherwise the flow goes on (§3.9, §3.12).
 */
function throwOrPass(x: Execution, instance: ElementInstance, element: ElementModel): void {
  const event = element.event;
  if (event.kind === 'signal') {
    const name = x.evaluateExpression(event.signalName, instance, 'any');
    if (!name.ok || typeof name.value !== 'string') {
      instance.state = 'ACTIVATING';
      raiseIncident(
        x,
        instance,
        'EXTRACT_VALUE_ERROR',
        `Failed to evaluate the signal name of '${element.id}': ${name.ok ? `expected a string, but found '${JSON.stringify(name.value)}'` : name.message}`,
      );
      return;
    }
    broadcastSignal(x, name.value, new Map(x.state.variables.get(instance.key) ?? []));
  }
  if (event.kind === 'escalation') {
    const code = event.escalationCode
      ? x.evaluateExpression(event.escalationCode, instance, 'any')
      : { ok: true as const, value: '' };
    if (!code.ok) {
      instance.state = 'ACTIVATING';
      raiseIncident(
        x,
        instance,
        'EXTRACT_VALUE_ERROR',
        `Failed to evaluate the escalation code of '${element.id}': ${code.message}`,
      );
      return;
    }
    const outcome = throwFrom(
      x,
      instance,
      'escalation',
      typeof code.value === 'string' ? code.value : String(code.value),
      new Map(),
    );
    if (outcome.caught && outcome.interrupting && outcome.accepted) return;
  }
  completeLater(x, instance);
}
