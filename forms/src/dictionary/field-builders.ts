import { CREDIT_CODE_PATTERN } from '../validate/credit-code.ts';
import { MOBILE_PATTERN } from '../validate/mobile.ts';
import { RESIDENT_ID_PATTERN } from '../validate/resident-id.ts';
import type {
  Department,
  DictionaryField,
  FieldOption,
  FieldSource,
  FieldValidation,
  LocalizedText,
  Privacy,
  Registry,
} from './dictionary.types.ts';
import { REGISTRIES } from './dictionary.types.ts';

// Small builders so that each domain file reads as a list of fields, not as boilerplate.

export function t(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** The comprehensive window accepts for every department, so it always sees the data. */
export function privacy(level: Privacy['level'], ...departments: Department[]): Privacy {
  return { level, departments: ['window', ...departments.filter((d) => d !== 'window')] };
}

export const EVERY_DEPARTMENT: readonly Department[] = ['hr', 'tax', 'health', 'civil'];

/** `civil.person.name` looked up by `applicant.idNumber`. */
export function from(ref: `${Registry}.${string}.${string}`, lookupKey: string): FieldSource {
  const [prefix, query, field] = ref.split('.');
  const registry = REGISTRIES.find((r) => r === prefix);
  if (registry === undefined || query === undefined || field === undefined) {
    throw new Error(`dictionary source ${ref} is not <registry>.<query>.<field>`);
  }
  return { registry, query, field, lookupKey };
}

export function option(value: string, zh: string, en: string): FieldOption {
  return { value, label: t(zh, en) };
}

interface Common {
  readonly privacy: Privacy;
  readonly required?: boolean;
  readonly source?: FieldSource;
  readonly description?: LocalizedText;
}

function required(common: Common): boolean {
  return common.required ?? true;
}

function optional<T extends object>(value: T | undefined, wrap: (v: T) => object): object {
  return value === undefined ? {} : wrap(value);
}

function base(key: string, label: LocalizedText, common: Common): Omit<DictionaryField, 'type' | 'validate'> {
  return {
    key,
    label,
    privacy: common.privacy,
    ...optional(common.source, (source) => ({ source })),
    ...optional(common.description, (description) => ({ description })),
  };
}

export function textField(
  key: string,
  label: LocalizedText,
  common: Common & { readonly validate?: Omit<FieldValidation, 'required'>; readonly multiline?: boolean },
): DictionaryField {
  return {
    ...base(key, label, common),
    type: common.multiline ? 'textarea' : 'textfield',
    validate: { required: required(common), maxLength: common.multiline ? 500 : 100, ...common.validate },
  };
}

export function idNumberField(key: string, label: LocalizedText, common: Common): DictionaryField {
  return {
    ...base(key, label, common),
    type: 'textfield',
    validate: { required: required(common), pattern: RESIDENT_ID_PATTERN },
    validation: 'idNumber',
  };
}

export function mobileField(key: string, label: LocalizedText, common: Common): DictionaryField {
  return {
    ...base(key, label, common),
    type: 'textfield',
    validate: { required: required(common), pattern: MOBILE_PATTERN },
    validation: 'mobile',
  };
}

export function creditCodeField(key: string, label: LocalizedText, common: Common): DictionaryField {
  return {
    ...base(key, label, common),
    type: 'textfield',
    validate: { required: required(common), pattern: CREDIT_CODE_PATTERN },
    validation: 'creditCode',
  };
}

/** A date (`YYYY-MM-DD`); `past` rejects dates after today (births, deaths, separations). */
export function dateField(
  key: string,
  label: LocalizedText,
  common: Common & { readonly past?: boolean },
): DictionaryField {
  return {
    ...base(key, label, common),
    type: 'datetime',
    subtype: 'date',
    validate: { required: required(common) },
    ...(common.past ? { validation: 'pastDate' as const } : {}),
  };
}

export function numberField(
  key: string,
  label: LocalizedText,
  common: Common & { readonly min?: number; readonly max?: number; readonly decimalDigits: number },
): DictionaryField {
  return {
    ...base(key, label, common),
    type: 'number',
    decimalDigits: common.decimalDigits,
    validate: {
      required: required(common),
      ...optional(common.min === undefined ? undefined : { min: common.min }, (v) => v),
      ...optional(common.max === undefined ? undefined : { max: common.max }, (v) => v),
    },
  };
}

export function choiceField(
  key: string,
  label: LocalizedText,
  common: Common & { readonly options: readonly FieldOption[]; readonly as?: 'select' | 'radio' },
): DictionaryField {
  return {
    ...base(key, label, common),
    type: common.as ?? 'select',
    validate: { required: required(common) },
    options: common.options,
  };
}
