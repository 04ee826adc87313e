import type { ElementInstance, Incident, IncidentType } from './entities.ts';
import type { Execution } from './execution.ts';

export const MAX_ERROR_MESSAGE = 10_000;

export function truncate(message: string): string {
  return message.length > MAX_ERROR_MESSAGE ? message.slice(0, MAX_ERROR_MESSAGE) : message;
}

export function raiseIncident(
  x: Execution,
  instance: ElementInstance,
  errorType: IncidentType,
  errorMessage: string,
  jobKey?: number,
): Incident {
  const definition = x.definition(instance.definitionKey);
  const incident: Incident = {
    key: x.nextKey(),
    errorType,
    errorMessage: truncate(errorMessage),
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    bpmnProcessId: definition.bpmnProcessId,
    definitionKey: definition.key,
    jobKey,
    createdAt: x.now,
  };
  x.state.incidents.set(incident.key, incident);
  x.changes.incidents.set(incident.key, incident);
  instance.incidentKey = incident.key;
  x.saveElement(instance);
  writeIncidentHistory(x, incident, 'ACTIVE');
  return incident;
}

export function removeIncident(x: Execution, incident: Incident): void {
  x.state.incidents.delete(incident.key);
  x.changes.incidents.set(incident.key, null);
  const instance = x.state.elementInstances.get(incident.elementInstanceKey);
  if (instance?.incidentKey === incident.key) {
    delete instance.incidentKey;
    x.saveElement(instance);
  }
  writeIncidentHistory(x, incident, 'RESOLVED');
}

function writeIncidentHistory(x: Execution, incident: Incident, state: 'ACTIVE' | 'RESOLVED'): void {
  x.changes.history.incidents.set(incident.key, {
    key: incident.key,
    errorType: incident.errorType,
    errorMessage: incident.errorMessage,
    bpmnProcessId: incident.bpmnProcessId,
    definitionKey: incident.definitionKey,
    processInstanceKey: incident.processInstanceKey,
    elementId: incident.elementId,
    elementInstanceKey: incident.elementInstanceKey,
    jobKey: incident.jobKey,
    state,
    createdAt: incident.createdAt,
    resolvedAt: state === 'RESOLVED' ? x.now : undefined,
  });
}
