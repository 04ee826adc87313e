import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';

const field = (key: string, label: string, extra: Record<string, unknown> = {}) => ({
  id: `Field_${key.replace('.', '_')}`,
  type: 'textfield',
  key,
  label,
  validate: { required: true },
  ...extra,
});

/** A small combined form shaped like the newborn bundle's (shared section first, then departments). */
export function newbornLikeForm(): FormSchemaJson {
  return {
    type: 'default',
    id: 'Form_newborn',
    schemaVersion: 19,
    components: [
      {
        id: 'Group_shared',
        type: 'group',
        label: '共同信息',
        properties: { 'onething:labelEn': 'Shared information' },
        components: [
          field('applicant.idNumber', '申请人公民身份号码'),
          field('applicant.name', '申请人姓名', { properties: { 'onething:labelEn': 'Applicant name' } }),
          field('applicant.mobile', '申请人手机号码'),
          field('mother.name', '母亲姓名'),
          field('child.name', '新生儿姓名'),
        ],
      },
      {
        id: 'Group_health',
        type: 'group',
        label: '卫生健康',
        components: [
          { id: 'Text_BirthCertificateHeading', type: 'text', text: '## 出生医学证明' },
          field('child.birthPlace', '出生地点'),
        ],
      },
      {
        id: 'Group_hr',
        type: 'group',
        label: '人力资源和社会保障',
        components: [{ id: 'Text_MedicalInsuranceHeading', type: 'text', text: '## 城乡居民医保参保' }],
      },
      {
        id: 'Group_tax',
        type: 'group',
        label: '税务',
        components: [
          {
            id: 'Field_infantCare_claimant',
            type: 'select',
            key: 'infantCare.claimant',
            label: '婴幼儿照护扣除申报人',
            values: [
              { label: '母亲', value: 'mother' },
              { label: '父亲', value: 'father' },
            ],
          },
          {
            id: 'List_children',
            type: 'dynamiclist',
            path: 'children',
            label: '子女',
            components: [field('name', '子女姓名', { id: 'Field_children_name' })],
          },
        ],
      },
    ],
  };
}

/**
 * `newbornLikeForm` as a later publication of the bundle has it: the applicant's mobile number
 * is no longer asked, the birth weight is, and the applicant's name and the child's name are
 * labelled otherwise. The catalogue serves this one; applications filed before keep theirs.
 */
export function republishedNewbornLikeForm(): FormSchemaJson {
  const unchanged = newbornLikeForm().components.slice(2);
  return {
    type: 'default',
    id: 'Form_newborn',
    schemaVersion: 19,
    components: [
      {
        id: 'Group_shared',
        type: 'group',
        label: '共同信息',
        properties: { 'onething:labelEn': 'Shared information' },
        components: [
          field('applicant.idNumber', '申请人公民身份号码'),
          field('applicant.name', '申请人', { properties: { 'onething:labelEn': 'Name of the applicant' } }),
          field('mother.name', '母亲姓名'),
          field('child.name', '婴儿姓名'),
        ],
      },
      {
        id: 'Group_health',
        type: 'group',
        label: '卫生健康',
        components: [
          { id: 'Text_BirthCertificateHeading', type: 'text', text: '## 出生医学证明' },
          field('child.birthPlace', '出生地点'),
          field('child.birthWeight', '出生体重（克）'),
        ],
      },
      ...unchanged,
    ],
  };
}
