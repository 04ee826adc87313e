import { DueQueue } from './due-queue.ts';
import type {
  BufferedMessage,
  DeployedDefinition,
  ElementInstance,
  Incident,
  Job,
  MessageSubscription,
  SignalSubscription,
  Timer,
} from './entities.ts';
import type { Variables } from './json-values.ts';
import { insertSorted, removeSorted } from './sorted-keys.ts';

export function correlationIndexKey(name: string, correlationKey: string): string {
  return `${name}\u0000${correlationKey}`;
}

/**
 * Everything running instances need, in memory. Finished instances are
 * dropped; history lives only in the store. Indexes are derived and rebuilt
 * on load through the same `put*` methods.
 */
export class EngineState {
  keyCounter = 0;
  /** The number of the last batch commit (engine.key_counter.commit_sequence); the runtime never reads it. */
  commitSequence = 0;
  readonly definitions = new Map<number, DeployedDefinition>();
  /** bpmnProcessId → definitions ordered by version. */
  readonly versions = new Map<string, DeployedDefinition[]>();
  readonly elementInstances = new Map<number, ElementInstance>();
  /** scope key → child element instance keys (derived). */
  readonly children = new Map<number, Set<number>>();
  readonly variables = new Map<number, Variables>();
  readonly jobs = new Map<number, Job>();
  readonly activatable = new Map<string, number[]>();
  readonly incidents = new Map<number, Incident>();
  readonly timers = new Map<number, Timer>();
  readonly subscriptions = new Map<number, MessageSubscription>();
  readonly subscriptionsByKey = new Map<string, Set<number>>();
  readonly signalSubscriptions = new Map<number, SignalSubscription>();
  readonly signalsByName = new Map<string, Set<number>>();
  /** `${bpmnProcessId}\0${correlationKey}` → instance started by a message with that key (still running). */
  readonly messageStarted = new Map<string, number>();
  readonly messages = new Map<number, BufferedMessage>();
  readonly messagesByKey = new Map<string, number[]>();
  readonly messageIds = new Map<string, number>();
  readonly due = new DueQueue();

  latest(bpmnProcessId: string): DeployedDefinition | undefined {
    const list = this.versions.get(bpmnProcessId);
    return list?.[list.length - 1];
  }

  putDefinition(definition: DeployedDefinition): void {
    this.definitions.set(definition.key, definition);
    const list = this.versions.get(definition.bpmnProcessId) ?? [];
    list.push(definition);
    list.sort((a, b) => a.version - b.version);
    this.versions.set(definition.bpmnProcessId, list);
  }

  putElementInstance(instance: ElementInstance): void {
    this.elementInstances.set(instance.key, instance);
    if (instance.startedByMessage !== undefined)
      this.messageStarted.set(this.messageStartKey(instance), instance.key);
    if (instance.scopeKey !== undefined) {
      const set = this.children.get(instance.scopeKey) ?? new Set<number>();
      set.add(instance.key);
      this.children.set(instance.scopeKey, set);
    }
  }

  messageStartKey(root: ElementInstance): string {
    return `${this.definitions.get(root.definitionKey)?.bpmnProcessId ?? ''}\u0000${root.startedByMessage ?? ''}`;
  }

  removeElementInstance(instance: ElementInstance): void {
    this.elementInstances.delete(instance.key);
    if (
      instance.startedByMessage !== undefined &&
      this.messageStarted.get(this.messageStartKey(instance)) === instance.key
    )
      this.messageStarted.delete(this.messageStartKey(instance));
    this.variables.delete(instance.key);
    this.children.delete(instance.key);
    if (instance.scopeKey !== undefined) this.children.get(instance.scopeKey)?.delete(instance.key);
  }

  childCount(scopeKey: number): number {
    return this.children.get(scopeKey)?.size ?? 0;
  }

  putJob(job: Job): void {
    this.jobs.set(job.key, job);
    this.indexJob(job);
  }

  /** Keeps the activatable index in step with the job's state. */
  indexJob(job: Job): void {
    const keys = this.activatable.get(job.type) ?? [];
    if (job.state === 'ACTIVATABLE' && this.jobs.has(job.key)) insertSorted(keys, job.key);
    else removeSorted(keys, job.key);
    if (keys.length > 0) this.activatable.set(job.type, keys);
    else this.activatable.delete(job.type);
    if (job.state === 'ACTIVATED' && job.deadline > 0)
      this.due.push({ at: job.deadline, kind: 'jobDeadline', key: job.key });
    if (job.state === 'FAILED' && job.backoffUntil > 0)
      this.due.push({ at: job.backoffUntil, kind: 'jobBackoff', key: job.key });
  }

  removeJob(job: Job): void {
    this.jobs.delete(job.key);
    this.indexJob(job);
  }

  putTimer(timer: Timer): void {
    this.timers.set(timer.key, timer);
    this.due.push({ at: timer.dueAt, kind: 'timer', key: timer.key });
  }

  putSubscription(subscription: MessageSubscription): void {
    this.subscriptions.set(subscription.key, subscription);
    const indexKey = correlationIndexKey(subscription.messageName, subscription.correlationKey);
    const set = this.subscriptionsByKey.get(indexKey) ?? new Set<number>();
    set.add(subscription.key);
    this.subscriptionsByKey.set(indexKey, set);
  }

  removeSubscription(subscription: MessageSubscription): void {
    this.subscriptions.delete(subscription.key);
    const indexKey = correlationIndexKey(subscription.messageName, subscription.correlationKey);
    const set = this.subscriptionsByKey.get(indexKey);
    set?.delete(subscription.key);
    if (set && set.size === 0) this.subscriptionsByKey.delete(indexKey);
  }

  putSignalSubscription(subscription: SignalSubscription): void {
    this.signalSubscriptions.set(subscription.key, subscription);
    const set = this.signalsByName.get(subscription.signalName) ?? new Set<number>();
    set.add(subscription.key);
    this.signalsByName.set(subscription.signalName, set);
  }

  removeSignalSubscription(subscription: SignalSubscription): void {
    this.signalSubscriptions.delete(subscription.key);
    const set = this.signalsByName.get(subscription.signalName);
    set?.delete(subscription.key);
    if (set && set.size === 0) this.signalsByName.delete(subscription.signalName);
  }

  putMessage(message: BufferedMessage): void {
    this.messages.set(message.key, message);
    const indexKey = correlationIndexKey(message.name, message.correlationKey);
    const list = this.messagesByKey.get(indexKey) ?? [];
    insertSorted(list, message.key);
    this.messagesByKey.set(indexKey, list);
    if (message.messageId !== '') this.messageIds.set(`${indexKey}\u0000${message.messageId}`, message.key);
    this.due.push({ at: message.expiresAt, kind: 'messageExpiry', key: message.key });
  }

  removeMessage(message: BufferedMessage): void {
    this.messages.delete(message.key);
    const indexKey = correlationIndexKey(message.name, message.correlationKey);
    const list = this.messagesByKey.get(indexKey);
    if (list) {
      removeSorted(list, message.key);
      if (list.length === 0) this.messagesByKey.delete(indexKey);
    }
    if (message.messageId !== '') this.messageIds.delete(`${indexKey}\u0000${message.messageId}`);
  }
}
