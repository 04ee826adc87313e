/**
 * Resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and a check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;

export type Sex = 'male' | 'female';

export interface IdNumberFacts {
  readonly regionCode: string;
  readonly birthDate: string;
  readonly sex: Sex;
}

export type IdNumberCheck = { ok: true; facts: IdNumberFacts } | { ok: false; problem: string };

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

export function checkIdNumber(value: string): IdNumberCheck {
  const match = SHAPE.exec(value);
  if (!match)
    return {
      ok: false,
      problem: '身份证号码应为 18 位 / must be 18 characters (17 digits and a digit or X)',
    };
  const [, year, month, day] = match;
  const birthDate = `${year}-${month}-${day}`;
  if (!isCalendarDate(birthDate) || Number(year) < 1900) {
    return { ok: false, problem: '身份证号码中的出生日期无效 / the birth date in the ID number is invalid' };
  }
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, problem: '身份证号码校验位错误 / the check character is wrong' };
  }
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, facts: { regionCode: value.slice(0, 6), birthDate, sex } };
}

/** Builds a valid ID number; `sequence` is 0–999 and its parity must match the sex. */
export function buildIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
