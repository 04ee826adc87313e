import { describe, expect, it } from 'vitest';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import { viewerSchema } from './viewer-schema.ts';

const form: FormSchemaJson = {
  type: 'default',
  components: [
    {
      id: 'Group_shared',
      type: 'group',
      label: '共同信息',
      properties: { 'onething:labelEn': 'Shared information' },
      components: [
        { id: 'Text_Heading', type: 'text', text: '## 出生医学证明' },
        {
          id: 'Field_applicant_name',
          type: 'textfield',
          key: 'applicant.name',
          label: '申请人姓名',
          properties: { 'onething:labelEn': 'Applicant name' },
        },
        {
          id: 'Field_applicant_mobile',
          type: 'textfield',
          key: 'applicant.mobile',
          label: '申请人手机号码',
          validate: { required: true, pattern: '^1[3-9]\\d{9}$', patternErrorMessage: '请输入11位手机号码' },
        },
        {
          id: 'Field_applicant_relationship',
          type: 'select',
          key: 'applicant.relationship',
          label: '申请人与当事人关系',
          values: [
            { label: '配偶', value: 'spouse' },
            { label: '父母', value: 'parent' },
          ],
        },
      ],
    },
  ],
};

function fields(schema: FormSchemaJson): Record<string, unknown>[] {
  const group = schema.components[0];
  if (
    typeof group !== 'object' ||
    group === null ||
    !('components' in group) ||
    !Array.isArray(group.components)
  )
    throw new Error('no group');
  return group.components;
}

describe('viewerSchema', () => {
  it('makes prefilled fields read-only and says where their value came from', () => {
    // when
    const schema = viewerSchema(form, {
      locale: 'zh-CN',
      prefilled: new Map([['applicant.name', '已由民政·户籍系统数据自动填写']]),
    });

    // then
    const [, name, mobile] = fields(schema);
    expect(name).toMatchObject({ readonly: true, description: '已由民政·户籍系统数据自动填写' });
    expect(mobile?.readonly).toBeUndefined();
  });

  it('during a correction leaves only the returned fields editable', () => {
    // when
    const schema = viewerSchema(form, {
      locale: 'zh-CN',
      prefilled: new Map(),
      editable: new Set(['applicant.mobile']),
    });

    // then
    expect(fields(schema).map((field) => field.readonly)).toEqual([undefined, true, undefined, true]);
  });

  it('speaks English when the UI does: labels, options from the field dictionary and pattern messages', () => {
    // when
    const schema = viewerSchema(form, { locale: 'en', prefilled: new Map() });

    // then
    const [, name, mobile, relationship] = fields(schema);
    expect(name?.label).toBe('Applicant name');
    expect(mobile?.validate).toMatchObject({ patternErrorMessage: 'Enter an 11-digit mobile number.' });
    expect(relationship?.values).toEqual([
      { label: 'Spouse', value: 'spouse' },
      { label: 'Parent', value: 'parent' },
    ]);
  });

  it('turns section headings into third-level headings under the step’s own', () => {
    // when
    const [heading] = fields(viewerSchema(form, { locale: 'zh-CN', prefilled: new Map() }));

    // then
    expect(heading?.text).toBe('### 出生医学证明');
  });
});
