import { describe, expect, it } from 'vitest';
import { isValidResidentId } from '../people/resident-id.ts';
import { demoPeople } from '@onething/registries';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

describe('demo accounts', () => {
  it("are the accounts of the design, citizens being the registries' demo people with valid ID numbers", () => {
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
      expect(isValidResidentId(account.idNumber ?? '')).toBe(true);
    }
    const [citizen1, citizen2] = DEMO_ACCOUNTS;
    expect(citizen1).toMatchObject({
      displayName: demoPeople.CITIZEN1.name,
      idNumber: demoPeople.CITIZEN1.idNumber,
    });
    expect(citizen2).toMatchObject({
      displayName: demoPeople.CITIZEN2.name,
      idNumber: demoPeople.CITIZEN2.idNumber,
    });
  });
});
