import { describe, expect, it } from 'vitest';
import { evaluateFeel } from './index.ts';

const options = { now: Date.UTC(2024, 6, 31, 12, 27, 30), zone: 'Europe/Berlin' };
const value = (expression: string, variables: Record<string, unknown> = {}): unknown => {
  const outcome = evaluateFeel(expression, variables, options);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
};

describe('injected built-ins', () => {
  it('extract gives an empty list when nothing matches', () => {
    expect(value('extract("no digits", "[0-9]+")')).toEqual([]);
  });

  it('last day of month knows leap years', () => {
    expect(value('last day of month(date("2024-02-10"))')).toBe('2024-02-29');
    expect(value('last day of month(date("2023-02-10"))')).toBe('2023-02-28');
    expect(value('last day of month("2023-02-10")')).toBeNull();
  });

  it('put and put all return null for something that is not a context', () => {
    expect(value('put(1, "a", 2)')).toBeNull();
    expect(value('put all({a: 1}, 2)')).toBeNull();
    expect(value('put all([{a: 1}, {a: 2, b: 3}])')).toEqual({ a: 2, b: 3 });
    // a "__proto__" key parsed from JSON stays a plain entry
    const hostile: unknown = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(value('put all(x, {b: 1})', { x: hostile })).toEqual(
      JSON.parse('{"__proto__": {"polluted": true}, "b": 1}'),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('get value follows a path and gives null for a missing step', () => {
    expect(value('get value(x, ["a", "b"])', { x: { a: { b: 1 } } })).toBe(1);
    expect(value('get value(x, ["a", "c"])', { x: { a: { b: 1 } } })).toBeNull();
    expect(value('get value(x, [])', { x: { a: 1 } })).toBeNull();
  });

  it('cycle needs a duration', () => {
    expect(value('cycle("PT1H")')).toBeNull();
    expect(value('cycle(interval: duration("PT1H"))')).toBe('R/PT1H');
    expect(value('cycle(duration("P1DT1H"))')).toBe('R/PT25H');
  });

  it('date and time(date, timezone) moves an instant into another zone', () => {
    expect(value('date and time(@"2020-07-31T14:27:30@Europe/Berlin", "America/Los_Angeles")')).toBe(
      '2020-07-31T05:27:30-07:00[America/Los_Angeles]',
    );
    // a local date-time is read in the engine zone (here Europe/Berlin), as feel-scala does with the JVM zone
    expect(value('date and time(@"2020-07-31T14:27:30", "Z")')).toBe('2020-07-31T12:27:30Z');
    expect(value('date and time(@"2020-07-31T14:27:30Z", "Mars/Olympus")')).toBeNull();
  });

  it('date and time keeps its other forms', () => {
    expect(value('date and time("2020-07-31T14:27:30")')).toBe('2020-07-31T14:27:30');
    expect(value('date and time(date("2012-12-24"), time("T23:59:00"))')).toBe('2012-12-24T23:59');
    expect(value('date and time(from: "2020-07-31T14:27:30+02:00")')).toBe('2020-07-31T14:27:30+02:00');
    expect(value('date and time("not a date")')).toBeNull();
  });

  it('string join rejects a non-string delimiter', () => {
    expect(value('string join(["a", "b"], 1)')).toBeNull();
  });

  it('is defined and get or else see a null variable as undefined', () => {
    expect(value('is defined(x)', { x: null })).toBe(false);
    expect(value('get or else(x, "fallback")', { x: null })).toBe('fallback');
  });
});
