import { evaluateFeel, parseFeel } from '../feel/index.ts';
import type { FeelChecker, TimerChecker } from '../model/parse-resource.ts';
import type { RuntimeServices } from '../runtime/runtime-services.ts';
import { nextCycleFiring, scheduleTimer } from '../timers/index.ts';

/** Wires the FEEL adapter and the timer arithmetic into the runtime's service interface. */
export function createRuntimeServices(): RuntimeServices {
  return {
    evaluate: (source, variables, now, expect) => evaluateFeel(source, variables, { now, expect }),
    scheduleTimer: (kind, value, now) => scheduleTimer(kind, value, now),
    nextCycleFiring: (schedule, firedAt) => nextCycleFiring(schedule, firedAt),
  };
}

export const checkFeel: FeelChecker = (source) => {
  const parsed = parseFeel(source);
  return parsed.ok ? undefined : parsed.message;
};

/** Timers checked at deploy (§3.0); `now` only matters for the arithmetic, not for validity. */
export const checkTimer: TimerChecker = (kind, expression) => {
  const now = Date.now();
  let value: unknown = expression.kind === 'static' ? expression.value : undefined;
  if (expression.kind === 'feel') {
    const evaluated = evaluateFeel(expression.source, {}, { now });
    if (!evaluated.ok) return evaluated.message;
    value = evaluated.value;
  }
  const scheduled = scheduleTimer(kind, value, now);
  return scheduled.ok ? undefined : scheduled.message;
};
