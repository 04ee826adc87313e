import type { DictionaryField } from './dictionary.types.ts';
import {
  EVERY_DEPARTMENT,
  choiceField,
  creditCodeField,
  dateField,
  from,
  mobileField,
  numberField,
  privacy,
  t,
  textField,
} from './field-builders.ts';
import { CONTRACT_TYPE_OPTIONS, EDUCATION_OPTIONS } from './options.ts';

// 新员工入职一件事: the employer (public business data), the job and the employee's education.
// The employee's identity is `employee.*` in person.fields.ts.

const business = privacy('public', ...EVERY_DEPARTMENT);
const job = privacy('personal', 'hr', 'tax');
const taxpayer = (field: string) => from(`tax.taxpayer.${field}`, 'employer.creditCode');

export const EMPLOYMENT_FIELDS: readonly DictionaryField[] = [
  creditCodeField('employer.creditCode', t('统一社会信用代码', 'Unified social credit code'), {
    privacy: business,
  }),
  textField('employer.name', t('单位名称', 'Employer name'), {
    privacy: business,
    validate: { maxLength: 100 },
    source: taxpayer('name'),
  }),
  textField('employer.address', t('单位地址', 'Employer address'), {
    privacy: business,
    validate: { maxLength: 200 },
    source: taxpayer('address'),
  }),
  textField('employer.contactName', t('单位经办人', 'Employer contact person'), {
    privacy: privacy('personal', 'hr', 'tax'),
    validate: { maxLength: 50 },
  }),
  mobileField('employer.contactMobile', t('经办人手机号码', 'Contact person’s mobile number'), {
    privacy: privacy('personal', 'hr', 'tax'),
  }),
  choiceField('employee.education', t('员工学历', 'Employee education'), {
    privacy: job,
    options: EDUCATION_OPTIONS,
  }),
  dateField('employment.startDate', t('入职日期', 'Start date'), { privacy: job }),
  choiceField('employment.contractType', t('劳动合同类型', 'Contract type'), {
    privacy: job,
    options: CONTRACT_TYPE_OPTIONS,
  }),
  dateField('employment.contractEndDate', t('劳动合同终止日期', 'Contract end date'), {
    privacy: job,
    required: false,
    description: t('固定期限合同填写', 'For fixed-term contracts'),
  }),
  textField('employment.position', t('工作岗位', 'Position'), { privacy: job, validate: { maxLength: 50 } }),
  numberField('employment.monthlySalary', t('月工资（元）', 'Monthly salary (CNY)'), {
    privacy: privacy('sensitive', 'hr', 'tax'),
    decimalDigits: 2,
    min: 0,
    max: 10_000_000,
  }),
];
