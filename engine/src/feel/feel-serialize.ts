import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import type { JsonValue } from './feel-types.ts';
import {
  formatJavaDuration,
  formatJavaPeriod,
  formatLocalDate,
  formatLocalDateTime,
  formatLocalTime,
  formatZonedDateTime,
  isOffsetZone,
} from './java-format.ts';

/**
 * Converts a FEEL value to what Zeebe stores (ZEEBE-COMPAT.md §6.1): numbers stay numbers (JSON has
 * no separate integer type; non-finite numbers become null), temporals become Java `toString`
 * strings, durations Java's `Duration`/`Period` form, and functions, ranges and anything else
 * that has no JSON form become null.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null;
    case 'object':
      return objectToJson(value);
    default:
      return null;
  }
}

function objectToJson(value: object): JsonValue {
  if (Array.isArray(value)) {
    const list: JsonValue[] = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) {
      list[i] = toJsonValue(value[i]);
    }
    return list;
  }
  const temporal = temporalToString(value);
  if (temporal !== undefined) {
    return temporal;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    // ranges, functions and foreign objects have no JSON form in Zeebe
    return null;
  }
  const context: { [key: string]: JsonValue } = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === '__proto__') {
      // a JSON key like any other: define it, as assigning would replace the prototype
      Object.defineProperty(context, key, {
        value: toJsonValue(entry),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      context[key] = toJsonValue(entry);
    }
  }
  return context;
}

/** The Java string of a FEEL temporal value, or undefined when the value is not one. */
export function temporalToString(value: unknown): string | undefined {
  if (value instanceof FeelDateTime) {
    return value.zone === null
      ? formatLocalDateTime(value.value)
      : formatZonedDateTime(value.value, value.zone);
  }
  if (value instanceof FeelDate) {
    return formatLocalDate(value.value);
  }
  if (value instanceof FeelDuration) {
    return durationToString(value);
  }
  if (value instanceof FeelTime) {
    return timeToString(value);
  }
  return undefined;
}

export function durationToString(value: FeelDuration): string {
  if (value.yearsMonths) {
    return formatJavaPeriod(value.value.years, value.value.months);
  }
  return formatJavaDuration(value.value);
}

/**
 * A local time prints as java.time.LocalTime; a zoned time as feel-scala's ZonedTime#format:
 * seconds always shown, then the offset id (`Z`, `+01:00`) or `@Region`.
 */
function timeToString(value: FeelTime): string {
  const local = formatLocalTime(value.value);
  const zone = value.zone;
  if (zone === null) {
    return local;
  }
  const withSeconds = local.length === 5 ? `${local}:00` : local;
  if (isOffsetZone(zone)) {
    return withSeconds + (zone === 'UTC' || zone === 'Z' ? 'Z' : zone);
  }
  return `${withSeconds}@${zone}`;
}
