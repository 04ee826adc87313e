import type { Department, DictionaryField, LocalizedText } from './dictionary.types.ts';
import {
  EVERY_DEPARTMENT,
  choiceField,
  dateField,
  from,
  idNumberField,
  mobileField,
  privacy,
  t,
  textField,
} from './field-builders.ts';
import { RELATIONSHIP_OPTIONS, SEX_OPTIONS } from './options.ts';

type PersonPart =
  'idNumber' | 'name' | 'sex' | 'birthDate' | 'ethnicity' | 'nationality' | 'mobile' | 'address';

interface Role {
  readonly role: string;
  readonly label: LocalizedText;
  readonly parts: readonly PersonPart[];
  readonly departments: readonly Department[];
  /** Mobile numbers and addresses are asked of living people only, and only where needed. */
  readonly contactRequired?: boolean;
}

/**
 * The same person fields under each role, so that `mother.idNumber` and `deceased.idNumber`
 * share one definition. Everything but the ID number itself can come from the civil registry's
 * person record, looked up by the role's ID number.
 */
function personFields({ role, label, parts, departments, contactRequired = true }: Role): DictionaryField[] {
  const key = (part: string) => `${role}.${part}`;
  const lookup = key('idNumber');
  const of = (zh: string, en: string) => t(`${label['zh-CN']}${zh}`, `${label.en} ${en}`);
  const personal = privacy('personal', ...departments);
  const sensitive = privacy('sensitive', ...departments);
  const all: Record<PersonPart, DictionaryField> = {
    idNumber: idNumberField(key('idNumber'), of('公民身份号码', 'resident ID number'), {
      privacy: sensitive,
    }),
    name: textField(key('name'), of('姓名', 'name'), {
      privacy: personal,
      source: from('civil.person.name', lookup),
      validate: { maxLength: 50 },
    }),
    sex: choiceField(key('sex'), of('性别', 'sex'), {
      privacy: personal,
      options: SEX_OPTIONS,
      as: 'radio',
      source: from('civil.person.sex', lookup),
    }),
    birthDate: dateField(key('birthDate'), of('出生日期', 'date of birth'), {
      privacy: personal,
      past: true,
      source: from('civil.person.birthDate', lookup),
    }),
    ethnicity: textField(key('ethnicity'), of('民族', 'ethnicity'), {
      privacy: sensitive,
      source: from('civil.person.ethnicity', lookup),
      validate: { maxLength: 20 },
    }),
    nationality: textField(key('nationality'), of('国籍', 'nationality'), {
      privacy: personal,
      source: from('civil.person.nationality', lookup),
      validate: { maxLength: 50 },
    }),
    mobile: mobileField(key('mobile'), of('手机号码', 'mobile number'), {
      privacy: personal,
      required: contactRequired,
    }),
    address: textField(key('address'), of('户籍地址', 'registered address'), {
      privacy: personal,
      source: from('civil.person.address', lookup),
      validate: { maxLength: 200 },
    }),
  };
  return parts.map((part) => all[part]);
}

const FULL: readonly PersonPart[] = [
  'idNumber',
  'name',
  'sex',
  'birthDate',
  'ethnicity',
  'nationality',
  'mobile',
  'address',
];

export const PERSON_FIELDS: readonly DictionaryField[] = [
  ...personFields({
    role: 'applicant',
    label: t('申请人', 'Applicant'),
    parts: FULL,
    departments: EVERY_DEPARTMENT,
  }),
  textField('applicant.email', t('申请人电子邮箱', 'Applicant email'), {
    privacy: privacy('personal', ...EVERY_DEPARTMENT),
    required: false,
    validate: { validationType: 'email', maxLength: 100 },
  }),
  textField('applicant.contactAddress', t('申请人通讯地址', 'Applicant postal address'), {
    privacy: privacy('personal', ...EVERY_DEPARTMENT),
    description: t('证照和结果寄送地址', 'Where certificates and results are posted'),
    validate: { maxLength: 200 },
  }),
  choiceField(
    'applicant.relationship',
    t('申请人与当事人关系', 'Applicant’s relationship to the person concerned'),
    {
      privacy: privacy('personal', ...EVERY_DEPARTMENT),
      options: RELATIONSHIP_OPTIONS,
    },
  ),
  ...personFields({ role: 'mother', label: t('母亲', 'Mother'), parts: FULL, departments: EVERY_DEPARTMENT }),
  ...personFields({ role: 'father', label: t('父亲', 'Father'), parts: FULL, departments: EVERY_DEPARTMENT }),
  ...personFields({
    role: 'spouse',
    label: t('配偶', 'Spouse'),
    parts: ['idNumber', 'name', 'mobile'],
    departments: ['hr', 'tax', 'civil'],
  }),
  ...personFields({
    role: 'employee',
    label: t('员工', 'Employee'),
    parts: ['idNumber', 'name', 'sex', 'birthDate', 'mobile', 'address'],
    departments: ['hr', 'tax'],
  }),
  ...personFields({
    role: 'deceased',
    label: t('逝者', 'Deceased'),
    parts: ['idNumber', 'name', 'sex', 'birthDate', 'ethnicity', 'nationality', 'address'],
    departments: EVERY_DEPARTMENT,
    contactRequired: false,
  }),
];
