/**
 * form-js writes its validation messages in English. These turn them into the UI language;
 * a message it does not recognise (a form's own `patternErrorMessage`) is left as written.
 */
export type MessageTranslator = (message: string) => string;

interface Rule {
  pattern: RegExp;
  zh: (match: RegExpExecArray) => string;
}

const RULES: readonly Rule[] = [
  { pattern: /^Field is required\.$/, zh: () => '此项为必填项。' },
  { pattern: /^Field must have minimum length of (\d+)\.$/, zh: (m) => `请至少输入 ${m[1]} 个字符。` },
  { pattern: /^Field must have maximum length of (\d+)\.$/, zh: (m) => `最多可输入 ${m[1]} 个字符。` },
  { pattern: /^Field must have minimum value of (.+)\.$/, zh: (m) => `不能小于 ${m[1]}。` },
  { pattern: /^Field must have maximum value of (.+)\.$/, zh: (m) => `不能大于 ${m[1]}。` },
  { pattern: /^Field must match pattern .+\.$/, zh: () => '格式不正确。' },
  { pattern: /^Field must be a valid email\.$/, zh: () => '请输入有效的电子邮箱地址。' },
  {
    pattern: /^Field must be a valid\s+international phone number\./,
    zh: () => '请输入有效的电话号码（含国际区号）。',
  },
  { pattern: /^Value is not a number\.$/, zh: () => '请输入数字。' },
  { pattern: /^Value is expected to be an integer\.$/, zh: () => '请输入整数。' },
  {
    pattern: /^Value is expected to have at most (\d+) decimal digits?\.$/,
    zh: (m) => `最多保留 ${m[1]} 位小数。`,
  },
  {
    pattern: /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    zh: (m) => `请输入有效的值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`,
  },
];

/** `locale` is asked on every message, so a language switch applies to the next check. */
export function validationMessageTranslator(locale: () => string): MessageTranslator {
  return (message) => {
    if (locale() !== 'zh-CN') return message;
    for (const rule of RULES) {
      const match = rule.pattern.exec(message);
      if (match) return rule.zh(match);
    }
    return message;
  };
}
