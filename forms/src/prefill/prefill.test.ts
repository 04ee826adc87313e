import { describe, expect, it } from 'vitest';
import { dictionaryComponent } from '../dictionary/dictionary.ts';
import type { FormComponent, FormSchema } from '../schema/form-schema.types.ts';
import { isContainer, isKeyed } from '../schema/form-schema.types.ts';
import { validateSubmission } from '../validate/validate-submission.ts';
import { checkPrefilled, prefill, prefillSources } from './prefill.ts';

const TODAY = '2026-11-29';

function component(key: string): FormComponent {
  const found = dictionaryComponent(key);
  if (!found) throw new Error(`no dictionary field ${key}`);
  return found;
}

const form: FormSchema = {
  type: 'default',
  components: [
    component('applicant.idNumber'),
    component('applicant.name'),
    component('applicant.mobile'),
    {
      id: 'Group_mother',
      type: 'group',
      path: 'mother',
      components: [
        { ...component('mother.name'), key: 'name' },
        { ...component('mother.sex'), key: 'sex' },
      ],
    },
    component('child.birthWeight'),
  ],
};

function readonlyKeys(components: readonly FormComponent[], prefix = ''): string[] {
  return components.flatMap((c) =>
    isContainer(c)
      ? readonlyKeys(c.components, c.path ? `${prefix}${c.path}.` : prefix)
      : isKeyed(c) && c.readonly === true
        ? [`${prefix}${c.key}`]
        : [],
  );
}

describe('prefill', () => {
  it('fills the fields the registries know and makes them read-only', () => {
    // given
    const known = {
      'applicant.idNumber': '11010519491231002X',
      'applicant.name': '张三',
      'mother.name': '李四',
    };
    // when
    const result = prefill(form, known, {}, { today: TODAY });
    // then
    expect(result.data).toEqual({
      applicant: { idNumber: '11010519491231002X', name: '张三' },
      mother: { name: '李四' },
    });
    expect(result.filled).toEqual(['applicant.idNumber', 'applicant.name', 'mother.name']);
    expect(readonlyKeys(result.form.components)).toEqual(result.filled);
    expect(form.components.some((c) => isKeyed(c) && c.readonly)).toBe(false);
  });

  it('leaves fields it knows nothing about editable and ignores keys the form does not have', () => {
    const result = prefill(form, { 'deceased.name': '王五', 'applicant.name': '张三' }, {}, { today: TODAY });
    expect(result.filled).toEqual(['applicant.name']);
    expect(result.data).toEqual({ applicant: { name: '张三' } });
  });

  it('never overwrites what is there with null, undefined or an empty value', () => {
    const current = { applicant: { mobile: '13800138000', name: '张三' }, child: { birthWeight: 3200 } };
    const result = prefill(
      form,
      { 'applicant.mobile': null, 'applicant.name': '', 'child.birthWeight': undefined },
      current,
      {
        today: TODAY,
      },
    );
    expect(result.data).toEqual(current);
    expect(result.filled).toEqual([]);
  });

  it('does not fill a value that would fail the field, so the citizen can still enter it', () => {
    const result = prefill(
      form,
      { 'applicant.idNumber': '110105194912310021', 'mother.sex': 'F', 'child.birthWeight': '3200' },
      {},
      {
        today: TODAY,
      },
    );
    expect(result.filled).toEqual([]);
    expect(result.rejected.map((problem) => [problem.code, problem.path])).toEqual([
      ['FORM_PREFILL_REJECTED', 'applicant.idNumber'],
      ['FORM_PREFILL_REJECTED', 'mother.sex'],
      ['FORM_PREFILL_REJECTED', 'child.birthWeight'],
    ]);
  });

  it('produces data that passes validation for the filled fields', () => {
    const result = prefill(
      form,
      { 'applicant.idNumber': '11010519491231002X', 'mother.sex': 'female' },
      {},
      { today: TODAY },
    );
    const errors = validateSubmission(result.form, result.data, { today: TODAY }).errors;
    expect(errors).not.toHaveProperty('applicant.idNumber');
    expect(errors).not.toHaveProperty('mother.sex');
  });
});

describe('prefillSources', () => {
  it('lists the registry queries that can fill the form’s fields', () => {
    expect(
      prefillSources(form).map(
        ({ key, source }) =>
          `${key} ← ${source.registry}.${source.query}.${source.field} by ${source.lookupKey}`,
      ),
    ).toEqual([
      'applicant.name ← civil.person.name by applicant.idNumber',
      'mother.name ← civil.person.name by mother.idNumber',
      'mother.sex ← civil.person.sex by mother.idNumber',
      'child.birthWeight ← health.delivery.weightGrams by mother.idNumber',
    ]);
  });
});

describe('checkPrefilled', () => {
  it('reports a read-only registry value changed in the submission, and nothing when it is kept', () => {
    // given
    const known = { 'applicant.idNumber': '11010519491231002X', 'applicant.name': '张三' };
    // when
    const tampered = checkPrefilled(
      form,
      known,
      { applicant: { idNumber: '11010519491231002X', name: '李四' } },
      { today: TODAY },
    );
    const kept = checkPrefilled(
      form,
      known,
      { applicant: { idNumber: '11010519491231002X', name: '张三' } },
      { today: TODAY },
    );
    // then
    expect(tampered).toEqual([
      expect.objectContaining({ code: 'FORM_PREFILL_CHANGED', path: 'applicant.name' }),
    ]);
    expect(kept).toEqual([]);
  });
});
