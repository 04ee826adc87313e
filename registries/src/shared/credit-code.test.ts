import { describe, expect, it } from 'vitest';
import { buildCreditCode, isValidCreditCode, organisationCode } from './credit-code.ts';

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a published sample code and rejects it with another check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('rejects characters outside the code set (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('91350100M000100YO3')).toBe(false);
  });

  it('builds codes that check, with a GB 11714 organisation code inside', () => {
    const code = buildCreditCode('330108', '73241568');
    expect(isValidCreditCode(code)).toBe(true);
    expect(code.slice(8, 17)).toBe(organisationCode('73241568'));
  });
});
