import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from './credit-code.ts';

describe('checkCreditCode', () => {
  it('accepts registered codes whose check character follows GB 32100', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ valid: true });
    expect(checkCreditCode('91110000600037341L')).toEqual({ valid: true });
  });

  it('rejects a code whose check character is wrong', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ valid: false, problem: 'checkCharacter' });
  });

  it('rejects characters outside the alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(checkCreditCode('91350100M000100O43')).toEqual({ valid: false, problem: 'format' });
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ valid: false, problem: 'format' });
    expect(checkCreditCode('91350100m000100y43')).toEqual({ valid: false, problem: 'format' });
  });

  it('completes 17 characters into a code that validates', () => {
    // given the first 17 characters of a new code
    const first17 = '91110108MA01ABCDE';
    // when
    const check = creditCodeCheckCharacter(first17);
    // then
    expect(check).toBe('N');
    expect(checkCreditCode(`${first17}${check}`)).toEqual({ valid: true });
  });
});
