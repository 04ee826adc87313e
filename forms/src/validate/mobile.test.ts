import { describe, expect, it } from 'vitest';
import { isMobileNumber } from './mobile.ts';

describe('isMobileNumber', () => {
  it('accepts 11-digit numbers starting 13 to 19', () => {
    for (const number of ['13800138000', '15912345678', '19912345678', '16612345678']) {
      expect(isMobileNumber(number)).toBe(true);
    }
  });

  it('rejects landlines, prefixes, short numbers and numbers starting 10, 11 or 12', () => {
    for (const number of [
      '010-12345678',
      '+8613800138000',
      '1380013800',
      '12012345678',
      '10086',
      '138001380001',
    ]) {
      expect(isMobileNumber(number)).toBe(false);
    }
  });
});
