import { describe, expect, it } from 'vitest';
import { workingDaysLeft } from './working-days-left.ts';

// Instants in China time (UTC+8), where the working-day calendar counts days.
const at = (local: string) => new Date(`${local}+08:00`);

describe('working days left until a due date', () => {
  it('is 0 on the due day itself, whatever the hour', () => {
    expect(workingDaysLeft(at('2026-03-10T08:30:00'), at('2026-03-10T23:59:59'))).toBe(0);
  });

  it('skips the weekend: from Friday, Monday is one working day away', () => {
    expect(workingDaysLeft(at('2026-03-13T17:00:00'), at('2026-03-16T23:59:59'))).toBe(1);
  });

  it('skips public holidays: after the National Day week only the 8th and the 9th count', () => {
    expect(workingDaysLeft(at('2026-09-30T10:00:00'), at('2026-10-09T23:59:59'))).toBe(2);
  });

  it('is negative once the due day has passed', () => {
    expect(workingDaysLeft(at('2026-03-12T09:00:00'), at('2026-03-10T23:59:59'))).toBe(-2);
  });

  it('counts calendar days outside the years the calendar covers', () => {
    expect(workingDaysLeft(at('2031-01-01T09:00:00'), at('2031-01-05T09:00:00'))).toBe(4);
  });
});
