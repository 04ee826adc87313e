export {
  ENGLISH_LABEL_PROPERTY,
  FIELD_DICTIONARY,
  VALIDATION_PROPERTY,
  dictionaryComponent,
  getDictionaryField,
  sourceRef,
} from './dictionary.ts';
export type {
  Department,
  DictionaryField,
  DictionaryFieldType,
  FieldOption,
  FieldSource,
  FieldValidation,
  LocalizedText,
  OnethingValidation,
  Privacy,
  Registry,
} from './dictionary.types.ts';
export { DEPARTMENTS, ONETHING_VALIDATIONS, REGISTRIES } from './dictionary.types.ts';
export { DEPARTMENT_LABELS } from './departments.ts';
