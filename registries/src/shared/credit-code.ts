/**
 * Unified social credit codes (GB 32100-2015): registration authority, entity
 * type, 6-digit region code, 9-character organisation code (GB 11714, with its
 * own check character) and a base-31 check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

export function isValidCreditCode(value: string): boolean {
  return SHAPE.test(value) && creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}

/** An organisation code (GB 11714) from its first 8 digits. */
export function organisationCode(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(first8[i]) * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return first8 + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** A company (`91`) credit code for a region and an 8-digit organisation serial. */
export function buildCreditCode(regionCode: string, orgSerial: string): string {
  const first17 = `91${regionCode}${organisationCode(orgSerial)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
