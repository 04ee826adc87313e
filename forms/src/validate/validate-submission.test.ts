import { describe, expect, it } from 'vitest';
import { dictionaryComponent } from '../dictionary/dictionary.ts';
import type { FormComponent, FormSchema } from '../schema/form-schema.types.ts';
import { errorMessages, submissionError, validateSubmission } from './validate-submission.ts';

const TODAY = '2026-11-29';

function formOf(...keys: string[]): FormSchema {
  const components: FormComponent[] = keys.map((key) => {
    const component = dictionaryComponent(key);
    if (!component) throw new Error(`no dictionary field ${key}`);
    return component;
  });
  return { type: 'default', components };
}

describe('validateSubmission', () => {
  it('accepts a complete, correct submission and returns the data to store', () => {
    // given
    const form = formOf('mother.idNumber', 'mother.mobile', 'child.sex', 'child.birthDate');
    const data = {
      mother: { idNumber: '11010519491231002X', mobile: '13800138000' },
      child: { sex: 'female', birthDate: '2026-11-01' },
    };
    // when
    const result = validateSubmission(form, data, { today: TODAY });
    // then
    expect(result).toMatchObject({ valid: true, errors: {}, data });
  });

  it('checks resident ID numbers beyond the pattern the viewer knows', () => {
    const form = formOf('mother.idNumber', 'father.idNumber', 'applicant.idNumber');
    const data = {
      mother: { idNumber: '110105194912310021' },
      father: { idNumber: '11010119990230001X' },
      applicant: { idNumber: '110101203001010014' },
    };
    const result = validateSubmission(form, data, { today: TODAY });
    expect(result.errors).toEqual({
      'mother.idNumber': [
        {
          rule: 'idNumberCheckDigit',
          message: expect.objectContaining({ 'zh-CN': '公民身份号码校验位不正确，请核对。' }),
        },
      ],
      'father.idNumber': [expect.objectContaining({ rule: 'idNumberBirthDate' })],
      'applicant.idNumber': [expect.objectContaining({ rule: 'idNumberBirthDate' })],
    });
    expect(result.fieldIds['mother.idNumber']).toBe('Field_mother_idNumber');
  });

  it('rejects a 15-digit ID number with the pattern message the form gives', () => {
    const result = validateSubmission(
      formOf('mother.idNumber'),
      { mother: { idNumber: '110105491231002' } },
      { today: TODAY },
    );
    expect(result.errors['mother.idNumber']).toEqual([
      {
        rule: 'pattern',
        message: { 'zh-CN': '请输入18位公民身份号码', en: 'The value does not have the expected format.' },
      },
    ]);
  });

  it('checks credit codes, mobile numbers and dates in the past', () => {
    const form = formOf('employer.creditCode', 'employer.contactMobile', 'child.birthDate');
    const data = {
      employer: { creditCode: '91350100M000100Y44', contactMobile: '12012345678' },
      child: { birthDate: '2026-12-01' },
    };
    const result = validateSubmission(form, data, { today: TODAY });
    expect(
      Object.fromEntries(
        Object.entries(result.errors).map(([path, errors]) => [path, errors.map((e) => e.rule)]),
      ),
    ).toEqual({
      'employer.creditCode': ['creditCode'],
      'employer.contactMobile': ['pattern'],
      'child.birthDate': ['pastDate'],
    });
  });

  it('rejects values of the wrong type or outside the options instead of dropping them silently', () => {
    const form = formOf('child.sex', 'child.birthWeight', 'child.name', 'child.birthDate');
    const data = { child: { sex: 'unknown', birthWeight: '3200', name: 42, birthDate: '2026-02-30' } };
    const result = validateSubmission(form, data, { today: TODAY });
    expect(
      Object.fromEntries(
        Object.entries(result.errors).map(([path, errors]) => [path, errors.map((e) => e.rule)]),
      ),
    ).toEqual({
      'child.sex': ['required'],
      'child.birthWeight': ['type'],
      'child.name': ['type'],
      'child.birthDate': ['date'],
    });
  });

  it('ignores hidden fields and leaves their values, and unknown keys, out of the data', () => {
    // given a contract end date asked only for fixed-term contracts
    const endDate = {
      ...dictionaryComponent('employment.contractEndDate'),
      conditional: { hide: '=employment.contractType != "fixed-term"' },
    };
    const form: FormSchema = {
      type: 'default',
      components: [
        formOf('employment.contractType').components[0]!,
        { ...endDate, id: 'Field_end', type: 'datetime', key: 'employment.contractEndDate' },
      ],
    };
    const data = { employment: { contractType: 'open-ended', contractEndDate: 'garbage' }, isAdmin: true };
    // when
    const result = validateSubmission(form, data, { today: TODAY });
    // then
    expect(result).toMatchObject({ valid: true, data: { employment: { contractType: 'open-ended' } } });
    expect(result.data).not.toHaveProperty('isAdmin');
  });

  it('names fields inside dynamic lists by index', () => {
    const form: FormSchema = {
      type: 'default',
      components: [
        {
          id: 'List_heirs',
          type: 'dynamiclist',
          path: 'heirs',
          isRepeating: true,
          components: [
            { ...dictionaryComponent('applicant.idNumber')!, id: 'Field_heir_id', key: 'idNumber' },
          ],
        },
      ],
    };
    const result = validateSubmission(
      form,
      { heirs: [{ idNumber: '11010519491231002X' }, { idNumber: '' }] },
      { today: TODAY },
    );
    expect(Object.keys(result.errors)).toEqual(['heirs[1].idNumber']);
  });

  it('rejects data that is not an object', () => {
    expect(validateSubmission(formOf('child.name'), ['x'], { today: TODAY })).toMatchObject({
      valid: false,
      errors: { '': [{ rule: 'type' }] },
    });
  });

  it('gives one message per field in the language asked for', () => {
    const result = validateSubmission(formOf('child.name'), {}, { today: TODAY });
    expect(errorMessages(result)).toEqual({ 'child.name': '此项为必填项。' });
    expect(errorMessages(result, 'en')).toEqual({ 'child.name': 'Field is required.' });
  });

  it('builds the api’s error body with the catalog code', () => {
    const result = validateSubmission(formOf('child.name'), {}, { today: TODAY });
    expect(submissionError(result, 'en')).toEqual({
      code: 'FORM_SUBMISSION_INVALID',
      message: 'The submitted data does not satisfy the form.',
      fields: { 'child.name': 'Field is required.' },
    });
  });

  it('keeps a __proto__ key in the data from reaching any prototype or the stored data', () => {
    const input: unknown = JSON.parse('{"__proto__": {"polluted": true}, "child": {"name": "小明"}}');
    const result = validateSubmission(formOf('child.name'), input, { today: TODAY });
    expect(result).toMatchObject({ valid: true, data: { child: { name: '小明' } } });
    expect(Object.keys(result.data)).toEqual(['child']);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});
