import type { KeyedComponent } from '../schema/form-schema.types.ts';
import { BENEFIT_FIELDS } from './benefits.fields.ts';
import { DEATH_FIELDS } from './death.fields.ts';
import type { DictionaryField, FieldSource } from './dictionary.types.ts';
import { EMPLOYMENT_FIELDS } from './employment.fields.ts';
import { NEWBORN_FIELDS } from './newborn.fields.ts';
import { PERSON_FIELDS } from './person.fields.ts';

/**
 * The binding field dictionary: services written by different departments use these keys so that
 * the combined form asks each thing once. A key not listed here is reported when forms are merged.
 */
export const FIELD_DICTIONARY: ReadonlyMap<string, DictionaryField> = new Map(
  [...PERSON_FIELDS, ...NEWBORN_FIELDS, ...EMPLOYMENT_FIELDS, ...BENEFIT_FIELDS, ...DEATH_FIELDS].map(
    (field) => [field.key, field],
  ),
);

export function getDictionaryField(key: string): DictionaryField | undefined {
  return FIELD_DICTIONARY.get(key);
}

/** `civil.person.name` */
export function sourceRef(source: FieldSource): string {
  return `${source.registry}.${source.query}.${source.field}`;
}

/** Property keys OneThing adds to form-js components (the viewer ignores them). */
export const VALIDATION_PROPERTY = 'onething:validation';
export const ENGLISH_LABEL_PROPERTY = 'onething:labelEn';

const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  idNumber: '请输入18位公民身份号码',
  mobile: '请输入11位手机号码',
  creditCode: '请输入18位统一社会信用代码',
};

/**
 * The form-js component for a dictionary key, as a service form should contain it. Service
 * authors may change `id`, `label`, `description`, `conditional` and `layout`, and may make an
 * optional field required; everything else must stay as generated or the merge reports a conflict.
 */
export function dictionaryComponent(key: string): KeyedComponent | undefined {
  const field = FIELD_DICTIONARY.get(key);
  if (field === undefined) return undefined;
  const patternMessage = field.validation === undefined ? undefined : PATTERN_MESSAGES[field.validation];
  return {
    id: `Field_${key.replaceAll('.', '_')}`,
    type: field.type,
    key,
    label: field.label['zh-CN'],
    ...(field.type === 'datetime'
      ? { subtype: field.subtype ?? 'date', dateLabel: field.label['zh-CN'] }
      : {}),
    ...(field.description ? { description: field.description['zh-CN'] } : {}),
    ...(field.decimalDigits === undefined ? {} : { decimalDigits: field.decimalDigits }),
    ...(field.options
      ? { values: field.options.map((option) => ({ label: option.label['zh-CN'], value: option.value })) }
      : {}),
    validate: { ...field.validate, ...(patternMessage ? { patternErrorMessage: patternMessage } : {}) },
    properties: {
      [ENGLISH_LABEL_PROPERTY]: field.label.en,
      ...(field.validation ? { [VALIDATION_PROPERTY]: field.validation } : {}),
    },
  };
}
