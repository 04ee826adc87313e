import { dateAndTime, FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { Temporal } from 'temporal-polyfill';
import { durationToString, temporalToString } from './feel-serialize.ts';

/**
 * The feel-scala 1.17 built-ins that feelin lacks (ZEEBE-COMPAT.md §6.2 item 1), Zeebe's `cycle`,
 * and a `now()`/`today()` that read the engine clock instead of the system clock. The patched
 * feelin resolves these like its own built-ins, so a variable of the same name does not hide them.
 *
 * Functions return null for arguments they cannot use, as feel-scala does.
 */

/** Thrown by `assert`: feel-scala fails the whole evaluation instead of returning null. */
export class FeelAssertionFailure extends Error {
  override readonly name = 'FeelAssertionFailure';
}

/** The clock of the evaluation in progress; evaluation is synchronous, so one slot suffices. */
export const evaluationClock = { now: 0, zone: 'UTC' };

type HostFunction = ((...args: unknown[]) => unknown) & { $args?: string[] };

function define(parameterNames: string[], fn: (...args: unknown[]) => unknown): HostFunction {
  const hostFunction: HostFunction = fn;
  hostFunction.$args = parameterNames;
  return hostFunction;
}

const isContext = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** A key that is equal for FEEL-equal values (used to find duplicates). */
function equalityKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(equalityKey).join(',')}]`;
  const temporal = temporalToString(value);
  if (temporal !== undefined) return `t:${temporal}`;
  if (isContext(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${equalityKey(value[key])}`).join(',')}}`;
  }
  return `${typeof value}:${String(value)}`;
}

function nowDateTime(): FeelDateTime {
  const zoned = Temporal.Instant.fromEpochMilliseconds(evaluationClock.now).toZonedDateTimeISO(
    evaluationClock.zone,
  );
  return new FeelDateTime(zoned.toPlainDateTime(), zoned.timeZoneId);
}

/** The same instant in another zone; a local date-time is read in the engine's zone (feel-scala). */
function atZone(dateTime: FeelDateTime, zone: string): FeelDateTime | null {
  const target = zone === 'Z' ? 'UTC' : zone;
  try {
    const zoned = dateTime.value
      .toZonedDateTime(dateTime.zone ?? evaluationClock.zone, { disambiguation: 'compatible' })
      .withTimeZone(target);
    return new FeelDateTime(zoned.toPlainDateTime(), target);
  } catch {
    return null;
  }
}

function cycleText(repetitions: unknown, interval: unknown): string | null {
  if (!(interval instanceof FeelDuration)) return null;
  if (repetitions === null || repetitions === undefined) return `R/${durationToString(interval)}`;
  if (typeof repetitions !== 'number') return null;
  return `R${Math.trunc(repetitions)}/${durationToString(interval)}`;
}

function putAll(...contexts: unknown[]): unknown {
  const list = contexts.length === 1 && Array.isArray(contexts[0]) ? contexts[0] : contexts;
  const merged: Record<string, unknown> = {};
  for (const context of list) {
    if (!isContext(context)) return null;
    // define, not assign: a "__proto__" key from JSON stays an ordinary entry
    for (const [key, value] of Object.entries(context)) {
      Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}

export const hostFunctions: Record<string, HostFunction> = {
  'is defined': define(['value'], (value) => value !== null && value !== undefined),

  'get or else': define(['value', 'default'], (value, fallback) =>
    value !== null && value !== undefined ? value : (fallback ?? null),
  ),

  assert: define(['value', 'condition', 'cause'], (value, condition, cause) => {
    if (condition === true) return value;
    throw new FeelAssertionFailure(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
  }),

  'duplicate values': define(['list'], (list) => {
    if (!Array.isArray(list)) return null;
    // in the order of first appearance: duplicate values([1,2,3,2,1]) = [1,2]
    const counts = new Map<string, number>();
    const keys = list.map((item) => {
      const key = equalityKey(item);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return key;
    });
    const reported = new Set<string>();
    const duplicates: unknown[] = [];
    list.forEach((item, index) => {
      const key = keys[index] ?? '';
      if ((counts.get(key) ?? 0) > 1 && !reported.has(key)) {
        reported.add(key);
        duplicates.push(item);
      }
    });
    return duplicates;
  }),

  extract: define(['string', 'pattern'], (string, pattern) => {
    if (typeof string !== 'string' || typeof pattern !== 'string') return null;
    let regexp: RegExp;
    try {
      regexp = new RegExp(pattern, 'gu');
    } catch {
      return null;
    }
    return Array.from(string.matchAll(regexp), (match) => match[0]);
  }),

  'last day of month': define(['date'], (date) => {
    if (date instanceof FeelDate || date instanceof FeelDateTime) {
      const day = date.value;
      return new FeelDate(
        Temporal.PlainDate.from({ year: day.year, month: day.month, day: day.daysInMonth }),
      );
    }
    return null;
  }),

  'random number': define([], () => Math.random()),

  // feelin knows only the single-key form; feel-scala 1.16+ also takes a list of keys (a path)
  'get value': define(['context', 'key', 'keys'], (context, key, keys) => {
    const path = keys ?? key;
    const names = typeof path === 'string' ? [path] : path;
    if (!Array.isArray(names) || names.length === 0) return null;
    let value: unknown = context;
    for (const name of names) {
      if (typeof name !== 'string' || !isContext(value) || !Object.hasOwn(value, name)) return null;
      value = value[name];
    }
    return value ?? null;
  }),

  put: define(['context', 'key', 'value'], (context, key, value) => {
    if (!isContext(context) || typeof key !== 'string') return null;
    return { ...context, [key]: value ?? null };
  }),

  'put all': define(['...contexts'], putAll),

  'string join': define(['list', 'delimiter', 'prefix', 'suffix'], (list, delimiter, prefix, suffix) => {
    if (!Array.isArray(list)) return null;
    const parts: string[] = [];
    for (const item of list) {
      if (item === null || item === undefined) continue;
      if (typeof item !== 'string') return null;
      parts.push(item);
    }
    const text = (value: unknown): string | null =>
      value === null || value === undefined ? '' : typeof value === 'string' ? value : null;
    const separator = text(delimiter);
    const before = text(prefix);
    const after = text(suffix);
    if (separator === null || before === null || after === null) return null;
    return before + parts.join(separator) + after;
  }),

  cycle: define(['repetitions', 'interval'], (repetitions, interval) =>
    interval === undefined ? cycleText(null, repetitions) : cycleText(repetitions, interval),
  ),

  // feelin lacks the Camunda form date and time(date, timezone); the other forms behave as feelin's
  'date and time': define(['date', 'time', 'from', 'timezone'], (date, time, from, timezone) => {
    if (typeof date === 'string' && time === undefined) return dateAndTime(date);
    if (typeof from === 'string') return dateAndTime(from);
    const zone = typeof time === 'string' ? time : timezone;
    if (date instanceof FeelDateTime && typeof zone === 'string') return atZone(date, zone);
    if ((date instanceof FeelDate || date instanceof FeelDateTime) && time instanceof FeelTime) {
      const day = date instanceof FeelDate ? date.value : date.value.toPlainDate();
      return new FeelDateTime(day.toPlainDateTime(time.value), time.zone);
    }
    return null;
  }),

  now: define([], () => nowDateTime()),

  today: define([], () => new FeelDate(nowDateTime().value.toPlainDate())),
};

/** Whether a value is one of feelin's temporal classes (used by the type check). */
export function isFeelTemporal(value: unknown): boolean {
  return (
    value instanceof FeelDate ||
    value instanceof FeelTime ||
    value instanceof FeelDateTime ||
    value instanceof FeelDuration
  );
}
