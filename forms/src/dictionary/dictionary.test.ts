import { describe, expect, it } from 'vitest';
import { BENEFIT_FIELDS } from './benefits.fields.ts';
import { DEATH_FIELDS } from './death.fields.ts';
import { FIELD_DICTIONARY, dictionaryComponent, sourceRef } from './dictionary.ts';
import { EMPLOYMENT_FIELDS } from './employment.fields.ts';
import { NEWBORN_FIELDS } from './newborn.fields.ts';
import { PERSON_FIELDS } from './person.fields.ts';

const ALL = [...PERSON_FIELDS, ...NEWBORN_FIELDS, ...EMPLOYMENT_FIELDS, ...BENEFIT_FIELDS, ...DEATH_FIELDS];

describe('field dictionary', () => {
  it('defines every key once', () => {
    const keys = ALL.map((field) => field.key);
    expect(keys.length).toBe(new Set(keys).size);
    expect(FIELD_DICTIONARY.size).toBe(keys.length);
  });

  it('uses dotted lowerCamelCase keys', () => {
    for (const field of ALL) expect(field.key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
  });

  it('labels every field and option in Chinese and English', () => {
    for (const field of ALL) {
      expect(field.label['zh-CN'], field.key).not.toBe('');
      expect(field.label.en, field.key).not.toBe('');
      for (const option of field.options ?? []) {
        expect(option.label['zh-CN']).not.toBe('');
        expect(option.label.en).not.toBe('');
      }
    }
  });

  it('gives choice fields distinct option values and no other field options', () => {
    for (const field of ALL) {
      const values = (field.options ?? []).map((option) => option.value);
      expect(new Set(values).size, field.key).toBe(values.length);
      expect(values.length > 0, field.key).toBe(field.type === 'select' || field.type === 'radio');
    }
  });

  it('looks every prefill source up by an identifying key the dictionary also defines', () => {
    for (const field of ALL) {
      if (!field.source) continue;
      const lookup = FIELD_DICTIONARY.get(field.source.lookupKey);
      expect(lookup?.validation, `${field.key} ← ${sourceRef(field.source)}`).toMatch(
        /^(idNumber|creditCode)$/,
      );
    }
  });

  it('classifies ID numbers and bank accounts as sensitive and always lets the window see them', () => {
    for (const field of ALL) {
      expect(field.privacy.departments).toContain('window');
      if (field.validation === 'idNumber' || field.key === 'bankAccount.number') {
        expect(field.privacy.level, field.key).toBe('sensitive');
      }
    }
  });

  it('covers the five bundles’ people and events', () => {
    const groups = new Set(ALL.map((field) => field.key.split('.')[0]));
    for (const group of [
      'applicant',
      'mother',
      'father',
      'child',
      'household',
      'employer',
      'employee',
      'employment',
    ]) {
      expect(groups).toContain(group);
    }
    for (const group of ['retirement', 'unemployment', 'deceased', 'funeral', 'bankAccount']) {
      expect(groups).toContain(group);
    }
  });
});

describe('dictionaryComponent', () => {
  it('builds a form-js component with our validation kind and the pattern the viewer checks', () => {
    // when
    const component = dictionaryComponent('mother.idNumber');
    // then
    expect(component).toMatchObject({
      id: 'Field_mother_idNumber',
      type: 'textfield',
      key: 'mother.idNumber',
      label: '母亲公民身份号码',
      validate: { required: true, pattern: expect.stringContaining('(18|19|20)') },
      properties: { 'onething:validation': 'idNumber', 'onething:labelEn': 'Mother resident ID number' },
    });
  });

  it('turns options into form-js values and dates into date pickers', () => {
    expect(dictionaryComponent('child.sex')).toMatchObject({
      type: 'radio',
      values: [
        { label: '男', value: 'male' },
        { label: '女', value: 'female' },
      ],
    });
    expect(dictionaryComponent('child.birthDate')).toMatchObject({ type: 'datetime', subtype: 'date' });
  });

  it('returns nothing for a key outside the dictionary', () => {
    expect(dictionaryComponent('child.favouriteColour')).toBeUndefined();
  });
});
