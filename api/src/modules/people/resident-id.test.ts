import { describe, expect, it } from 'vitest';
import { isValidResidentId, maskResidentId, residentIdCheckCharacter } from './resident-id.ts';

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    // The example number of GB 11643-1999.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('accepts a number with the right check character and refuses one with a wrong one', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491231002x')).toBe(false);
    expect(isValidResidentId('1101051949123100')).toBe(false);
  });

  it('masks all but the region code and the last two characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105**********2X');
  });
});
