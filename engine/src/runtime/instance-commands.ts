import { EngineError } from '../errors.ts';
import type { DeployedDefinition } from './entities.ts';
import { createRootInstance } from './start-events.ts';
import type { Execution } from './execution.ts';
import type { Variables } from './json-values.ts';
import { activate, complete, isLive, terminate } from './lifecycle.ts';
import { removeIncident } from './incidents.ts';
import { updateJob } from './job-lifecycle.ts';
import { continueMultiInstance } from './multi-instance.ts';

export interface CreateInstance {
  bpmnProcessId: string;
  version: number;
  definitionKey: number;
  variables: Variables;
}

/** Resolution rules of §1.3. */
export function resolveDefinition(x: Execution, command: CreateInstance): DeployedDefinition {
  const intent = 'CREATE';
  if (command.bpmnProcessId !== '') {
    const list = x.state.versions.get(command.bpmnProcessId) ?? [];
    const found =
      command.version < 0
        ? list[list.length - 1]
        : list.find((definition) => definition.version === command.version);
    if (!found) {
      const which = command.version < 0 ? 'latest version' : `version '${command.version}'`;
      throw new EngineError(
        'NOT_FOUND',
        intent,
        `Expected to find process definition with process ID '${command.bpmnProcessId}' and ${which}, but none found`,
      );
    }
    return found;
  }
  if (command.definitionKey < 0)
    throw new EngineError(
      'INVALID_ARGUMENT',
      intent,
      'Expected at least a bpmnProcessId or a key greater than -1, but none given',
    );
  const found = x.state.definitions.get(command.definitionKey);
  if (!found)
    throw new EngineError(
      'NOT_FOUND',
      intent,
      `Expected to find process definition with key '${command.definitionKey}', but none found`,
    );
  return found;
}

export function createInstance(
  x: Execution,
  command: CreateInstance,
): { definition: DeployedDefinition; processInstanceKey: number } {
  const definition = resolveDefinition(x, command);
  const processElement = definition.model.elements.get(definition.bpmnProcessId);
  if (!processElement?.noneStartId) {
    throw new EngineError(
      'INVALID_STATE',
      'CREATE',
      `Expected to create instance of process with none start event, but there is no such event`,
    );
  }
  const root = createRootInstance(x, definition, command.variables);
  x.enqueue(() => activate(x, root));
  return { definition, processInstanceKey: root.key };
}

export function cancelInstance(x: Execution, processInstanceKey: number): void {
  const root = x.state.elementInstances.get(processInstanceKey);
  if (!root || root.scopeKey !== undefined || root.key !== root.processInstanceKey) {
    throw new EngineError(
      'NOT_FOUND',
      'CANCEL',
      `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`,
    );
  }
  if (root.parentElementInstanceKey !== undefined) {
    const caller = x.state.elementInstances.get(root.parentElementInstanceKey);
    throw new EngineError(
      'INVALID_STATE',
      'CANCEL',
      `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${caller?.processInstanceKey ?? '?'}' instead.`,
    );
  }
  terminate(x, root);
}

export interface SetVariables {
  elementInstanceKey: number;
  variables: Variables;
  local: boolean;
}

export function setVariables(x: Execution, command: SetVariables): number {
  const scope = x.state.elementInstances.get(command.elementInstanceKey);
  if (!scope || scope.interrupted) {
    throw new EngineError(
      'NOT_FOUND',
      'UPDATE',
      `Expected to update variables for element with key '${command.elementInstanceKey}', but no such element was found`,
    );
  }
  const key = x.nextKey();
  if (command.local) x.setLocalAll(scope, command.variables);
  else x.propagate(scope, command.variables);
  return key;
}

/** ResolveIncident (§1.13): job incidents make the job activatable; others re-run the failed step. */
export function resolveIncident(x: Execution, incidentKey: number): void {
  const incident = x.state.incidents.get(incidentKey);
  if (!incident)
    throw new EngineError(
      'NOT_FOUND',
      'RESOLVE',
      `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
    );
  if (incident.jobKey !== undefined) {
    const job = x.state.jobs.get(incident.jobKey);
    if (job && incident.errorType === 'JOB_NO_RETRIES' && job.retries <= 0) {
      throw new EngineError(
        'NOT_FOUND',
        'RESOLVE',
        `Expected to resolve incident with key '${incidentKey}', but the job with key '${job.key}' has no retries left; update its retries first`,
      );
    }
    removeIncident(x, incident);
    if (job) updateJob(x, job, { state: 'ACTIVATABLE', worker: '', deadline: 0, backoffUntil: 0 });
    return;
  }
  removeIncident(x, incident);
  const instance = x.state.elementInstances.get(incident.elementInstanceKey);
  if (!instance || !isLive(x, instance)) return;
  if (instance.mi && instance.state === 'ACTIVATED') x.enqueue(() => continueMultiInstance(x, instance));
  else if (instance.state === 'COMPLETING') x.enqueue(() => complete(x, instance));
  else x.enqueue(() => activate(x, instance));
}
