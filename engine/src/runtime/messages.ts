import { EngineError } from '../errors.ts';
import type { BufferedMessage, MessageSubscription } from './entities.ts';
import { correlationIndexKey } from './engine-state.ts';
import type { Execution } from './execution.ts';
import { removeSubscription } from './event-subscriptions.ts';
import { keepsListening, triggerEvent } from './event-triggers.ts';
import { variablesFromRecord, variablesToRecord, type Variables } from './json-values.ts';
import { startEventName, startInstanceAt } from './start-events.ts';

export interface PublishMessage {
  name: string;
  correlationKey: string;
  timeToLive: number;
  messageId: string;
  variables: Variables;
}

/** PublishMessage (§1.10): correlate to open subscriptions, one per bpmnProcessId; buffer when TTL > 0. */
export function publishMessage(x: Execution, command: PublishMessage): number {
  const indexKey = correlationIndexKey(command.name, command.correlationKey);
  if (command.messageId !== '') {
    const existing = x.state.messages.get(
      x.state.messageIds.get(`${indexKey}\u0000${command.messageId}`) ?? -1,
    );
    if (existing && existing.expiresAt > x.now) {
      throw new EngineError(
        'ALREADY_EXISTS',
        'PUBLISH',
        `Expected to publish a new message with id '${command.messageId}', but a message with that id was already published`,
      );
    }
  }
  const key = x.nextKey();
  const correlatedProcessIds: string[] = [];
  const subscriptions = [...(x.state.subscriptionsByKey.get(indexKey) ?? [])]
    .map((subscriptionKey) => x.state.subscriptions.get(subscriptionKey))
    .filter((subscription): subscription is MessageSubscription => subscription !== undefined)
    .sort((a, b) => a.key - b.key);
  for (const subscription of subscriptions) {
    if (correlatedProcessIds.includes(subscription.bpmnProcessId)) continue;
    if (deliver(x, subscription, command.variables)) correlatedProcessIds.push(subscription.bpmnProcessId);
  }
  startByMessage(x, command, correlatedProcessIds);
  if (command.timeToLive > 0) {
    const message: BufferedMessage = {
      key,
      name: command.name,
      correlationKey: command.correlationKey,
      messageId: command.messageId,
      variables: variablesToRecord(command.variables),
      expiresAt: x.now + command.timeToLive,
      correlatedProcessIds,
    };
    x.state.putMessage(message);
    x.changes.messages.set(key, message);
  }
  return key;
}

function deliver(x: Execution, subscription: MessageSubscription, variables: Variables): boolean {
  const owner = x.state.elementInstances.get(subscription.elementInstanceKey);
  const target = owner ? x.model(owner).elements.get(subscription.targetElementId) : undefined;
  if (!owner || !target) {
    removeSubscription(x, owner, subscription);
    return false;
  }
  // A non-interrupting boundary or event sub-process start keeps listening; everything else closes on correlation.
  if (!keepsListening(target)) removeSubscription(x, owner, subscription);
  return triggerEvent(x, owner, target, variables);
}

/** A newly opened subscription takes the oldest unexpired buffered message not yet given to its process. */
export function correlateBufferedMessage(x: Execution, subscription: MessageSubscription): void {
  if (!x.state.subscriptions.has(subscription.key)) return;
  const keys =
    x.state.messagesByKey.get(correlationIndexKey(subscription.messageName, subscription.correlationKey)) ??
    [];
  for (const key of keys) {
    const message = x.state.messages.get(key);
    if (
      !message ||
      message.expiresAt <= x.now ||
      message.correlatedProcessIds.includes(subscription.bpmnProcessId)
    )
      continue;
    message.correlatedProcessIds = [...message.correlatedProcessIds, subscription.bpmnProcessId];
    x.changes.messages.set(message.key, message);
    deliver(x, subscription, variablesFromRecord(message.variables));
    return;
  }
}

export function expireMessage(x: Execution, key: number, at: number): void {
  const message = x.state.messages.get(key);
  if (!message || message.expiresAt !== at) return;
  x.state.removeMessage(message);
  x.changes.messages.set(key, null);
}

/**
 * Message start events of the latest version of each process (§1.10): not
 * when that process already took the message through a subscription, nor
 * while an instance started by the same non-empty correlation key runs.
 */
function startByMessage(x: Execution, command: PublishMessage, correlatedProcessIds: string[]): void {
  for (const versions of x.state.versions.values()) {
    const latest = versions[versions.length - 1];
    if (!latest || correlatedProcessIds.includes(latest.bpmnProcessId)) continue;
    const startId = latest.model.messageStartIds.find((id) => {
      const event = latest.model.elements.get(id)?.event;
      return event?.kind === 'message' && startEventName(x, event.messageName) === command.name;
    });
    if (startId === undefined) continue;
    if (
      command.correlationKey !== '' &&
      x.state.messageStarted.has(`${latest.bpmnProcessId}\u0000${command.correlationKey}`)
    )
      continue;
    startInstanceAt(
      x,
      latest,
      startId,
      command.variables,
      command.correlationKey === '' ? undefined : command.correlationKey,
    );
    correlatedProcessIds.push(latest.bpmnProcessId);
  }
}

/**
 * Buffered messages reach message start events too: when a process version
 * with message start events is deployed, and when an instance that a
 * message with key K started ends (the next buffered message for K may now
 * start one). Oldest message first; the same rules as at publish time.
 */
export function startFromBufferedMessages(x: Execution, bpmnProcessId: string, onlyKey?: string): void {
  const latest = x.state.latest(bpmnProcessId);
  if (!latest || latest.model.messageStartIds.length === 0) return;
  const starts = new Map<string, string>();
  for (const startId of latest.model.messageStartIds) {
    const event = latest.model.elements.get(startId)?.event;
    const name = event?.kind === 'message' ? startEventName(x, event.messageName) : undefined;
    if (name !== undefined && !starts.has(name)) starts.set(name, startId);
  }
  const candidates =
    onlyKey === undefined
      ? [...x.state.messages.keys()].sort((a, b) => a - b)
      : [...starts.keys()]
          .flatMap((name) => x.state.messagesByKey.get(correlationIndexKey(name, onlyKey)) ?? [])
          .sort((a, b) => a - b);
  for (const key of candidates) {
    const message = x.state.messages.get(key);
    if (!message || message.expiresAt <= x.now || message.correlatedProcessIds.includes(bpmnProcessId))
      continue;
    const startId = starts.get(message.name);
    if (startId === undefined) continue;
    if (
      message.correlationKey !== '' &&
      x.state.messageStarted.has(`${bpmnProcessId}\u0000${message.correlationKey}`)
    )
      continue;
    message.correlatedProcessIds = [...message.correlatedProcessIds, bpmnProcessId];
    x.changes.messages.set(message.key, message);
    startInstanceAt(
      x,
      latest,
      startId,
      variablesFromRecord(message.variables),
      message.correlationKey === '' ? undefined : message.correlationKey,
    );
    if (onlyKey !== undefined) return;
  }
}
