import { describe, expect, it } from 'vitest';
import { todayInChina } from './today.ts';

describe('todayInChina', () => {
  it('is already the next day in Beijing after 16:00 UTC', () => {
    expect(todayInChina(new Date('2026-11-28T16:30:00Z'))).toBe('2026-11-29');
    expect(todayInChina(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
  });

  it('turns the year at Beijing midnight', () => {
    expect(todayInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
