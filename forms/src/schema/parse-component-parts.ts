import type { Conditional, FormValidate, ValueOption } from './form-schema.types.ts';
import type { ProblemList } from './parse-helpers.ts';
import {
  isRecord,
  optionalBoolean,
  optionalNumberOrExpression,
  optionalString,
  present,
  withoutKeys,
} from './parse-helpers.ts';

const VALIDATION_TYPES = ['email', 'phone', 'custom', ''] as const;

export function parseValidate(raw: unknown, path: string, problems: ProblemList): FormValidate | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) return problems.invalid(path, 'Expected an object.');
  const pattern = optionalString(raw, 'pattern', path, problems);
  if (pattern !== undefined && !compiles(pattern))
    problems.invalid(`${path}.pattern`, 'Not a valid regular expression.');
  const validationType = raw['validationType'];
  const knownType = VALIDATION_TYPES.find((type) => type === validationType);
  if (validationType !== undefined && knownType === undefined) {
    problems.invalid(`${path}.validationType`, 'Expected "email", "phone" or "custom".');
  }
  return {
    ...withoutKeys(raw, ['required', 'minLength', 'maxLength', 'min', 'max', 'pattern', 'validationType']),
    ...present('required', optionalBoolean(raw, 'required', path, problems)),
    ...present('minLength', optionalNumberOrExpression(raw, 'minLength', path, problems)),
    ...present('maxLength', optionalNumberOrExpression(raw, 'maxLength', path, problems)),
    ...present('min', optionalNumberOrExpression(raw, 'min', path, problems)),
    ...present('max', optionalNumberOrExpression(raw, 'max', path, problems)),
    ...present('pattern', pattern),
    ...present('patternErrorMessage', optionalString(raw, 'patternErrorMessage', path, problems)),
    ...present('validationType', knownType),
  };
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export function parseConditional(raw: unknown, path: string, problems: ProblemList): Conditional | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) return problems.invalid(path, 'Expected an object.');
  const hide = optionalString(raw, 'hide', path, problems);
  if (hide !== undefined && hide !== '' && !hide.startsWith('=')) {
    problems.invalid(`${path}.hide`, 'Expected a FEEL expression starting with "=".');
  }
  return present('hide', hide);
}

export function parseValues(raw: unknown, path: string, problems: ProblemList): ValueOption[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return problems.invalid(path, 'Expected a list of options.');
  const options: ValueOption[] = [];
  raw.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) return problems.invalid(at, 'Expected an option { label, value }.');
    const value = item['value'];
    const label = item['label'];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return problems.invalid(`${at}.value`, 'Expected a string, number or boolean.');
    }
    if (typeof label !== 'string') return problems.invalid(`${at}.label`, 'Expected a string.');
    options.push({ label, value });
  });
  return options;
}

export function parseProperties(
  raw: unknown,
  path: string,
  problems: ProblemList,
): Readonly<Record<string, string>> | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) return problems.invalid(path, 'Expected an object of strings.');
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') properties[name] = value;
    else problems.invalid(`${path}.${name}`, 'Expected a string.');
  }
  return properties;
}
