import type { ElementModel, ProcessModel } from './process-model.ts';
import type { TransformContext } from './transform-context.ts';

/** Structural rules of Zeebe's model validators (ZEEBE-COMPAT.md §3). */
export function validateProcess(context: TransformContext, model: ProcessModel): void {
  const add = (id: string, message: string) => context.problems.add(id, message);
  const topStarts = [...model.elements.values()].filter(
    (e) => e.kind === 'startEvent' && e.scopeId === model.bpmnProcessId,
  );
  if (topStarts.length === 0) add(model.bpmnProcessId, 'a process must have at least one start event');
  if (topStarts.filter((e) => e.event.kind === 'none').length > 1)
    add(model.bpmnProcessId, 'a process must have at most one none start event');

  for (const element of model.elements.values()) {
    const scope = element.scopeId ? model.elements.get(element.scopeId) : undefined;
    for (const problem of elementProblems(element, scope, model)) add(element.id, problem);
    for (const flow of element.outgoing) {
      const gateway = element.kind === 'exclusiveGateway' || element.kind === 'inclusiveGateway';
      if (flow.condition !== undefined && (!gateway || flow.id === element.defaultFlowId) && !gateway) {
        add(
          flow.id,
          'a condition is only allowed on a sequence flow out of an exclusive or inclusive gateway',
        );
      }
    }
    if (element.defaultFlowId && !element.outgoing.some((flow) => flow.id === element.defaultFlowId)) {
      add(element.id, `the default flow '${element.defaultFlowId}' must be one of the outgoing flows`);
    }
  }
}

function elementProblems(
  element: ElementModel,
  scope: ElementModel | undefined,
  model: ProcessModel,
): string[] {
  const problems: string[] = [];
  const kind = element.event.kind;
  switch (element.kind) {
    case 'startEvent':
      if (element.incoming.length > 0) problems.push('a start event must not have incoming sequence flows');
      if (scope?.kind === 'subProcess' && kind !== 'none')
        problems.push('the start event of an embedded sub-process must be a none start event');
      if (scope?.kind === 'process' && !['none', 'message', 'timer', 'signal'].includes(kind))
        problems.push(`a process start event cannot be a ${kind} event`);
      if (
        scope?.kind === 'eventSubProcess' &&
        !['message', 'timer', 'signal', 'error', 'escalation'].includes(kind)
      )
        problems.push(`an event sub-process start event cannot be a ${kind} event`);
      if (kind === 'error' && element.event.kind === 'error' && element.event.errorCode?.kind === 'feel')
        problems.push('the error code of a catch event must be static');
      break;
    case 'endEvent':
      if (element.outgoing.length > 0) problems.push('an end event must not have outgoing sequence flows');
      if (!['none', 'terminate', 'error', 'escalation', 'signal'].includes(kind))
        problems.push(`an end event cannot be a ${kind} event`);
      break;
    case 'intermediateCatchEvent':
      if (!['message', 'timer', 'signal'].includes(kind))
        problems.push(`an intermediate catch event must be a message, timer or signal event, not ${kind}`);
      if (element.event.kind === 'timer' && element.event.timer.kind === 'timeCycle')
        problems.push('an intermediate timer catch event cannot use timeCycle');
      break;
    case 'passThrough':
      if (
        element.elementType === 'INTERMEDIATE_THROW_EVENT' &&
        !['none', 'signal', 'escalation'].includes(kind)
      )
        problems.push(`an intermediate throw event cannot be a ${kind} event`);
      break;
    case 'boundaryEvent': {
      if (element.incoming.length > 0)
        problems.push('a boundary event must not have incoming sequence flows');
      if (element.outgoing.length === 0)
        problems.push('a boundary event must have at least one outgoing sequence flow');
      if (!['timer', 'message', 'signal', 'error', 'escalation'].includes(kind))
        problems.push(`a boundary event cannot be a ${kind} event`);
      if (kind === 'error' && !element.interrupting)
        problems.push('an error boundary event must be interrupting');
      if (element.event.kind === 'error' && element.event.errorCode?.kind === 'feel')
        problems.push('the error code of a catch event must be static');
      if (element.event.kind === 'timer' && element.interrupting && element.event.timer.kind === 'timeCycle')
        problems.push('an interrupting timer boundary event cannot use timeCycle');
      const host = element.attachedToId ? model.elements.get(element.attachedToId) : undefined;
      if (kind === 'escalation' && host && host.kind !== 'subProcess' && host.kind !== 'callActivity')
        problems.push('an escalation boundary event must be attached to a sub-process or call activity');
      break;
    }
    case 'subProcess': {
      const starts = startsOf(model, element.id);
      if (starts.length !== 1 || starts[0]?.event.kind !== 'none')
        problems.push('an embedded sub-process must have exactly one none start event');
      break;
    }
    case 'eventSubProcess': {
      if (element.incoming.length > 0 || element.outgoing.length > 0)
        problems.push('an event sub-process must not have incoming or outgoing sequence flows');
      if (startsOf(model, element.id).length !== 1)
        problems.push('an event sub-process must have exactly one start event');
      if (element.multiInstance) problems.push('an event sub-process cannot be multi-instance');
      break;
    }
    case 'inclusiveGateway':
      if (element.incoming.length > 1)
        problems.push(
          'an inclusive gateway with more than one incoming sequence flow (join) is not supported',
        );
      break;
    case 'eventBasedGateway':
      problems.push(...eventBasedProblems(element, model));
      break;
    default:
      break;
  }
  return problems;
}

function startsOf(model: ProcessModel, scopeId: string): ElementModel[] {
  return [...model.elements.values()].filter((e) => e.kind === 'startEvent' && e.scopeId === scopeId);
}

function eventBasedProblems(element: ElementModel, model: ProcessModel): string[] {
  const problems: string[] = [];
  if (element.outgoing.length < 2)
    problems.push('an event-based gateway must have at least two outgoing sequence flows');
  const names = new Set<string>();
  for (const flow of element.outgoing) {
    const target = model.elements.get(flow.targetId);
    if (!target || target.kind !== 'intermediateCatchEvent') {
      problems.push(
        `the target '${flow.targetId}' of an event-based gateway must be an intermediate message, timer or signal catch event`,
      );
      continue;
    }
    if (target.incoming.length > 1)
      problems.push(
        `the target '${flow.targetId}' of an event-based gateway must have no other incoming sequence flow`,
      );
    const name =
      target.event.kind === 'message'
        ? `message:${JSON.stringify(target.event.messageName)}`
        : target.event.kind === 'signal'
          ? `signal:${JSON.stringify(target.event.signalName)}`
          : undefined;
    if (name && names.has(name))
      problems.push(`the event-based gateway has two targets with the same ${name.split(':')[0]} name`);
    if (name) names.add(name);
  }
  return problems;
}
