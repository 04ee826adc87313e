import { describe, expect, it } from 'vitest';
import { isValidResidentId } from '../people/resident-id.ts';
import { DEMO_ACCOUNTS, demoIdNumber } from './demo-accounts.ts';

describe('demo accounts', () => {
  it('are the accounts of the design, citizens with valid resident ID numbers', () => {
    expect(DEMO_ACCOUNTS.map((account) => account.username)).toEqual([
      'citizen1',
      'citizen2',
      'window1',
      'hr1',
      'tax1',
      'health1',
      'civil1',
      'designer1',
      'supervisor1',
      'admin',
    ]);
    for (const account of DEMO_ACCOUNTS.filter((a) => a.roles.includes('citizen'))) {
      expect(account.idNumberBody).toBeDefined();
      expect(isValidResidentId(demoIdNumber(account.idNumberBody ?? ''))).toBe(true);
    }
  });
});
