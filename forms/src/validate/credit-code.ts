/**
 * Unified social credit codes (GB 32100-2015): 18 characters from a 31-character alphabet
 * without I, O, S, V, Z — registration authority, organisation type, 6-digit region code,
 * 9-character organisation code, and a check character (weights 3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

/** The check character the first 17 characters call for, or null if one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  let weight = 1;
  for (const character of first17) {
    const value = ALPHABET.indexOf(character);
    if (value < 0) return null;
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

export type CreditCodeProblem = 'format' | 'checkCharacter';

export function checkCreditCode(value: string): { valid: boolean; problem?: CreditCodeProblem } {
  if (!new RegExp(CREDIT_CODE_PATTERN).test(value)) return { valid: false, problem: 'format' };
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { valid: false, problem: 'checkCharacter' };
  }
  return { valid: true };
}
