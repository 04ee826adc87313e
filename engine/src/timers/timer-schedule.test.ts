import { describe, expect, it } from 'vitest';
import { nextCycleFiring, scheduleTimer, type TimerResult, type TimerSchedule } from './index.ts';

const at = (iso: string): number => Date.parse(iso);
const NOW = at('2024-01-31T10:00:00Z');

function schedule(result: TimerResult): TimerSchedule {
  if (!result.ok) throw new Error(result.message);
  return result.schedule;
}

describe('timeDuration', () => {
  it('adds a time duration as exact milliseconds', () => {
    expect(schedule(scheduleTimer('timeDuration', 'PT1H30M', NOW, 'UTC'))).toEqual({
      kind: 'once',
      dueAt: at('2024-01-31T11:30:00Z'),
    });
    expect(schedule(scheduleTimer('timeDuration', 'PT0.5S', NOW, 'UTC')).dueAt).toBe(NOW + 500);
    expect(schedule(scheduleTimer('timeDuration', 'PT36H', NOW, 'UTC')).dueAt).toBe(NOW + 36 * 3_600_000);
  });

  it('adds months on the calendar, clamping to the end of a shorter month', () => {
    expect(schedule(scheduleTimer('timeDuration', 'P1M', NOW, 'UTC')).dueAt).toBe(at('2024-02-29T10:00:00Z'));
    expect(schedule(scheduleTimer('timeDuration', 'P1Y2M', NOW, 'UTC')).dueAt).toBe(
      at('2025-03-31T10:00:00Z'),
    );
  });

  it('adds days and weeks on the calendar of the server zone, keeping the local time across DST', () => {
    // Berlin changes to summer time on 2024-03-31: one calendar day is 23 hours long
    const before = at('2024-03-30T11:00:00Z'); // 12:00 in Berlin
    expect(schedule(scheduleTimer('timeDuration', 'P1D', before, 'Europe/Berlin')).dueAt).toBe(
      at('2024-03-31T10:00:00Z'),
    );
    expect(schedule(scheduleTimer('timeDuration', 'PT24H', before, 'Europe/Berlin')).dueAt).toBe(
      at('2024-03-31T11:00:00Z'),
    );
    expect(schedule(scheduleTimer('timeDuration', 'P1W', NOW, 'UTC')).dueAt).toBe(at('2024-02-07T10:00:00Z'));
    expect(schedule(scheduleTimer('timeDuration', 'P1DT2H', NOW, 'UTC')).dueAt).toBe(
      at('2024-02-01T12:00:00Z'),
    );
  });

  it('accepts a negative duration, which is due at once', () => {
    expect(schedule(scheduleTimer('timeDuration', '-PT1M', NOW, 'UTC')).dueAt).toBe(NOW - 60_000);
  });

  it('rejects text that is not a duration', () => {
    for (const text of ['1 hour', 'P', 'PT', 'P1H', '']) {
      const result = scheduleTimer('timeDuration', text, NOW, 'UTC');
      expect(result.ok ? 'scheduled' : result.message).toContain('Invalid timeDuration');
    }
  });
});

describe('timeDate', () => {
  it('reads dates with Z, an offset, a bracketed or a FEEL region', () => {
    const due = (text: string): number => schedule(scheduleTimer('timeDate', text, NOW, 'UTC')).dueAt;
    expect(due('2024-02-01T12:00:00Z')).toBe(at('2024-02-01T12:00:00Z'));
    expect(due('2024-02-01T12:00:00+02:00')).toBe(at('2024-02-01T10:00:00Z'));
    expect(due('2024-02-01T12:00+01:00[Europe/Berlin]')).toBe(at('2024-02-01T11:00:00Z'));
    expect(due('2024-02-01T12:00:00@Europe/Berlin')).toBe(at('2024-02-01T11:00:00Z'));
    expect(due('2024-02-01T12:00:00.250Z')).toBe(at('2024-02-01T12:00:00.250Z'));
  });

  it('keeps a date in the past, so the timer fires at once', () => {
    expect(schedule(scheduleTimer('timeDate', '2019-10-01T12:00:00Z', NOW, 'UTC'))).toEqual({
      kind: 'once',
      dueAt: at('2019-10-01T12:00:00Z'),
    });
  });

  it('reads a date-time without zone in the server zone', () => {
    expect(schedule(scheduleTimer('timeDate', '2024-02-01T12:00:00', NOW, 'Europe/Berlin')).dueAt).toBe(
      at('2024-02-01T11:00:00Z'),
    );
  });

  it('rejects a date without time, an invalid date and a non-string value', () => {
    expect(scheduleTimer('timeDate', '2024-02-01', NOW, 'UTC').ok).toBe(false);
    expect(scheduleTimer('timeDate', '2024-02-30T10:00:00Z', NOW, 'UTC').ok).toBe(false);
    expect(scheduleTimer('timeDate', '2024-02-01T10:00:00@Mars/Olympus', NOW, 'UTC').ok).toBe(false);
    expect(scheduleTimer('timeDate', null, NOW, 'UTC')).toEqual({
      ok: false,
      message: 'Expected the timeDate to be a string, but was NULL.',
    });
  });
});

