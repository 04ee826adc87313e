import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron } from './cron-expression.ts';

// The expressions and their meaning are the examples of Spring 5.3's CronExpression#parse javadoc.
const at = (iso: string): number => Date.parse(iso);
const iso = (epoch: number | undefined): string | undefined =>
  epoch === undefined ? undefined : new Date(epoch).toISOString().replace('.000Z', 'Z');

/** The next `count` firings after `from`, in UTC. */
function firings(expression: string, from: string, count: number, zone = 'UTC'): (string | undefined)[] {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  const result: (string | undefined)[] = [];
  let after = at(from);
  for (let i = 0; i < count; i++) {
    const next = nextCronTime(parsed.cron, after, zone);
    result.push(iso(next));
    if (next === undefined) break;
    after = next;
  }
  return result;
}

describe('cron expressions (Spring 5.3 syntax)', () => {
  it('fires at the top of every hour', () => {
    expect(firings('0 0 * * * *', '2024-01-01T10:15:00Z', 2)).toEqual([
      '2024-01-01T11:00:00Z',
      '2024-01-01T12:00:00Z',
    ]);
  });

  it('fires every ten seconds', () => {
    expect(firings('*/10 * * * * *', '2024-01-01T10:00:05Z', 3)).toEqual([
      '2024-01-01T10:00:10Z',
      '2024-01-01T10:00:20Z',
      '2024-01-01T10:00:30Z',
    ]);
  });

  it('fires strictly after the given instant', () => {
    expect(firings('0 0 * * * *', '2024-01-01T11:00:00Z', 1)).toEqual(['2024-01-01T12:00:00Z']);
  });

  it('supports ranges, lists and stepped ranges', () => {
    expect(firings('0 0 8-10 * * *', '2024-01-01T00:00:00Z', 4)).toEqual([
      '2024-01-01T08:00:00Z',
      '2024-01-01T09:00:00Z',
      '2024-01-01T10:00:00Z',
      '2024-01-02T08:00:00Z',
    ]);
    expect(firings('0 0 6,19 * * *', '2024-01-01T07:00:00Z', 2)).toEqual([
      '2024-01-01T19:00:00Z',
      '2024-01-02T06:00:00Z',
    ]);
    expect(firings('0 0/30 8-10 * * *', '2024-01-01T09:10:00Z', 4)).toEqual([
      '2024-01-01T09:30:00Z',
      '2024-01-01T10:00:00Z',
      '2024-01-01T10:30:00Z',
      '2024-01-02T08:00:00Z',
    ]);
  });

  it('fires on the hour nine-to-five on weekdays only', () => {
    // 2024-01-05 is a Friday
    expect(firings('0 0 9-17 * * MON-FRI', '2024-01-05T17:30:00Z', 1)).toEqual(['2024-01-08T09:00:00Z']);
  });

  it('takes month names and ? for a day field', () => {
    expect(firings('0 0 0 25 DEC ?', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-12-25T00:00:00Z']);
  });

  it('counts Sunday as 0 and as 7', () => {
    // 2024-01-07 is a Sunday
    expect(firings('0 0 12 * * 0', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-07T12:00:00Z']);
    expect(firings('0 0 12 * * 7', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-07T12:00:00Z']);
  });

  it('requires the day of month and the day of week to match', () => {
    // the 13th that is a Friday: 2024-09-13
    expect(firings('0 0 0 13 * FRI', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-09-13T00:00:00Z']);
  });

  it('supports the last day of the month and an offset from it', () => {
    expect(firings('0 0 0 L * *', '2024-02-01T00:00:00Z', 2)).toEqual([
      '2024-02-29T00:00:00Z',
      '2024-03-31T00:00:00Z',
    ]);
    expect(firings('0 0 0 L-3 * *', '2024-02-01T00:00:00Z', 1)).toEqual(['2024-02-26T00:00:00Z']);
  });

  it('supports the nearest weekday and the last weekday of the month', () => {
    // 2024-06-01 is a Saturday: the first weekday is Monday the 3rd
    expect(firings('0 0 0 1W * *', '2024-05-31T12:00:00Z', 1)).toEqual(['2024-06-03T00:00:00Z']);
    // 2024-08-31 is a Saturday: the last weekday is Friday the 30th
    expect(firings('0 0 0 LW * *', '2024-08-01T00:00:00Z', 1)).toEqual(['2024-08-30T00:00:00Z']);
  });

  it('supports the last and the nth weekday of the month', () => {
    expect(firings('0 0 0 * * 5L', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-26T00:00:00Z']);
    expect(firings('0 0 0 * * THUL', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-25T00:00:00Z']);
    expect(firings('0 0 0 ? * 5#2', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-12T00:00:00Z']);
    expect(firings('0 0 0 ? * MON#1', '2024-01-02T00:00:00Z', 1)).toEqual(['2024-02-05T00:00:00Z']);
  });

  it('expands the macros', () => {
    expect(firings('@hourly', '2024-01-01T10:15:00Z', 1)).toEqual(['2024-01-01T11:00:00Z']);
    expect(firings('@daily', '2024-01-01T10:15:00Z', 1)).toEqual(['2024-01-02T00:00:00Z']);
    expect(firings('@weekly', '2024-01-01T10:15:00Z', 1)).toEqual(['2024-01-07T00:00:00Z']);
    expect(firings('@monthly', '2024-01-01T10:15:00Z', 1)).toEqual(['2024-02-01T00:00:00Z']);
    expect(firings('@yearly', '2024-01-01T10:15:00Z', 1)).toEqual(['2025-01-01T00:00:00Z']);
  });

  it('reads the wall clock of the given zone', () => {
    // 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer
    expect(firings('0 0 9 * * *', '2024-01-01T00:00:00Z', 1, 'Europe/Berlin')).toEqual([
      '2024-01-01T08:00:00Z',
    ]);
    expect(firings('0 0 9 * * *', '2024-07-01T00:00:00Z', 1, 'Europe/Berlin')).toEqual([
      '2024-07-01T07:00:00Z',
    ]);
  });

  it('moves a time inside a DST gap forward', () => {
    // 2024-03-31 02:30 does not exist in Berlin; the clock jumps from 02:00 to 03:00 (01:00 UTC)
    expect(firings('0 30 2 * * *', '2024-03-30T12:00:00Z', 1, 'Europe/Berlin')).toEqual([
      '2024-03-31T01:30:00Z',
    ]);
  });

  it('finds a leap day years ahead', () => {
    expect(firings('0 0 0 29 2 *', '2025-01-01T00:00:00Z', 2)).toEqual([
      '2028-02-29T00:00:00Z',
      '2032-02-29T00:00:00Z',
    ]);
  });

  it('gives no firing for an expression that never matches', () => {
    expect(firings('0 0 0 30 2 *', '2024-01-01T00:00:00Z', 1)).toEqual([undefined]);
  });

  it('rejects malformed expressions with the problem named', () => {
    const cases: [string, string][] = [
      ['0 9 * * MON', 'must have 6 fields'],
      ['60 * * * * *', 'second 60 is out of range 0-59'],
      ['0 0 25 * * *', 'hour 25 is out of range 0-23'],
      ['0 0 0 32 * *', 'day of month 32 is out of range 1-31'],
      ['0 0 0 * 13 *', 'month 13 is out of range 1-12'],
      ['0 0 0 * * 8', 'day of week 8 is out of range 0-7'],
      ['0 0 0 * FOO *', "'FOO' is not a valid month"],
      ['0 0 10-8 * * *', 'ends before it starts'],
      ['*/0 * * * * *', 'not a valid step'],
      ['0 0 0 ? * MON#6', 'the ordinal must be 1-5'],
      ['0 0 ? * * *', "'?' is not a valid hour"],
    ];
    for (const [expression, problem] of cases) {
      const parsed = parseCron(expression);
      expect(parsed.ok ? 'parsed' : parsed.message).toContain(problem);
    }
  });
});
