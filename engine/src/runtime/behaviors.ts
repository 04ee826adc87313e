import type { ElementModel, SequenceFlowModel } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident } from './incidents.ts';
import { activateLater, completeLater, createElementInstance } from './lifecycle.ts';
import { createJob } from './job-lifecycle.ts';
import { openCatchEvent } from './event-subscriptions.ts';
import { variablesFromRecord } from './json-values.ts';

/** What each kind of element does once it is ACTIVATED. */
export function activateBehavior(x: Execution, instance: ElementInstance, element: ElementModel): void {
  switch (element.kind) {
    case 'process':
    case 'subProcess': {
      const start = element.noneStartId ? x.model(instance).elements.get(element.noneStartId) : undefined;
      if (!start) throw new Error(`scope ${element.id} has no none start event`);
      activateLater(x, createElementInstance(x, instance, start));
      return;
    }
    case 'jobTask':
      createJob(x, instance, element);
      return;
    case 'exclusiveGateway': {
      const chosen = chooseExclusive(x, instance, element);
      if (chosen) completeLater(x, instance, undefined, chosen);
      return;
    }
    case 'intermediateCatchEvent':
    case 'receiveTask':
      openCatchEvent(x, instance, element);
      return;
    case 'boundaryEvent': {
      const variables = instance.eventVariables ? variablesFromRecord(instance.eventVariables) : undefined;
      completeLater(x, instance, variables);
      return;
    }
    case 'startEvent':
    case 'endEvent':
    case 'passThrough':
    case 'parallelGateway':
      completeLater(x, instance);
      return;
    default:
      throw new Error(`element kind ${element.kind} (${element.id}) cannot run in this engine`);
  }
}

/**
 * Exclusive gateway (§3.10): first true condition in XML order; otherwise
 * the default flow; a non-boolean result is an incident even with a default.
 */
function chooseExclusive(x: Execution, instance: ElementInstance, element: ElementModel): SequenceFlowModel[] | undefined {
  if (element.outgoing.length === 0) return [];
  const only = element.outgoing[0];
  if (element.outgoing.length === 1 && only && only.condition === undefined) return [only];
  for (const flow of element.outgoing) {
    if (flow.id === element.defaultFlowId) continue;
    if (flow.condition === undefined) continue;
    const outcome = x.evaluateFeel(flow.condition, instance, 'boolean');
    if (!outcome.ok) {
      raiseIncident(x, instance, 'EXTRACT_VALUE_ERROR', `Expected result of the expression '${flow.condition}' to be 'BOOLEAN', but was an error: ${outcome.message}`);
      return undefined;
    }
    if (outcome.value === true) return [flow];
  }
  const fallback = element.outgoing.find((flow) => flow.id === element.defaultFlowId);
  if (fallback) return [fallback];
  raiseIncident(x, instance, 'CONDITION_ERROR', `Expected at least one condition to evaluate to true, or to have a default flow (gateway '${element.id}')`);
  return undefined;
}
