/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 17 digits and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('The body of a resident ID number is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export function isValidResidentId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17];
}

/** For lists and logs: region code and check character only (110105********123X → 110105**********3X). */
export function maskResidentId(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 8)}${value.slice(-2)}`;
}
