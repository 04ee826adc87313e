import type { DeployedDefinition, ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import type { Variables } from './json-values.ts';
import { activate, activateLater, createElementInstance } from './lifecycle.ts';

/** Creates the root element instance of a new process instance and writes its history. */
export function createRootInstance(
  x: Execution,
  definition: DeployedDefinition,
  variables: Variables,
  caller?: ElementInstance,
): ElementInstance {
  const key = x.nextKey();
  const root: ElementInstance = {
    key,
    processInstanceKey: key,
    definitionKey: definition.key,
    elementId: definition.bpmnProcessId,
    scopeKey: undefined,
    state: 'ACTIVATING',
    startedAt: x.now,
  };
  if (caller) root.parentElementInstanceKey = caller.key;
  x.state.putElementInstance(root);
  x.saveElement(root);
  x.changes.history.instances.set(key, {
    key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    definitionKey: definition.key,
    parentProcessInstanceKey: caller?.processInstanceKey,
    state: 'ACTIVE',
    startedAt: x.now,
    endedAt: undefined,
  });
  x.changes.history.elements.set(key, {
    key,
    processInstanceKey: key,
    elementId: definition.bpmnProcessId,
    elementType: 'PROCESS',
    state: 'ACTIVE',
    startedAt: x.now,
    endedAt: undefined,
  });
  x.setLocalAll(root, variables);
  return root;
}

/**
 * Starts an instance at a message, timer or signal start event: the event's
 * variables become root variables, and the start event is already triggered.
 */
export function startInstanceAt(
  x: Execution,
  definition: DeployedDefinition,
  startId: string,
  variables: Variables,
  startedByMessage?: string,
): ElementInstance {
  const root = createRootInstance(x, definition, variables);
  if (startedByMessage !== undefined) {
    root.startedByMessage = startedByMessage;
    x.state.putElementInstance(root);
    x.saveElement(root);
  }
  root.triggered = true;
  activate(x, root);
  const start = definition.model.elements.get(startId);
  if (!start) throw new Error(`start event ${startId} is not in ${definition.bpmnProcessId}`);
  if (!x.state.elementInstances.has(root.key) || root.state !== 'ACTIVATED') return root;
  const child = createElementInstance(x, root, start);
  child.triggered = true;
  x.saveElement(child);
  activateLater(x, child);
  return root;
}

/** A static-or-FEEL name of a start event, evaluated without variables (there is no instance yet). */
export function startEventName(
  x: Execution,
  expression: { kind: 'static'; value: string } | { kind: 'feel'; source: string },
): string | undefined {
  if (expression.kind === 'static') return expression.value;
  const outcome = x.services.evaluate(expression.source, {}, x.now, 'string');
  return outcome.ok && typeof outcome.value === 'string' ? outcome.value : undefined;
}
