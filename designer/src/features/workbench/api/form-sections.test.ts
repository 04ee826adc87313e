import { describe, expect, it } from 'vitest';
import { formSections, sectionsForServices, type FormSection } from './form-sections.ts';

describe('formSections', () => {
  it('lists the fields of each section of the combined form by key, with both labels', () => {
    // given
    const form = {
      components: [
        {
          type: 'group',
          id: 'Group_shared',
          label: '共同信息',
          properties: { 'onething:labelEn': 'Shared information' },
          components: [
            {
              type: 'textfield',
              key: 'child.name',
              label: '新生儿姓名',
              properties: {
                'onething:labelEn': 'Name of the child',
                'onething:services': 'health:birthCertificate',
              },
            },
          ],
        },
      ],
    };

    // when / then
    expect(formSections(form)).toEqual([
      {
        id: 'Group_shared',
        title: { 'zh-CN': '共同信息', en: 'Shared information' },
        fields: [
          {
            key: 'child.name',
            label: { 'zh-CN': '新生儿姓名', en: 'Name of the child' },
            services: ['health:birthCertificate'],
          },
        ],
      },
    ]);
  });

  it('names a dynamic list as a whole and prefixes the paths of groups inside a section', () => {
    // given
    const form = {
      components: [
        {
          type: 'group',
          id: 'Group_civil',
          label: '民政与户籍',
          components: [
            {
              type: 'dynamiclist',
              path: 'children',
              label: '子女',
              components: [{ type: 'textfield', key: 'name', label: '姓名' }],
            },
            {
              type: 'group',
              path: 'household',
              components: [{ type: 'textfield', key: 'number', label: '户号' }],
            },
          ],
        },
      ],
    };

    // when
    const [section] = formSections(form);

    // then
    expect(section?.fields.map((field) => field.key)).toEqual(['children', 'household.number']);
    expect(section?.fields[0]?.label).toEqual({ 'zh-CN': '子女', en: null });
  });

  it('leaves out sections with texts only and gathers fields outside sections first', () => {
    // given
    const form = {
      components: [
        {
          type: 'group',
          id: 'Group_notes',
          label: '须知',
          components: [{ type: 'text', text: '请如实填写' }],
        },
        { type: 'textfield', key: 'applicant.mobile', label: '手机号码' },
      ],
    };

    // when / then
    expect(formSections(form)).toEqual([
      {
        id: 'loose',
        title: null,
        fields: [{ key: 'applicant.mobile', label: { 'zh-CN': '手机号码', en: null }, services: [] }],
      },
    ]);
  });

  it('gives nothing for something that is not a form', () => {
    expect(formSections(null)).toEqual([]);
    expect(formSections({ components: 'x' })).toEqual([]);
  });
});

describe('sectionsForServices', () => {
  const field = (key: string, services: string[]) => ({ key, label: { 'zh-CN': key, en: null }, services });
  const sections: FormSection[] = [
    {
      id: 'Group_shared',
      title: null,
      fields: [field('child.name', ['health:birthCertificate', 'civil:householdRegistration'])],
    },
    { id: 'Group_civil', title: null, fields: [field('household.number', ['civil:householdRegistration'])] },
    { id: 'Group_other', title: null, fields: [field('note', [])] },
  ];

  it('offers only the fields of the services the citizen applied for, as the api checks them', () => {
    // when
    const offered = sectionsForServices(sections, ['birthCertificate']);

    // then: the civil section asks nothing of this application; fields without services stay
    expect(offered.map((section) => section.id)).toEqual(['Group_shared', 'Group_other']);
  });

  it('offers everything when the application does not say its services', () => {
    expect(sectionsForServices(sections, null)).toEqual(sections);
  });
});
