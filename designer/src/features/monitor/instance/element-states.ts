import type { ElementInstance, Incident } from '../api/monitor.types.ts';

/** What the diagram shows on one BPMN element of one instance. */
export type ElementStatus = 'incident' | 'active' | 'completed' | 'terminated';

export interface ElementState {
  elementId: string;
  status: ElementStatus;
  /** Element instances still running (a multi-instance task counts each inner instance). */
  active: number;
  completed: number;
  terminated: number;
  /** Active incidents on the element. */
  incidents: number;
}

/** History rows that are not shapes of their own on the diagram. */
const NOT_ON_DIAGRAM = new Set(['PROCESS']);
const MULTI_INSTANCE_BODY = 'MULTI_INSTANCE_BODY';

/**
 * Turns an instance's element history and incidents into one state per BPMN element, as the
 * diagram's overlays show it. An element is as bad as its worst part: an active incident wins
 * over running, running over completed, completed over terminated (a loop may have passed an
 * element once and be back in it).
 */
export function elementStates(
  elements: readonly ElementInstance[],
  incidents: readonly Incident[],
): Map<string, ElementState> {
  const states = new Map<string, ElementState>();
  const stateOf = (elementId: string): ElementState => {
    let state = states.get(elementId);
    if (!state) {
      state = { elementId, status: 'terminated', active: 0, completed: 0, terminated: 0, incidents: 0 };
      states.set(elementId, state);
    }
    return state;
  };

  // The multi-instance body shares its element id with its inner instances: count the inner
  // ones, and the body only while it has none (before the first inner instance starts).
  const withInnerInstances = new Set(
    elements.filter((element) => element.elementType !== MULTI_INSTANCE_BODY).map((e) => e.elementId),
  );
  for (const element of elements) {
    if (NOT_ON_DIAGRAM.has(element.elementType)) continue;
    if (element.elementType === MULTI_INSTANCE_BODY && withInnerInstances.has(element.elementId)) continue;
    const state = stateOf(element.elementId);
    if (element.state === 'ACTIVE') state.active += 1;
    else if (element.state === 'COMPLETED') state.completed += 1;
    else state.terminated += 1;
  }
  for (const incident of incidents) {
    if (incident.state === 'ACTIVE') stateOf(incident.elementId).incidents += 1;
  }

  for (const state of states.values()) state.status = statusOf(state);
  return states;
}

function statusOf(state: ElementState): ElementStatus {
  if (state.incidents > 0) return 'incident';
  if (state.active > 0) return 'active';
  if (state.completed > 0) return 'completed';
  return 'terminated';
}

/** Counts for the legend under the diagram. */
export function statusCounts(states: Iterable<ElementState>): Record<ElementStatus, number> {
  const counts: Record<ElementStatus, number> = { incident: 0, active: 0, completed: 0, terminated: 0 };
  for (const state of states) counts[state.status] += 1;
  return counts;
}
