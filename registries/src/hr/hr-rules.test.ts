import { describe, expect, it } from 'vitest';
import {
  contributionMonths,
  monthlyPension,
  requiredContributionMonths,
  statutoryRetirementDate,
  unemploymentBenefitMonths,
} from './hr-rules.ts';

describe('hr rules', () => {
  it('keeps 60 for men born before 1965 and adds a month per four months of birth after', () => {
    expect(statutoryRetirementDate('1964-12-10', 'male')).toBe('2024-12-10');
    expect(statutoryRetirementDate('1965-01-10', 'male')).toBe('2025-02-10');
    expect(statutoryRetirementDate('1966-03-08', 'male')).toBe('2026-07-08');
    expect(statutoryRetirementDate('1980-01-01', 'male')).toBe('2043-01-01');
  });

  it('starts the women’s 55 category at 1970 births and caps the delay at 36 months', () => {
    expect(statutoryRetirementDate('1969-12-01', 'female')).toBe('2024-12-01');
    expect(statutoryRetirementDate('1970-05-01', 'female')).toBe('2025-07-01');
    expect(statutoryRetirementDate('1990-01-01', 'female')).toBe('2048-01-01');
  });

  it('raises the minimum contribution from 180 months by six a year from 2030 to 240', () => {
    expect(requiredContributionMonths('2029-12-31')).toBe(180);
    expect(requiredContributionMonths('2030-01-01')).toBe(186);
    expect(requiredContributionMonths('2045-01-01')).toBe(240);
  });

  it('counts calendar months of contribution up to the end or the date asked', () => {
    const periods = [
      { startDate: '1988-07-01', endDate: '2026-06-30', contributionBase: 9000 },
      { startDate: '2026-09-01', endDate: null, contributionBase: 9000 },
    ];
    expect(contributionMonths(periods, '2026-08-15')).toBe(456);
    expect(contributionMonths(periods, '2026-10-01')).toBe(458);
  });

  it('computes a pension that grows with contribution years', () => {
    const short = monthlyPension(
      [{ startDate: '2011-01-01', endDate: null, contributionBase: 9000 }],
      '1966-03-08',
      '2026-07-08',
    );
    const long = monthlyPension(
      [{ startDate: '1988-07-01', endDate: null, contributionBase: 9000 }],
      '1966-03-08',
      '2026-07-08',
    );
    expect(long).toBeGreaterThan(short);
    expect(long).toBeGreaterThan(3000);
  });

  it('grants 12, 18 or 24 months of unemployment benefit by contribution years', () => {
    expect(unemploymentBenefitMonths(30)).toBe(12);
    expect(unemploymentBenefitMonths(60)).toBe(18);
    expect(unemploymentBenefitMonths(200)).toBe(24);
  });
});
