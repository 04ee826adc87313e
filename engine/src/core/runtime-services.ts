import { evaluateFeel, parseFeel } from '../feel/index.ts';
import type { FeelChecker } from '../model/parse-resource.ts';
import type { RuntimeServices } from '../runtime/runtime-services.ts';

/**
 * Wires the FEEL adapter into the runtime's service interface. Timer events
 * are rejected at deploy until the timer arithmetic (engine/src/timers) is
 * wired here, so no process can reach these two functions.
 */
export function createRuntimeServices(): RuntimeServices {
  return {
    evaluate: (source, variables, now, expect) => evaluateFeel(source, variables, { now, expect }),
    scheduleTimer: () => ({ ok: false, message: 'timer events are not supported by this engine yet' }),
    nextCycleFiring: () => undefined,
  };
}

export const checkFeel: FeelChecker = (source) => {
  const parsed = parseFeel(source);
  return parsed.ok ? undefined : parsed.message;
};