describe('timeCycle', () => {
  it('repeats an interval a given number of times from the moment each firing happened', () => {
    // given
    const first = schedule(scheduleTimer('timeCycle', 'R3/PT10M', NOW, 'UTC'));
    expect(first).toEqual({ kind: 'cycle', dueAt: NOW + 600_000, remaining: 2, cycle: 'R3/PT10M' });
    if (first.kind !== 'cycle') throw new Error('expected a cycle');
    // when
    const second = nextCycleFiring(first, first.dueAt + 40, 'UTC');
    const third = second?.kind === 'cycle' ? nextCycleFiring(second, second.dueAt, 'UTC') : undefined;
    const fourth = third?.kind === 'cycle' ? nextCycleFiring(third, third.dueAt, 'UTC') : undefined;
    // then
    expect(second).toEqual({ kind: 'cycle', dueAt: NOW + 1_200_040, remaining: 1, cycle: 'R3/PT10M' });
    expect(third).toMatchObject({ dueAt: NOW + 1_800_040, remaining: 0 });
    expect(fourth).toBeUndefined();
  });

  it('repeats R/<duration> forever', () => {
    const first = schedule(scheduleTimer('timeCycle', 'R/P1D', NOW, 'UTC'));
    expect(first).toEqual({
      kind: 'cycle',
      dueAt: at('2024-02-01T10:00:00Z'),
      remaining: null,
      cycle: 'R/P1D',
    });
    if (first.kind !== 'cycle') throw new Error('expected a cycle');
    expect(nextCycleFiring(first, first.dueAt, 'UTC')).toEqual({
      ...first,
      dueAt: at('2024-02-02T10:00:00Z'),
    });
  });

  it('fires R1 and R0 once', () => {
    for (const cycle of ['R1/PT1M', 'R0/PT1M']) {
      const first = schedule(scheduleTimer('timeCycle', cycle, NOW, 'UTC'));
      expect(first).toMatchObject({ remaining: 0 });
      if (first.kind === 'cycle') expect(nextCycleFiring(first, first.dueAt, 'UTC')).toBeUndefined();
    }
  });

  it('starts a cycle with a start date at that date and keeps its cadence', () => {
    const first = schedule(scheduleTimer('timeCycle', 'R2/2024-02-01T08:00:00Z/PT1H', NOW, 'UTC'));
    expect(first).toMatchObject({ dueAt: at('2024-02-01T08:00:00Z'), remaining: 1 });
    if (first.kind !== 'cycle') throw new Error('expected a cycle');
    expect(nextCycleFiring(first, first.dueAt + 100, 'UTC')).toMatchObject({
      dueAt: at('2024-02-01T09:00:00Z'),
      remaining: 0,
    });
  });

  it('does not fire again at once after missing several cycles of a start-anchored cycle', () => {
    const first = schedule(scheduleTimer('timeCycle', 'R/2024-01-01T00:00:00Z/PT1H', NOW, 'UTC'));
    if (first.kind !== 'cycle') throw new Error('expected a cycle');
    expect(first.dueAt).toBe(at('2024-01-01T00:00:00Z'));
    expect(nextCycleFiring(first, NOW, 'UTC')).toMatchObject({ dueAt: NOW + 3_600_000 });
  });

  it('treats any other text as a cron expression in the server zone, repeating forever', () => {
    // 2024-01-31 is a Wednesday; 09:00 Berlin = 08:00 UTC
    const first = schedule(scheduleTimer('timeCycle', '0 0 9 * * MON-FRI', NOW, 'Europe/Berlin'));
    expect(first).toEqual({
      kind: 'cycle',
      dueAt: at('2024-02-01T08:00:00Z'),
      remaining: null,
      cycle: '0 0 9 * * MON-FRI',
    });
    if (first.kind !== 'cycle') throw new Error('expected a cycle');
    // Friday 09:00 → next Monday 09:00
    const friday = { ...first, dueAt: at('2024-02-02T08:00:00Z') };
    expect(nextCycleFiring(friday, friday.dueAt, 'Europe/Berlin')).toMatchObject({
      dueAt: at('2024-02-05T08:00:00Z'),
    });
  });

  it('accepts the output of the FEEL cycle() function', () => {
    expect(scheduleTimer('timeCycle', 'R3/PT1H', NOW, 'UTC').ok).toBe(true);
    expect(scheduleTimer('timeCycle', 'R/P1M', NOW, 'UTC').ok).toBe(true);
  });

  it('rejects malformed cycles with the problem named', () => {
    const message = (text: string): string => {
      const result = scheduleTimer('timeCycle', text, NOW, 'UTC');
      return result.ok ? 'scheduled' : result.message;
    };
    expect(message('R3')).toContain('is not a repeating interval');
    expect(message('Rx/PT1H')).toContain('is not a repeating interval');
    expect(message('R3/1 hour')).toContain('is not an ISO-8601 duration');
    expect(message('R3/yesterday/PT1H')).toContain('is not an ISO-8601 date-time');
    expect(message('0 0 9 * *')).toContain('must have 6 fields');
    expect(message('0 0 0 30 2 *')).toContain('never fires');
  });
});
