import { describe, expect, it } from 'vitest';
import { dictionaryComponent } from '../dictionary/dictionary.ts';
import type { FormComponent, KeyedComponent } from '../schema/form-schema.types.ts';
import { isContainer, isKeyed } from '../schema/form-schema.types.ts';
import { parseFormSchema } from '../schema/parse-form-schema.ts';
import type { ServiceForm } from './flatten-service-form.ts';
import { mergeForms } from './merge-forms.ts';

function field(key: string, changes: Partial<KeyedComponent> = {}): KeyedComponent {
  const component = dictionaryComponent(key);
  if (!component) throw new Error(`no dictionary field ${key}`);
  return { ...component, ...changes };
}

function service(
  name: string,
  department: ServiceForm['department'],
  ...components: FormComponent[]
): ServiceForm {
  return { service: name, department, schema: { components } };
}

// A newborn bundle in miniature: health certifies the birth, civil registers it, tax deducts.
const birthCertificate = service(
  'health:issue-birth-certificate',
  'health',
  { id: 'Text_intro', type: 'text', text: '## 出生医学证明' },
  field('mother.idNumber'),
  field('child.name'),
  field('child.birthDate'),
  field('child.birthWeight'),
);
const householdRegistration = service(
  'civil:register-birth',
  'civil',
  field('mother.idNumber', { id: 'Field_civil_mother', label: '母亲身份证号' }),
  field('child.name'),
  field('household.entryParent'),
  field('household.number', { conditional: { hide: '=household.entryParent = null' } }),
);
const infantCare = service(
  'tax:register-infant-care-deduction',
  'tax',
  field('child.name'),
  field('infantCare.claimant'),
  field('infantCare.ratio', { conditional: { hide: '=infantCare.claimant = null' } }),
  { id: 'Button_submit', type: 'button', label: '提交' },
);

function keysOf(components: readonly FormComponent[]): string[] {
  return keyed(components).map((component) => component.key);
}

