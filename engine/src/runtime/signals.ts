import type { SignalSubscription } from './entities.ts';
import type { Execution } from './execution.ts';
import { removeSignalSubscription } from './event-subscriptions.ts';
import { keepsListening, triggerEvent } from './event-triggers.ts';
import type { Variables } from './json-values.ts';
import { startEventName, startInstanceAt } from './start-events.ts';

/**
 * BroadcastSignal and signal throw events (§1.16): every open subscription
 * with that name fires, and every latest process version with a matching
 * signal start event starts an instance. Signals are not buffered.
 */
export function broadcastSignal(x: Execution, signalName: string, variables: Variables): number {
  const key = x.nextKey();
  const subscriptions = [...(x.state.signalsByName.get(signalName) ?? [])]
    .map((subscriptionKey) => x.state.signalSubscriptions.get(subscriptionKey))
    .filter((subscription): subscription is SignalSubscription => subscription !== undefined)
    .sort((a, b) => a.key - b.key);
  for (const subscription of subscriptions) {
    if (!x.state.signalSubscriptions.has(subscription.key)) continue;
    const owner = x.state.elementInstances.get(subscription.elementInstanceKey);
    const target = owner ? x.model(owner).elements.get(subscription.targetElementId) : undefined;
    if (!owner || !target) {
      removeSignalSubscription(x, owner, subscription);
      continue;
    }
    if (!keepsListening(target)) removeSignalSubscription(x, owner, subscription);
    triggerEvent(x, owner, target, variables);
  }
  for (const versions of x.state.versions.values()) {
    const latest = versions[versions.length - 1];
    if (!latest) continue;
    for (const startId of latest.model.signalStartIds) {
      const start = latest.model.elements.get(startId);
      if (start?.event.kind !== 'signal' || startEventName(x, start.event.signalName) !== signalName)
        continue;
      startInstanceAt(x, latest, startId, variables);
    }
  }
  return key;
}
