/**
 * The pure helpers the runtime needs from outside its folder (FEEL and timer
 * arithmetic). Injected so the runtime depends on an interface, and so the
 * composition decides which implementation runs. Both must be deterministic
 * given `now`.
 */
export type ExpectedType = 'any' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export type EvaluationResult = { ok: true; value: unknown } | { ok: false; message: string };

export type TimerScheduleResult =
  | {
      ok: true;
      schedule:
        | { kind: 'once'; dueAt: number }
        | { kind: 'cycle'; dueAt: number; remaining: number | null; cycle: string };
    }
  | { ok: false; message: string };

export interface RuntimeServices {
  evaluate(
    source: string,
    variables: Record<string, unknown>,
    now: number,
    expect: ExpectedType,
  ): EvaluationResult;
  scheduleTimer(
    kind: 'timeDate' | 'timeDuration' | 'timeCycle',
    value: unknown,
    now: number,
  ): TimerScheduleResult;
  /** The firing after `firedAt` of a cycle, or undefined when it has no more repetitions. */
  nextCycleFiring(
    schedule: { kind: 'cycle'; dueAt: number; remaining: number | null; cycle: string },
    firedAt: number,
  ): { dueAt: number; remaining: number | null; cycle: string } | undefined;
}
