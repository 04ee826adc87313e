import { serviceOutcomes, type BundleManifest } from '@onething/processes';

/** Where one service stands in the engine: its elements started, its connector done. */
export interface ServiceProgress {
  status: 'pending' | 'in_progress' | 'done' | 'failed';
  /** The service's department (the Monitor's durations per department). */
  department?: string;
  startedAt?: string;
  /** When its connector task completed. */
  doneAt?: string;
  /** When the review or resolution that failed it completed. */
  failedAt?: string;
  /** When its department's time limit ran out and the supervisors were called in. */
  escalatedAt?: string;
  result?: Record<string, unknown>;
}
export type StoredProgress = Record<string, ServiceProgress>;

/** What the history says of an instance (the engine's `getProcessInstance`). */
export interface InstanceHistory {
  elements: readonly { elementId: string; state: string; startedAt: string; endedAt: string | null }[];
  /** The instance's root variables. */
  variables: Record<string, unknown>;
}

/**
 * Each selected service's progress, read from the engine's history: done
 * (with the registry's result) or failed as the process variables say
 * (`serviceOutcomes`); in progress once any of its elements started — the
 * review task, the connector task or the rejection task
 * (`Task_<Service>`, `Task_<Service>Review`, `Task_<Service>Resolve`);
 * pending before. Escalated once its department's overdue timer fired
 * (`Event_<Department>Overdue`, non-interrupting: the work goes on).
 * Pure: the worker does the reading.
 */
export function partProgress(manifest: BundleManifest, history: InstanceHistory): StoredProgress {
  const progress: StoredProgress = {};
  for (const outcome of serviceOutcomes(manifest, history.variables)) {
    if (outcome.status === 'not_requested') continue;
    const task = `Task_${capitalized(outcome.service)}`;
    const elements = history.elements.filter((element) =>
      [task, `${task}Review`, `${task}Resolve`].includes(element.elementId),
    );
    const startedAt = elements.map((element) => element.startedAt).sort()[0];
    const lastCompleted = (ids: readonly string[]) =>
      elements
        .filter((element) => ids.includes(element.elementId) && element.state === 'COMPLETED')
        .map((element) => element.endedAt)
        .filter((at): at is string => at !== null)
        .sort()
        .at(-1);
    const doneAt = lastCompleted([task]);
    const escalatedAt = history.elements.find(
      (element) => element.elementId === `Event_${capitalized(outcome.department)}Overdue`,
    )?.startedAt;
    const base = {
      department: outcome.department,
      ...(startedAt === undefined ? {} : { startedAt }),
      ...(escalatedAt === undefined ? {} : { escalatedAt }),
    };
    if (outcome.status === 'done') {
      progress[outcome.service] = {
        status: 'done',
        ...base,
        ...(doneAt === undefined ? {} : { doneAt }),
        ...(outcome.result ? { result: outcome.result } : {}),
      };
    } else if (outcome.status === 'failed') {
      const failedAt = lastCompleted([`${task}Review`, `${task}Resolve`]);
      progress[outcome.service] = {
        status: 'failed',
        ...base,
        ...(failedAt === undefined ? {} : { failedAt }),
      };
    } else {
      progress[outcome.service] = { status: startedAt === undefined ? 'pending' : 'in_progress', ...base };
    }
  }
  return progress;
}

export interface ProgressChange {
  service: string;
  event: 'part.started' | 'part.escalated' | 'part.done' | 'part.failed';
  at: string | undefined;
  details: Record<string, unknown>;
}

/** The timeline entries between what was stored and what the history says now. */
export function progressChanges(before: StoredProgress | null, now: StoredProgress): ProgressChange[] {
  const changes: ProgressChange[] = [];
  for (const [service, current] of Object.entries(now)) {
    const previous = before?.[service];
    const wasStarted = previous !== undefined && previous.status !== 'pending';
    if (current.status !== 'pending' && !wasStarted) {
      changes.push({ service, event: 'part.started', at: current.startedAt, details: { service } });
    }
    if (current.escalatedAt !== undefined && previous?.escalatedAt === undefined) {
      changes.push({ service, event: 'part.escalated', at: current.escalatedAt, details: { service } });
    }
    if (current.status === 'done' && previous?.status !== 'done') {
      changes.push({
        service,
        event: 'part.done',
        at: current.doneAt,
        details: { service, result: current.result ?? {} },
      });
    }
    if (current.status === 'failed' && previous?.status !== 'failed') {
      changes.push({ service, event: 'part.failed', at: current.startedAt, details: { service } });
    }
  }
  return changes;
}

function capitalized(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
