import { describe, expect, it } from 'vitest';
import { checkResidentId, residentIdBirthDate, residentIdSex } from './resident-id.ts';

const TODAY = '2026-11-29';

describe('checkResidentId', () => {
  it('accepts the GB 11643 example numbers, including one whose check character is X', () => {
    // given the standard's examples
    // when / then
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({ valid: true });
    expect(checkResidentId('440524188001010014', TODAY)).toEqual({ valid: true });
  });

  it('rejects a number whose check character does not match the first 17 digits', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toEqual({ valid: false, problem: 'checkDigit' });
    expect(checkResidentId('440524188001010015', TODAY)).toEqual({ valid: false, problem: 'checkDigit' });
  });

  it('rejects a lower-case x as check character', () => {
    expect(checkResidentId('11010519491231002x', TODAY)).toEqual({ valid: false, problem: 'format' });
  });

  it('rejects a birth date that does not exist, even with a correct check character', () => {
    // given 1999-02-30 with the check character computed for it
    const number = '11010119990230001X';
    // when
    const result = checkResidentId(number, TODAY);
    // then
    expect(result).toEqual({ valid: false, problem: 'birthDate' });
  });

  it('rejects a birth date after today', () => {
    expect(checkResidentId('110101203001010014', TODAY)).toEqual({
      valid: false,
      problem: 'futureBirthDate',
    });
    expect(checkResidentId('110101203001010014', '2030-01-01')).toEqual({ valid: true });
  });

  it('rejects the old 15-digit numbers and other shapes', () => {
    expect(checkResidentId('110105491231002', TODAY)).toEqual({ valid: false, problem: 'format' });
    expect(checkResidentId('01010519491231002X', TODAY)).toEqual({ valid: false, problem: 'format' });
    expect(checkResidentId('1101051949123100 2X', TODAY)).toEqual({ valid: false, problem: 'format' });
    expect(checkResidentId('', TODAY)).toEqual({ valid: false, problem: 'format' });
  });

  it('reads the birth date and sex encoded in the number', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdSex('11010519491231002X')).toBe('female');
    expect(residentIdSex('440524188001010014')).toBe('male');
  });
});
