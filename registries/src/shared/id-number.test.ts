import { describe, expect, it } from 'vitest';
import { buildIdNumber, checkIdNumber } from './id-number.ts';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s sample number with an X check character', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({
      ok: true,
      facts: { regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('rejects a wrong check character, a lower-case x and an impossible birth date', () => {
    expect(checkIdNumber('110105194912310021').ok).toBe(false);
    expect(checkIdNumber('11010519491231002x').ok).toBe(false);
    expect(checkIdNumber(buildIdNumber('110105', '1949-02-30', 2).replace('19490230', '19490230')).ok).toBe(
      false,
    );
  });

  it('builds numbers that check, with the sex in the sequence’s parity', () => {
    const man = buildIdNumber('330106', '1990-01-01', 13);
    expect(checkIdNumber(man)).toMatchObject({ ok: true, facts: { sex: 'male', birthDate: '1990-01-01' } });
  });
});
