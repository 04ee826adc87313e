import { describe, expect, it } from 'vitest';
import { FIELD_DICTIONARY } from '@onething/forms';
import { GROUPS } from '../users/roles.ts';
import { FULL_ID_NUMBERS, fullIdNumberRoles, maskIdNumbersFor } from './task-id-numbers.ts';

const MOTHER = '11010519900307002X';
const FATHER = '110105198811230016';
const newborn = {
  applicant: { idNumber: MOTHER, name: '王芳' },
  mother: { idNumber: MOTHER, name: '王芳' },
  father: { idNumber: FATHER, name: '李强' },
  child: { name: '李思远' },
  household: { number: 'H1101050001' },
};

/** The roles that have an ID number in the field dictionary (`mother.idNumber` → `mother`). */
const dictionaryRoles = [...FIELD_DICTIONARY.values()]
  .filter((field) => field.validation === 'idNumber')
  .map((field) => field.key.split('.')[0]);

describe('whose ID numbers a task group sees in full', () => {
  it('names only people the field dictionary has ID numbers for', () => {
    for (const group of GROUPS) {
      expect(dictionaryRoles).toEqual(expect.arrayContaining([...FULL_ID_NUMBERS[group]]));
    }
  });

  it('shows the window every ID number, as it checks them against the original cards', () => {
    expect([...FULL_ID_NUMBERS.window].sort()).toEqual([...new Set(dictionaryRoles)].sort());
  });

  it('shows a health clerk the parents’ ID numbers masked', () => {
    // when
    const shown = maskIdNumbersFor(newborn, ['health']);

    // then
    expect(shown).toEqual({
      applicant: { idNumber: '110105********002X', name: '王芳' },
      mother: { idNumber: '110105********002X', name: '王芳' },
      father: { idNumber: '110105********0016', name: '李强' },
      child: { name: '李思远' },
      household: { number: 'H1101050001' },
    });
  });

  it('shows a civil clerk, who registers the child into the parents’ household, the parents’ numbers in full', () => {
    expect(maskIdNumbersFor(newborn, ['civil'])).toEqual(newborn);
  });

  it('shows an hr clerk the applicant in full but the other parent masked', () => {
    const shown = maskIdNumbersFor(newborn, ['hr']);
    expect(shown).toMatchObject({
      applicant: { idNumber: MOTHER },
      father: { idNumber: '110105********0016' },
    });
  });

  it('shows a clerk reading through several groups what any of them sees in full', () => {
    expect(fullIdNumberRoles(['health', 'tax'])).toEqual(FULL_ID_NUMBERS.tax);
    expect(maskIdNumbersFor(newborn, ['health', 'civil'])).toEqual(newborn);
  });

  it('masks every ID number for supervisors and leaves the data it was given unchanged', () => {
    // when
    const shown = maskIdNumbersFor(newborn, ['supervisor']);

    // then
    expect(shown).toMatchObject({ mother: { idNumber: '110105********002X' } });
    expect(newborn.mother.idNumber).toBe(MOTHER);
  });

  it('leaves values that are not objects where the dictionary expects a person alone', () => {
    expect(maskIdNumbersFor({ mother: 'unknown', father: null }, ['health'])).toEqual({
      mother: 'unknown',
      father: null,
    });
  });
});
