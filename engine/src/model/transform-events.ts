import { toExpression } from './expression.ts';
import { body, child, children, extension, str, type ModdleNode } from './moddle-node.ts';
import type { EventDefinition, TimerDefinition } from './process-model.ts';
import { noteExpression, requireFeel, type TransformContext } from './transform-context.ts';

const UNSUPPORTED: Record<string, string> = {
  'bpmn:CompensateEventDefinition': 'compensation events are not supported',
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported',
  'bpmn:CancelEventDefinition': 'cancel events are not supported',
  'bpmn:LinkEventDefinition': 'link events are not supported by this engine',
};

/**
 * Reads the single event definition of an event. `needsCorrelationKey` is
 * false for start events (a message start has no subscription key).
 */
export function transformEventDefinition(
  context: TransformContext,
  node: ModdleNode,
  id: string,
  needsCorrelationKey: boolean,
): EventDefinition | undefined {
  const definitions = children(node, 'eventDefinitions');
  if (definitions.length === 0) return { kind: 'none' };
  if (definitions.length > 1) {
    context.problems.add(id, 'multiple and parallel-multiple events are not supported');
    return undefined;
  }
  const definition = definitions[0];
  if (!definition) return undefined;
  const unsupported = UNSUPPORTED[definition.$type];
  if (unsupported) {
    context.problems.add(id, unsupported);
    return undefined;
  }
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition':
      return message(context, node, definition, id, needsCorrelationKey);
    case 'bpmn:TimerEventDefinition': {
      const timer = transformTimer(context, definition, id);
      return timer && { kind: 'timer', timer };
    }
    case 'bpmn:ErrorEventDefinition': {
      const code = referenced(definition, 'errorRef', 'errorCode');
      if (code !== undefined) noteExpression(context, id, 'the error code', code);
      return {
        kind: 'error',
        errorCode: code === undefined || code.trim() === '' ? undefined : toExpression(code),
      };
    }
    case 'bpmn:SignalEventDefinition': {
      const name = referenced(definition, 'signalRef', 'name');
      if (!name?.trim()) {
        context.problems.add(id, 'a signal event must reference a signal with a name');
        return undefined;
      }
      noteExpression(context, id, 'the signal name', name);
      return { kind: 'signal', signalName: toExpression(name) };
    }
    case 'bpmn:EscalationEventDefinition': {
      const code = referenced(definition, 'escalationRef', 'escalationCode');
      if (code !== undefined) noteExpression(context, id, 'the escalation code', code);
      return {
        kind: 'escalation',
        escalationCode: code === undefined || code.trim() === '' ? undefined : toExpression(code),
      };
    }
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    default:
      context.problems.add(id, `event definition '${definition.$type}' is not supported`);
      return undefined;
  }
}

function referenced(definition: ModdleNode, reference: string, property: string): string | undefined {
  const target = child(definition, reference);
  return target ? str(target, property) : undefined;
}

function message(
  context: TransformContext,
  node: ModdleNode,
  definition: ModdleNode,
  id: string,
  needsCorrelationKey: boolean,
): EventDefinition | undefined {
  const messageNode = child(definition, 'messageRef');
  return messageFromRef(context, node, messageNode, id, needsCorrelationKey);
}

/** Shared by message events and receive tasks (which reference the message directly). */
export function messageFromRef(
  context: TransformContext,
  node: ModdleNode,
  messageNode: ModdleNode | undefined,
  id: string,
  needsCorrelationKey: boolean,
): EventDefinition | undefined {
  const name = messageNode ? str(messageNode, 'name') : undefined;
  if (!name?.trim()) {
    context.problems.add(id, 'must reference a message with a name');
    return undefined;
  }
  noteExpression(context, id, 'the message name', name);
  const subscription = messageNode ? extension(messageNode, 'zeebe:Subscription') : undefined;
  const keyText = subscription ? str(subscription, 'correlationKey') : undefined;
  if (!needsCorrelationKey)
    return { kind: 'message', messageName: toExpression(name), correlationKey: undefined };
  const source = requireFeel(context, id, 'the correlation key (zeebe:subscription correlationKey)', keyText);
  if (source === undefined) return undefined;
  return { kind: 'message', messageName: toExpression(name), correlationKey: { kind: 'feel', source } };
}

function transformTimer(
  context: TransformContext,
  definition: ModdleNode,
  id: string,
): TimerDefinition | undefined {
  const present = (['timeDate', 'timeDuration', 'timeCycle'] as const)
    .map((kind) => ({ kind, text: body(child(definition, kind)) }))
    .filter(
      (entry): entry is { kind: 'timeDate' | 'timeDuration' | 'timeCycle'; text: string } =>
        entry.text !== undefined && entry.text !== '',
    );
  const only = present[0];
  if (present.length !== 1 || !only) {
    context.problems.add(id, 'a timer must have exactly one of timeDate, timeDuration or timeCycle');
    return undefined;
  }
  noteExpression(context, id, `the timer ${only.kind}`, only.text);
  return { kind: only.kind, value: toExpression(only.text) };
}
