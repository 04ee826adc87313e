import type { ElementModel } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import type { Variables } from './json-values.ts';
import { triggerBoundary } from './event-triggers.ts';

export type ErrorOutcome = 'caught' | 'not-accepting' | { available: string };

/**
 * Looks for a catch event for `errorCode` (§1.9, §3.9): walking up from the
 * throwing instance, the error boundaries of each enclosing activity; in one
 * scope an exact code beats a catch-all.
 */
export function throwErrorFrom(x: Execution, from: ElementInstance, errorCode: string, variables: Variables): ErrorOutcome {
  const seen: string[] = [];
  let current: ElementInstance | undefined = from;
  while (current) {
    const model = x.model(current);
    const element = model.elements.get(current.elementId);
    const boundaries = (element?.boundaryIds ?? [])
      .map((id) => model.elements.get(id))
      .filter((boundary): boundary is ElementModel => boundary !== undefined && boundary.event.kind === 'error');
    for (const boundary of boundaries) seen.push(boundary.id);
    const exact = boundaries.find((boundary) => boundary.event.kind === 'error' && boundary.event.errorCode?.kind === 'static' && boundary.event.errorCode.value === errorCode);
    const catchAll = boundaries.find((boundary) => boundary.event.kind === 'error' && boundary.event.errorCode === undefined);
    const match = exact ?? catchAll;
    if (match) return triggerBoundary(x, current, match, variables) ? 'caught' : 'not-accepting';
    current = current.scopeKey === undefined ? undefined : x.state.elementInstances.get(current.scopeKey);
  }
  return { available: seen.length > 0 ? `Available error events are [${seen.join(', ')}]` : 'No error events are available in the scope.' };
}
