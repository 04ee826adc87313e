import { describe, expect, it } from 'vitest';
import { parseIsoInterval } from './iso-interval.ts';

// Java's Period.parse / Duration.parse grammar, as Zeebe's model Interval splits it at 'T'.
describe('ISO-8601 durations', () => {
  it('separates the calendar part from the exact time part', () => {
    expect(parseIsoInterval('P1Y2M3W4DT5H6M7.5S')).toEqual({
      ok: true,
      interval: { years: 1, months: 2, weeks: 3, days: 4, timeMillis: 5 * 3_600_000 + 6 * 60_000 + 7_500 },
    });
  });

  it('applies a leading sign to every component and keeps signs of single components', () => {
    expect(parseIsoInterval('-P1DT1H')).toEqual({
      ok: true,
      interval: { years: 0, months: 0, weeks: 0, days: -1, timeMillis: -3_600_000 },
    });
    expect(parseIsoInterval('PT-1.5S')).toMatchObject({ interval: { timeMillis: -1_500 } });
    expect(parseIsoInterval('P-1M')).toMatchObject({ interval: { months: -1 } });
  });

  it('accepts lower case designators and a comma as decimal separator', () => {
    expect(parseIsoInterval('pt1,5s')).toMatchObject({ interval: { timeMillis: 1_500 } });
  });

  it('rejects text that is not a duration', () => {
    for (const text of ['P', 'PT', 'P1S', 'PT1D', 'P1H', '1D', 'P1.5D', 'P1DT']) {
      expect(parseIsoInterval(text).ok, text).toBe(false);
    }
  });
});
