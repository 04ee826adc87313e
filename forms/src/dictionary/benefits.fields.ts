import type { DictionaryField } from './dictionary.types.ts';
import { choiceField, dateField, from, numberField, privacy, t, textField } from './field-builders.ts';
import { RETIREMENT_TYPE_OPTIONS, SEPARATION_REASON_OPTIONS } from './options.ts';

// 退休一件事 and 失业一件事: what HR needs beyond the applicant's identity, and the bank account
// that pensions, benefits and funeral allowances are paid into.

const hrOnly = privacy('personal', 'hr');
const insured = (field: string) => from(`hr.insured.${field}`, 'applicant.idNumber');

export const BENEFIT_FIELDS: readonly DictionaryField[] = [
  choiceField('retirement.type', t('退休类型', 'Type of retirement'), {
    privacy: hrOnly,
    options: RETIREMENT_TYPE_OPTIONS,
  }),
  dateField('retirement.date', t('申请退休日期', 'Requested retirement date'), {
    privacy: privacy('personal', 'hr', 'tax'),
  }),
  numberField('retirement.contributionMonths', t('累计缴费月数', 'Months of contributions'), {
    privacy: hrOnly,
    decimalDigits: 0,
    min: 0,
    max: 1000,
    source: insured('contributionMonths'),
  }),
  textField('unemployment.lastEmployer', t('原工作单位', 'Last employer'), {
    privacy: hrOnly,
    validate: { maxLength: 100 },
    source: insured('lastEmployerName'),
  }),
  dateField('unemployment.separationDate', t('解除或终止劳动关系日期', 'Date employment ended'), {
    privacy: hrOnly,
    past: true,
    source: insured('separationDate'),
  }),
  choiceField('unemployment.separationReason', t('离职原因', 'Reason employment ended'), {
    privacy: hrOnly,
    options: SEPARATION_REASON_OPTIONS,
  }),
  choiceField('medicalInsurance.continuation', t('医保关系接续', 'Continue medical insurance'), {
    privacy: hrOnly,
    options: [
      {
        value: 'employee',
        label: t('以灵活就业人员身份继续参加职工医保', 'Continue employee insurance as self-employed'),
      },
      { value: 'resident', label: t('转为城乡居民医保', 'Switch to resident medical insurance') },
      { value: 'none', label: t('暂不办理', 'Not now') },
    ],
  }),
  textField('bankAccount.bank', t('开户银行', 'Bank'), {
    privacy: privacy('personal', 'hr'),
    validate: { maxLength: 50 },
  }),
  textField('bankAccount.number', t('银行账号', 'Bank account number'), {
    privacy: privacy('sensitive', 'hr'),
    validate: { pattern: '^\\d{12,19}$' },
  }),
  textField('bankAccount.holder', t('账户户名', 'Account holder'), {
    privacy: privacy('personal', 'hr'),
    validate: { maxLength: 50 },
  }),
];
