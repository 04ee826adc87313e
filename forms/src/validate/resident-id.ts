/**
 * Resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women), 1 check character (ISO 7064 MOD 11-2).
 * The old 15-digit numbers were replaced in 2004 and are not accepted.
 */
export const RESIDENT_ID_PATTERN =
  '^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dX]$';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type ResidentIdProblem = 'format' | 'checkDigit' | 'birthDate' | 'futureBirthDate';

export interface ResidentIdCheck {
  readonly valid: boolean;
  readonly problem?: ResidentIdProblem;
}

/** The check character the first 17 digits call for. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** `today` is an ISO date (`YYYY-MM-DD`); birth dates after it are rejected. */
export function checkResidentId(value: string, today: string): ResidentIdCheck {
  if (!new RegExp(RESIDENT_ID_PATTERN).test(value)) return { valid: false, problem: 'format' };
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birth)) return { valid: false, problem: 'birthDate' };
  if (birth > today) return { valid: false, problem: 'futureBirthDate' };
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17])
    return { valid: false, problem: 'checkDigit' };
  return { valid: true };
}

/** The birth date inside a valid number, as `YYYY-MM-DD`. */
export function residentIdBirthDate(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** The sex a valid number encodes: the sequence's last digit is odd for men. */
export function residentIdSex(value: string): 'male' | 'female' {
  return Number(value[16]) % 2 === 1 ? 'male' : 'female';
}

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
