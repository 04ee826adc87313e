import type { DictionaryField } from './dictionary.types.ts';
import {
  EVERY_DEPARTMENT,
  choiceField,
  dateField,
  from,
  numberField,
  privacy,
  t,
  textField,
} from './field-builders.ts';
import { DEDUCTION_RATIO_OPTIONS, PARENT_OPTIONS, SEX_OPTIONS } from './options.ts';

// 出生一件事: the child, the household the child joins, the parents' infant-care tax deduction
// and the child's social security card. The parents themselves are `mother.*` and `father.*`.

const child = privacy('personal', ...EVERY_DEPARTMENT);
const delivery = (field: string) => from(`health.delivery.${field}`, 'mother.idNumber');

export const NEWBORN_FIELDS: readonly DictionaryField[] = [
  textField('child.name', t('新生儿姓名', 'Child’s name'), { privacy: child, validate: { maxLength: 50 } }),
  choiceField('child.sex', t('新生儿性别', 'Child’s sex'), {
    privacy: child,
    options: SEX_OPTIONS,
    as: 'radio',
    source: delivery('sex'),
  }),
  dateField('child.birthDate', t('出生日期', 'Date of birth'), {
    privacy: child,
    past: true,
    source: delivery('birthDate'),
  }),
  textField('child.birthPlace', t('出生地点', 'Place of birth'), {
    privacy: child,
    description: t('省、市、县（区）', 'Province, city, county (district)'),
    validate: { maxLength: 200 },
    source: delivery('birthPlace'),
  }),
  textField('child.birthHospital', t('接生机构', 'Hospital of birth'), {
    privacy: child,
    validate: { maxLength: 100 },
    source: delivery('hospital'),
  }),
  numberField('child.birthWeight', t('出生体重（克）', 'Birth weight (g)'), {
    privacy: privacy('sensitive', 'health'),
    decimalDigits: 0,
    min: 300,
    max: 8000,
    source: delivery('weightGrams'),
  }),
  choiceField(
    'household.entryParent',
    t('随父或随母落户', 'Register the child with the father’s or mother’s household'),
    {
      privacy: privacy('personal', 'civil', 'hr'),
      options: PARENT_OPTIONS,
      as: 'radio',
    },
  ),
  textField('household.number', t('户号', 'Household number'), {
    privacy: privacy('personal', 'civil', 'hr'),
    validate: { maxLength: 20, pattern: '^[0-9A-Za-z]{1,20}$' },
    source: from('civil.household.number', 'applicant.idNumber'),
  }),
  textField('household.headName', t('户主姓名', 'Head of household'), {
    privacy: privacy('personal', 'civil'),
    validate: { maxLength: 50 },
    source: from('civil.household.headName', 'applicant.idNumber'),
  }),
  textField('household.address', t('户籍地址', 'Household registered address'), {
    privacy: privacy('personal', 'civil', 'hr'),
    validate: { maxLength: 200 },
    source: from('civil.household.address', 'applicant.idNumber'),
  }),
  choiceField('infantCare.claimant', t('婴幼儿照护扣除申报人', 'Parent claiming the infant-care deduction'), {
    privacy: privacy('personal', 'tax'),
    options: PARENT_OPTIONS,
  }),
  choiceField('infantCare.ratio', t('扣除比例', 'Deduction share'), {
    privacy: privacy('personal', 'tax'),
    options: DEDUCTION_RATIO_OPTIONS,
    as: 'radio',
  }),
  textField('socialSecurityCard.bank', t('社保卡服务银行', 'Bank issuing the social security card'), {
    privacy: privacy('personal', 'hr'),
    validate: { maxLength: 50 },
  }),
  textField('socialSecurityCard.deliveryAddress', t('社保卡邮寄地址', 'Card delivery address'), {
    privacy: privacy('personal', 'hr'),
    required: false,
    description: t('不填写则到窗口领取', 'Leave empty to collect it at the window'),
    validate: { maxLength: 200 },
  }),
];
