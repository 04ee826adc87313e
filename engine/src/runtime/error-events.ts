import type { ElementModel, Expression } from '../model/process-model.ts';
import type { ElementInstance } from './entities.ts';
import type { Execution } from './execution.ts';
import type { Variables } from './json-values.ts';
import { triggerBoundary, triggerEventSubProcess } from './event-triggers.ts';

export type CatchOutcome =
  { caught: true; interrupting: boolean; accepted: boolean } | { caught: false; available: string[] };

type Kind = 'error' | 'escalation';

function codeOf(element: ElementModel, kind: Kind): Expression | undefined | null {
  if (kind === 'error' && element.event.kind === 'error') return element.event.errorCode;
  if (kind === 'escalation' && element.event.kind === 'escalation') return element.event.escalationCode;
  return null;
}

/**
 * The upward search for a catch event (§1.9, §3.9): from the throwing
 * instance through every enclosing scope; at each level first the event
 * sub-processes inside the scope, then the boundary events of the activity.
 * In one level an exact code beats a catch-all.
 */
export function throwFrom(
  x: Execution,
  from: ElementInstance,
  kind: Kind,
  code: string,
  variables: Variables,
): CatchOutcome {
  const available: string[] = [];
  let current: ElementInstance | undefined = from;
  while (current) {
    const model = x.model(current);
    const element = model.elements.get(current.elementId);
    const starts = (element?.eventSubProcessIds ?? [])
      .map((id) => model.elements.get(model.elements.get(id)?.startEventId ?? ''))
      .filter((start): start is ElementModel => start !== undefined && codeOf(start, kind) !== null);
    // Boundary events of a multi-instance activity sit on its body, not on the inner instances.
    const boundaries = (current.loopCounter === undefined ? (element?.boundaryIds ?? []) : [])
      .map((id) => model.elements.get(id))
      .filter(
        (boundary): boundary is ElementModel => boundary !== undefined && codeOf(boundary, kind) !== null,
      );
    const candidates = [...starts, ...boundaries];
    available.push(...candidates.map((candidate) => candidate.id));
    const exact = candidates.find((candidate) => {
      const expected = codeOf(candidate, kind);
      return expected?.kind === 'static' && expected.value === code;
    });
    const match = exact ?? candidates.find((candidate) => codeOf(candidate, kind) === undefined);
    if (match) {
      const accepted =
        match.kind === 'startEvent'
          ? triggerEventSubProcess(x, current, match, variables)
          : triggerBoundary(x, current, match, variables);
      return { caught: true, interrupting: match.interrupting, accepted };
    }
    // From a called process the search goes on at the call activity in the parent.
    const next: number | undefined = current.scopeKey ?? current.parentElementInstanceKey;
    current = next === undefined ? undefined : x.state.elementInstances.get(next);
  }
  return { caught: false, available };
}

export type ErrorOutcome = 'caught' | 'not-accepting' | { available: string };

export function throwErrorFrom(
  x: Execution,
  from: ElementInstance,
  errorCode: string,
  variables: Variables,
): ErrorOutcome {
  const outcome = throwFrom(x, from, 'error', errorCode, variables);
  if (outcome.caught) return outcome.accepted ? 'caught' : 'not-accepting';
  return {
    available:
      outcome.available.length > 0
        ? `Available error events are [${outcome.available.join(', ')}]`
        : 'No error events are available in the scope.',
  };
}