function section(form: { components: readonly FormComponent[] }, id: string): FormComponent {
  const found = form.components.find((component) => component.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

describe('mergeForms', () => {
  it('asks a key several services use once, in a shared section', () => {
    // when
    const result = mergeForms([birthCertificate, householdRegistration, infantCare], { id: 'Form_newborn' });
    // then
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const keys = keysOf(result.form.components);
    expect(keys.length).toBe(new Set(keys).size);
    expect(keysOf([section(result.form, 'Group_shared')])).toEqual(['mother.idNumber', 'child.name']);
    expect(result.fields.find((f) => f.key === 'child.name')).toEqual({
      key: 'child.name',
      services: [
        'health:issue-birth-certificate',
        'civil:register-birth',
        'tax:register-infant-care-deduction',
      ],
      departments: ['health', 'civil', 'tax'],
      shared: true,
    });
  });

  it('puts what only one department asks into that department’s section, texts included, buttons dropped', () => {
    const result = mergeForms([birthCertificate, householdRegistration, infantCare]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.form.components.map((component) => [component.id, component.label])).toEqual([
      ['Group_shared', '共同信息'],
      ['Group_health', '卫生健康'],
      ['Group_civil', '民政与户籍'],
      ['Group_tax', '税务'],
    ]);
    const health = section(result.form, 'Group_health');
    expect(isContainer(health) && health.components.map((c) => c.id)).toEqual([
      'Text_intro',
      'Field_child_birthDate',
      'Field_child_birthWeight',
    ]);
    expect(JSON.stringify(result.form)).not.toContain('Button_submit');
  });

  it('keeps conditional visibility and takes the dictionary’s label over a service’s own', () => {
    const result = mergeForms([birthCertificate, householdRegistration, infantCare]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const all = JSON.stringify(result.form);
    expect(all).toContain('"hide":"=household.entryParent = null"');
    expect(all).toContain('"hide":"=infantCare.claimant = null"');
    expect(all).not.toContain('母亲身份证号');
    expect(parseFormSchema(result.form)).toMatchObject({ ok: true });
  });

  it('shows a shared field when any service needs it, and requires it if any service does', () => {
    // given one service hides the father's ID number for single mothers and treats it as optional
    const a = service(
      'health:a',
      'health',
      field('father.idNumber', { conditional: { hide: '=father.unknown' } }),
    );
    const b = service(
      'civil:b',
      'civil',
      field('father.idNumber', { conditional: { hide: '=household.entryParent = "mother"' } }),
    );
    const c = service(
      'tax:c',
      'tax',
      field('father.idNumber', { validate: { ...field('father.idNumber').validate, required: false } }),
    );
    // when
    const both = mergeForms([a, b]);
    const all = mergeForms([a, b, c]);
    // then
    if (!both.ok || !all.ok) throw new Error('merge failed');
    const merged = (form: typeof both.form) =>
      keyed(form.components).find((f) => f.key === 'father.idNumber');
    expect(merged(both.form)?.conditional).toEqual({
      hide: '=(father.unknown) and (household.entryParent = "mother")',
    });
    expect(merged(all.form)?.conditional).toBeUndefined();
    expect(merged(all.form)?.validate?.required).toBe(true);
  });

  it('reports a shared field defined differently, with both definitions, and builds no form', () => {
    // given tax asks the child's sex as free text
    const textSex = field('child.sex', { type: 'textfield', values: undefined });
    const a = service('health:a', 'health', field('child.sex'));
    const b = service('tax:b', 'tax', textSex);
    // when
    const result = mergeForms([a, b]);
    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const conflict = result.problems.find((problem) => problem.code === 'FORM_FIELD_CONFLICT');
    expect(conflict).toMatchObject({
      path: 'child.sex',
      services: ['health:a', 'tax:b'],
      definitions: [
        { service: 'health:a', component: { type: 'radio' } },
        { service: 'tax:b', component: { type: 'textfield' } },
      ],
    });
    expect(conflict?.message).toContain('options, type');
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'FORM_DICTIONARY_MISMATCH', path: 'child.sex' }),
    );
  });

  it('reports conflicting validation and keys outside the dictionary', () => {
    const a = service('hr:a', 'hr', field('employment.monthlySalary'));
    const b = service(
      'tax:b',
      'tax',
      field('employment.monthlySalary', { validate: { required: true, min: 2000 } }),
    );
    const c = service('civil:c', 'civil', { id: 'Field_pet', type: 'textfield', key: 'child.petName' });
    const result = mergeForms([a, b, c]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { code: 'FORM_DICTIONARY_MISMATCH', path: 'employment.monthlySalary', services: ['tax:b'] },
        { code: 'FORM_FIELD_CONFLICT', path: 'employment.monthlySalary' },
        { code: 'FORM_UNKNOWN_KEY', path: 'child.petName', services: ['civil:c'] },
      ],
    });
  });

  it('lifts fields out of groups, joining the group path to the key and the group condition to the field’s', () => {
    const grouped = service('civil:g', 'civil', {
      id: 'Group_mother',
      type: 'group',
      path: 'mother',
      conditional: { hide: '=applicant.relationship = "other"' },
      components: [field('mother.name', { key: 'name', conditional: { hide: '=mother.idNumber = null' } })],
    });
    const result = mergeForms([grouped]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(keyed(result.form.components)).toEqual([
      expect.objectContaining({
        key: 'mother.name',
        conditional: { hide: '=(applicant.relationship = "other") or (mother.idNumber = null)' },
      }),
    ]);
  });
  it('merges a dynamic list several services ask as one list, and reports lists that differ', () => {
    // given
    const list = (name: string, max: number): FormComponent => ({
      id: `List_${name}`,
      type: 'dynamiclist',
      path: 'heirs',
      isRepeating: true,
      components: [{ id: `Field_${name}_share`, type: 'number', key: 'share', validate: { max } }],
    });
    const a = service('hr:a', 'hr', list('a', 100));
    const b = service('civil:b', 'civil', list('b', 100));
    const c = service('tax:c', 'tax', list('c', 50));
    // when
    const same = mergeForms([a, b]);
    const different = mergeForms([a, c]);
    // then
    if (!same.ok) throw new Error(JSON.stringify(same.problems));
    expect(section(same.form, 'Group_shared')).toMatchObject({
      components: [{ type: 'dynamiclist', path: 'heirs' }],
    });
    expect(different).toMatchObject({
      ok: false,
      problems: [{ code: 'FORM_FIELD_CONFLICT', path: 'heirs' }],
    });
  });
});

function keyed(components: readonly FormComponent[]): KeyedComponent[] {
  return components.flatMap((component): KeyedComponent[] =>
    isContainer(component) ? keyed(component.components) : isKeyed(component) ? [component] : [],
  );
}
