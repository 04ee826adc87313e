import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  formatJavaDuration,
  formatJavaPeriod,
  formatLocalDate,
  formatLocalTime,
  formatZonedDateTime,
} from './java-format.ts';

// Expectations follow the javadoc of java.time LocalDate/LocalTime/ZonedDateTime/Duration/Period#toString.
describe('Java toString forms', () => {
  it('prints a local time without zero seconds and with fractions in groups of three', () => {
    expect(formatLocalTime(Temporal.PlainTime.from('10:00:00'))).toBe('10:00');
    expect(formatLocalTime(Temporal.PlainTime.from('10:00:05'))).toBe('10:00:05');
    expect(formatLocalTime(Temporal.PlainTime.from('10:00:00.5'))).toBe('10:00:00.500');
    expect(formatLocalTime(Temporal.PlainTime.from('10:00:00.000123'))).toBe('10:00:00.000123');
    expect(formatLocalTime(Temporal.PlainTime.from('10:00:00.000000001'))).toBe('10:00:00.000000001');
  });

  it('prints dates with four-digit years and a sign beyond 9999', () => {
    expect(formatLocalDate(Temporal.PlainDate.from('2023-01-05'))).toBe('2023-01-05');
    expect(formatLocalDate(Temporal.PlainDate.from('0099-01-05'))).toBe('0099-01-05');
    expect(formatLocalDate(Temporal.PlainDate.from('+010000-01-01'))).toBe('+10000-01-01');
  });

  it('prints a zoned date-time with its offset and a region in brackets', () => {
    const wall = Temporal.PlainDateTime.from('2023-01-01T10:00:00');
    expect(formatZonedDateTime(wall, 'UTC')).toBe('2023-01-01T10:00Z');
    expect(formatZonedDateTime(wall, '+02:00')).toBe('2023-01-01T10:00+02:00');
    expect(formatZonedDateTime(wall, 'Europe/Berlin')).toBe('2023-01-01T10:00+01:00[Europe/Berlin]');
  });

  it('moves a wall time inside a DST gap forward, as Java does', () => {
    const gap = Temporal.PlainDateTime.from('2023-03-26T02:30:00');
    expect(formatZonedDateTime(gap, 'Europe/Berlin')).toBe('2023-03-26T03:30+02:00[Europe/Berlin]');
  });

  it('prints durations in hours, minutes and seconds without days', () => {
    expect(formatJavaDuration(Temporal.Duration.from('P1DT12H'))).toBe('PT36H');
    expect(formatJavaDuration(Temporal.Duration.from('PT0S'))).toBe('PT0S');
    expect(formatJavaDuration(Temporal.Duration.from('PT1H30M'))).toBe('PT1H30M');
    expect(formatJavaDuration(Temporal.Duration.from('PT0.5S'))).toBe('PT0.5S');
    expect(formatJavaDuration(Temporal.Duration.from('-PT90S'))).toBe('PT-1M-30S');
    expect(formatJavaDuration(Temporal.Duration.from('-PT0.5S'))).toBe('PT-0.5S');
  });

  it('prints periods with years and months, zero as P0D', () => {
    expect(formatJavaPeriod(1, 2)).toBe('P1Y2M');
    expect(formatJavaPeriod(0, 5)).toBe('P5M');
    expect(formatJavaPeriod(0, 0)).toBe('P0D');
    expect(formatJavaPeriod(-1, -2)).toBe('P-1Y-2M');
  });
});
