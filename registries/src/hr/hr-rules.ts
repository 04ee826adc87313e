import { addMonths, ageOn, monthsInclusive } from '../shared/dates.ts';
import type { Sex } from '../shared/id-number.ts';

/**
 * The sandbox's social-insurance rules. Amounts are the sandbox city's figures
 * (a Hangzhou-like city), fixed so results are reproducible.
 */
export const AVERAGE_MONTHLY_WAGE = 9_000;
export const MINIMUM_MONTHLY_WAGE = 2_490;
export const FUNERAL_ALLOWANCE = 5_000;
export const SURVIVOR_BENEFIT_MONTHS = 10;
export const PERSONAL_ACCOUNT_RATE = 0.08;

/**
 * Statutory retirement date after the 2025 gradual reform: men from 60, women
 * (in the 55 category, the one the sandbox models) from 55, one month later for
 * every four months of birth from 1965-01 (men) or 1970-01 (women), at most 36 months.
 */
export function statutoryRetirementDate(birthDate: string, sex: Sex): string {
  const baseAge = sex === 'male' ? 60 : 55;
  const reformYear = sex === 'male' ? 1965 : 1970;
  const index = (Number(birthDate.slice(0, 4)) - reformYear) * 12 + Number(birthDate.slice(5, 7)) - 1;
  const delay = index < 0 ? 0 : Math.min(36, Math.floor(index / 4) + 1);
  return addMonths(birthDate, baseAge * 12 + delay);
}

/** 180 months until 2029, then six more each year up to 240 from 2039. */
export function requiredContributionMonths(retirementDate: string): number {
  const year = Number(retirementDate.slice(0, 4));
  return 180 + Math.max(0, Math.min(10, year - 2029)) * 6;
}

export interface Period {
  readonly startDate: string;
  readonly endDate: string | null;
  readonly contributionBase: number | null;
}

export function contributionMonths(periods: readonly Period[], asOf: string): number {
  return periods.reduce((sum, period) => {
    const end = period.endDate && period.endDate < asOf ? period.endDate : asOf;
    return sum + (period.startDate <= asOf ? monthsInclusive(period.startDate, end) : 0);
  }, 0);
}

// Months over which the personal account is paid out, by age at retirement.
const ANNUITY_DIVISORS: Record<number, number> = {
  50: 195,
  55: 170,
  56: 164,
  57: 158,
  58: 152,
  59: 145,
  60: 139,
  61: 132,
  62: 125,
  63: 117,
};

function divisorFor(age: number): number {
  const ages = Object.keys(ANNUITY_DIVISORS)
    .map(Number)
    .sort((a, b) => a - b);
  const fit = ages.filter((candidate) => candidate <= age).pop() ?? 50;
  return ANNUITY_DIVISORS[fit] ?? 139;
}

/** Basic pension (1 % of the average of the city wage and the indexed wage per year) plus the personal account annuity. */
export function monthlyPension(
  periods: readonly Period[],
  birthDate: string,
  retirementDate: string,
): number {
  const months = contributionMonths(periods, retirementDate);
  if (months === 0) return 0;
  let weighted = 0;
  let account = 0;
  for (const period of periods) {
    const end = period.endDate && period.endDate < retirementDate ? period.endDate : retirementDate;
    const span = monthsInclusive(period.startDate, end);
    const base = period.contributionBase ?? AVERAGE_MONTHLY_WAGE;
    weighted += span * base;
    account += span * base * PERSONAL_ACCOUNT_RATE;
  }
  const index = Math.min(3, Math.max(0.6, weighted / months / AVERAGE_MONTHLY_WAGE));
  const basic = ((AVERAGE_MONTHLY_WAGE * (1 + index)) / 2) * (months / 12) * 0.01;
  return round2(basic + account / divisorFor(ageOn(birthDate, retirementDate)));
}

/** 12 months of benefit for 1–5 contribution years, 18 for 5–10, 24 beyond. */
export function unemploymentBenefitMonths(contributionMonthsPaid: number): number {
  if (contributionMonthsPaid >= 120) return 24;
  if (contributionMonthsPaid >= 60) return 18;
  return 12;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
