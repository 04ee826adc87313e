import type { ElementModel } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import { raiseIncident } from './incidents.ts';
import { activate, complete, isLive } from './lifecycle.ts';
import { createRootInstance } from './start-events.ts';

/**
 * Call activities (§3.5): the called process runs as its own instance with
 * its own root scope; variables are copied in on start and back on completion.
 */
export function startCalledProcess(x: Execution, instance: ElementInstance, element: ElementModel): void {
  const called = element.calledElement;
  if (!called) throw new Error(`call activity ${element.id} has no called element`);
  const processId = x.evaluateExpression(called.processId, instance, 'any');
  const fail = (message: string) => {
    instance.state = 'ACTIVATING';
    raiseIncident(x, instance, processId.ok ? 'CALLED_ELEMENT_ERROR' : 'EXTRACT_VALUE_ERROR', message);
  };
  if (!processId.ok) return fail(`Failed to evaluate the called processId: ${processId.message}`);
  if (typeof processId.value !== 'string')
    return fail(
      `Expected the called processId to be a string, but found '${JSON.stringify(processId.value)}'`,
    );
  const definition = x.state.latest(processId.value);
  if (!definition)
    return fail(`Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`);
  if (!definition.model.elements.get(definition.bpmnProcessId)?.noneStartId) {
    return fail(
      `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.`,
    );
  }
  const variables = called.propagateAllParentVariables
    ? x.visibleVariables(instance)
    : new Map(x.state.variables.get(instance.key) ?? []);
  const root = createRootInstance(x, definition, variables, instance);
  instance.calledInstanceKey = root.key;
  x.saveElement(instance);
  x.enqueue(() => activate(x, root));
}

/** A called process completed: its root variables come back as the call activity's event variables. */
export function returnToCaller(
  x: Execution,
  root: ElementInstance,
  rootVariables: Map<string, string>,
): void {
  if (root.parentElementInstanceKey === undefined) return;
  const caller = x.state.elementInstances.get(root.parentElementInstanceKey);
  if (!caller || !isLive(x, caller) || caller.state !== 'ACTIVATED') return;
  delete caller.calledInstanceKey;
  x.saveElement(caller);
  const element = x.elementOf(caller);
  const takeAll = element.calledElement?.propagateAllChildVariables !== false || element.outputs.length > 0;
  complete(x, caller, takeAll ? rootVariables : undefined);
}
