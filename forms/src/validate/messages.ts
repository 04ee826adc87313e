import type { LocalizedText } from '../dictionary/dictionary.types.ts';
import type { RuleFailure, ValidationRule } from './rules.types.ts';

type Params = Readonly<Record<string, string>>;

const MESSAGES: Record<ValidationRule, (params: Params) => LocalizedText> = {
  notANumber: () => ({ 'zh-CN': '请输入数字。', en: 'Value is not a number.' }),
  decimalDigits: (p) =>
    p['value'] === '0'
      ? { 'zh-CN': '请输入整数。', en: 'Value is expected to be an integer.' }
      : {
          'zh-CN': `最多保留 ${p['value']} 位小数。`,
          en: `Value is expected to have at most ${p['value']} decimal digits.`,
        },
  increment: (p) => ({
    'zh-CN': `请输入有效值，最接近的有效值为 ${p['previousValue']} 和 ${p['nextValue']}。`,
    en: `Please select a valid value, the two nearest valid values are ${p['previousValue']} and ${p['nextValue']}.`,
  }),
  pattern: () => ({ 'zh-CN': '格式不正确。', en: 'The value does not have the expected format.' }),
  required: () => ({ 'zh-CN': '此项为必填项。', en: 'Field is required.' }),
  min: (p) => ({
    'zh-CN': `不能小于 ${p['value']}。`,
    en: `Field must have minimum value of ${p['value']}.`,
  }),
  max: (p) => ({
    'zh-CN': `不能大于 ${p['value']}。`,
    en: `Field must have maximum value of ${p['value']}.`,
  }),
  minLength: (p) => ({
    'zh-CN': `至少输入 ${p['value']} 个字符。`,
    en: `Field must have minimum length of ${p['value']}.`,
  }),
  maxLength: (p) => ({
    'zh-CN': `最多输入 ${p['value']} 个字符。`,
    en: `Field must have maximum length of ${p['value']}.`,
  }),
  phone: () => ({
    'zh-CN': '请输入有效的国际电话号码（如 +8613800138000）。',
    en: 'Field must be a valid international phone number. (e.g. +4930664040900)',
  }),
  email: () => ({ 'zh-CN': '请输入有效的电子邮箱。', en: 'Field must be a valid email.' }),
  type: () => ({ 'zh-CN': '填写的值类型不正确。', en: 'The value has the wrong type.' }),
  option: () => ({ 'zh-CN': '请从给定选项中选择。', en: 'Choose one of the given options.' }),
  date: () => ({ 'zh-CN': '请输入有效日期（年-月-日）。', en: 'Enter a valid date (YYYY-MM-DD).' }),
  idNumber: () => ({ 'zh-CN': '请输入18位公民身份号码。', en: 'Enter an 18-character resident ID number.' }),
  idNumberCheckDigit: () => ({
    'zh-CN': '公民身份号码校验位不正确，请核对。',
    en: 'The resident ID number’s check character is wrong; please check the number.',
  }),
  idNumberBirthDate: () => ({
    'zh-CN': '公民身份号码中的出生日期无效。',
    en: 'The date of birth inside the resident ID number is not valid.',
  }),
  creditCode: () => ({
    'zh-CN': '统一社会信用代码不正确，请核对。',
    en: 'The unified social credit code is not valid; please check it.',
  }),
  mobile: () => ({ 'zh-CN': '请输入11位手机号码。', en: 'Enter an 11-digit mainland China mobile number.' }),
  pastDate: () => ({ 'zh-CN': '日期不能晚于今天。', en: 'The date cannot be after today.' }),
};

export function ruleMessage(failure: RuleFailure, patternErrorMessage?: string): LocalizedText {
  const message = MESSAGES[failure.rule](failure.params ?? {});
  if (failure.rule !== 'pattern' || !patternErrorMessage) return message;
  // A form author's own message replaces ours; one written in Chinese only has no English.
  const ascii = /^[\x20-\x7E]*$/.test(patternErrorMessage);
  return { 'zh-CN': patternErrorMessage, en: ascii ? patternErrorMessage : message.en };
}
