import type { DeployedDefinition, Timer } from './entities.ts';
import type { Execution } from './execution.ts';
import { startInstanceAt } from './start-events.ts';

/**
 * Timer start events belong to the latest version of a process: deploying a
 * new version removes the previous version's timers and schedules its own.
 */
export function scheduleTimerStarts(x: Execution, definition: DeployedDefinition): void {
  for (const timer of [...x.state.timers.values()]) {
    if (timer.definitionKey === undefined || timer.definitionKey === definition.key) continue;
    if (x.state.definitions.get(timer.definitionKey)?.bpmnProcessId !== definition.bpmnProcessId) continue;
    x.state.timers.delete(timer.key);
    x.changes.timers.set(timer.key, null);
  }
  for (const startId of definition.model.timerStartIds) {
    const start = definition.model.elements.get(startId);
    if (start?.event.kind !== 'timer') continue;
    const expression = start.event.timer.value;
    const value =
      expression.kind === 'static'
        ? { ok: true as const, value: expression.value }
        : x.services.evaluate(expression.source, {}, x.now, 'any');
    if (!value.ok) continue;
    const scheduled = x.services.scheduleTimer(start.event.timer.kind, value.value, x.now);
    if (!scheduled.ok) continue;
    const schedule = scheduled.schedule;
    addStartTimer(x, {
      key: x.nextKey(),
      processInstanceKey: 0,
      elementInstanceKey: 0,
      targetElementId: startId,
      dueAt: schedule.dueAt,
      definitionKey: definition.key,
      ...(schedule.kind === 'cycle' ? { repetitions: schedule.remaining, cycle: schedule.cycle } : {}),
    });
  }
}

function addStartTimer(x: Execution, timer: Timer): void {
  x.state.putTimer(timer);
  x.changes.timers.set(timer.key, timer);
}

/** A timer start event fired: start an instance and schedule the next firing of a cycle. */
export function fireStartTimer(x: Execution, timer: Timer): void {
  x.state.timers.delete(timer.key);
  x.changes.timers.set(timer.key, null);
  const definition =
    timer.definitionKey === undefined ? undefined : x.state.definitions.get(timer.definitionKey);
  if (!definition) return;
  if (timer.cycle !== undefined && timer.repetitions !== undefined) {
    const next = x.services.nextCycleFiring(
      { kind: 'cycle', dueAt: timer.dueAt, remaining: timer.repetitions, cycle: timer.cycle },
      x.now,
    );
    if (next)
      addStartTimer(x, {
        ...timer,
        key: x.nextKey(),
        dueAt: next.dueAt,
        repetitions: next.remaining,
        cycle: next.cycle,
      });
  }
  startInstanceAt(x, definition, timer.targetElementId, new Map());
}
