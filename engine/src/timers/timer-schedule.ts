import { Temporal } from 'temporal-polyfill';
import { nextCronTime, parseCron } from './cron-expression.ts';
import { parseTimerDate } from './iso-date-time.ts';
import { addInterval, parseIsoInterval, type IsoInterval } from './iso-interval.ts';

/**
 * When timers fire (ZEEBE-COMPAT.md §3.7). Pure: the clock (`now`, epoch ms) and the zone are
 * passed in; the zone defaults to the process's default zone, as Zeebe uses the JVM's.
 */

export type TimerDefinitionKind = 'timeDate' | 'timeDuration' | 'timeCycle';

export type TimerSchedule =
  | { kind: 'once'; dueAt: number }
  /** `remaining`: repetitions after this one; null = infinite. `cycle`: the cycle text. */
  | { kind: 'cycle'; dueAt: number; remaining: number | null; cycle: string };

export type CycleSchedule = Extract<TimerSchedule, { kind: 'cycle' }>;

export type TimerResult = { ok: true; schedule: TimerSchedule } | { ok: false; message: string };

let processZone: string | undefined;

function defaultZone(): string {
  processZone ??= Temporal.Now.timeZoneId();
  return processZone;
}

/**
 * The first firing of a timer definition. `value` is the static text or the evaluated FEEL result
 * (a string; FEEL temporals and durations arrive as Zeebe stores them, e.g. `PT1H`,
 * `2023-01-01T10:00+01:00[Europe/Berlin]`).
 */
export function scheduleTimer(
  kind: TimerDefinitionKind,
  value: unknown,
  now: number,
  zone: string = defaultZone(),
): TimerResult {
  if (typeof value !== 'string') {
    return { ok: false, message: `Expected the ${kind} to be a string, but was ${describe(value)}.` };
  }
  const text = value.trim();
  switch (kind) {
    case 'timeDuration': {
      const parsed = parseIsoInterval(text);
      if (!parsed.ok) return { ok: false, message: `Invalid timeDuration: ${parsed.message}` };
      return { ok: true, schedule: { kind: 'once', dueAt: addInterval(now, parsed.interval, zone) } };
    }
    case 'timeDate': {
      const parsed = parseTimerDate(text, zone);
      if (!parsed.ok) return { ok: false, message: `Invalid timeDate: ${parsed.message}` };
      // a date in the past fires at once
      return { ok: true, schedule: { kind: 'once', dueAt: parsed.epochMillis } };
    }
    case 'timeCycle':
      return scheduleCycle(text, now, zone);
  }
}

/** The next firing of a cycle after one fired at `firedAt`; undefined when repetitions are used up. */
export function nextCycleFiring(
  schedule: CycleSchedule,
  firedAt: number,
  zone: string = defaultZone(),
): CycleSchedule | undefined {
  if (schedule.remaining !== null && schedule.remaining <= 0) return undefined;
  const remaining = schedule.remaining === null ? null : schedule.remaining - 1;
  if (!schedule.cycle.startsWith('R')) {
    const cron = parseCron(schedule.cycle);
    if (!cron.ok) return undefined;
    const dueAt = nextCronTime(cron.cron, firedAt, zone);
    return dueAt === undefined ? undefined : { ...schedule, dueAt, remaining };
  }
  const cycle = parseIsoCycle(schedule.cycle, zone);
  if (!cycle.ok) return undefined;
  let dueAt: number;
  if (cycle.start === undefined) {
    // Zeebe reschedules a repeating interval from the moment it fired
    dueAt = addInterval(firedAt, cycle.interval, zone);
  } else {
    // anchored at its start: keep the cadence, but never fire again at once after missed cycles
    const natural = addInterval(schedule.dueAt, cycle.interval, zone);
    dueAt = natural > firedAt ? natural : addInterval(firedAt, cycle.interval, zone);
  }
  return { ...schedule, dueAt, remaining };
}

function scheduleCycle(text: string, now: number, zone: string): TimerResult {
  if (!text.startsWith('R')) {
    const cron = parseCron(text);
    if (!cron.ok) return { ok: false, message: `Invalid timeCycle: ${cron.message}` };
    const dueAt = nextCronTime(cron.cron, now, zone);
    if (dueAt === undefined) {
      return { ok: false, message: `Invalid timeCycle: cron expression '${text}' never fires` };
    }
    return { ok: true, schedule: { kind: 'cycle', dueAt, remaining: null, cycle: text } };
  }
  const cycle = parseIsoCycle(text, zone);
  if (!cycle.ok) return { ok: false, message: `Invalid timeCycle: ${cycle.message}` };
  const dueAt = cycle.start ?? addInterval(now, cycle.interval, zone);
  // R0 and R1 both fire once (Zeebe reschedules only while repetitions > 1)
  const remaining = cycle.repetitions === null ? null : Math.max(cycle.repetitions - 1, 0);
  return { ok: true, schedule: { kind: 'cycle', dueAt, remaining, cycle: text } };
}

type IsoCycle =
  | { ok: true; repetitions: number | null; start: number | undefined; interval: IsoInterval }
  | { ok: false; message: string };

/** `R<n>/<duration>`, `R/<duration>`, `R<n>/<start>/<duration>` (model RepeatingInterval). */
function parseIsoCycle(text: string, zone: string): IsoCycle {
  const match = /^R(\d*)\/(?:([^/]+)\/)?([^/]+)$/.exec(text);
  if (!match) {
    return {
      ok: false,
      message: `'${text}' is not a repeating interval (R<n>/<duration>, R/<duration> or R<n>/<start>/<duration>)`,
    };
  }
  const [, repetitionsText = '', startText, durationText = ''] = match;
  const interval = parseIsoInterval(durationText);
  if (!interval.ok) return interval;
  let start: number | undefined;
  if (startText !== undefined) {
    const parsed = parseTimerDate(startText, zone);
    if (!parsed.ok) return parsed;
    start = parsed.epochMillis;
  }
  const repetitions = repetitionsText === '' ? null : Number(repetitionsText);
  if (repetitions !== null && !Number.isSafeInteger(repetitions)) {
    return { ok: false, message: `'${repetitionsText}' is not a number of repetitions` };
  }
  return { ok: true, repetitions, start, interval: interval.interval };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  return typeof value === 'object' ? 'OBJECT' : (typeof value).toUpperCase();
}
