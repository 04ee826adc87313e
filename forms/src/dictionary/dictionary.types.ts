/** Text shown to people, always in both languages we ship. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** The departments (and the comprehensive window) that see application data. */
export type Department = 'window' | 'hr' | 'tax' | 'health' | 'civil';
export const DEPARTMENTS: readonly Department[] = ['window', 'hr', 'tax', 'health', 'civil'];

/** The registries that can supply values for prefill. */
export type Registry = 'hr' | 'tax' | 'health' | 'civil';
export const REGISTRIES: readonly Registry[] = ['hr', 'tax', 'health', 'civil'];

/** The form-js component types a dictionary field may use. */
export type DictionaryFieldType =
  'textfield' | 'textarea' | 'number' | 'datetime' | 'select' | 'radio' | 'checkbox';

/**
 * Validation beyond what form-js knows. Written into a component as
 * `properties: { 'onething:validation': <kind> }`; the viewer ignores unknown properties,
 * and each kind also has a `pattern` the viewer checks, so both sides agree on the shape.
 */
export type OnethingValidation = 'idNumber' | 'mobile' | 'creditCode' | 'pastDate';
export const ONETHING_VALIDATIONS: readonly OnethingValidation[] = [
  'idNumber',
  'mobile',
  'creditCode',
  'pastDate',
];

/** The subset of form-js `validate` the dictionary uses. */
export interface FieldValidation {
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly validationType?: 'email' | 'phone';
}

export interface FieldOption {
  readonly value: string;
  readonly label: LocalizedText;
}

/**
 * Personal-data classification (PIPL): `public` is not personal information, `personal` is,
 * `sensitive` is sensitive personal information (ID numbers, bank accounts, health data) that
 * must be masked in lists and logs. `departments` may see the value; others get it masked or not at all.
 */
export interface Privacy {
  readonly level: 'public' | 'personal' | 'sensitive';
  readonly departments: readonly Department[];
}

/**
 * Where prefill can get a value: the registry, its query, the field in the query's answer, and
 * the form key whose value identifies the subject of the query (usually an ID number).
 * Written as `<registry>.<query>.<field>`, e.g. `civil.person.name`.
 */
export interface FieldSource {
  readonly registry: Registry;
  readonly query: string;
  readonly field: string;
  readonly lookupKey: string;
}

export interface DictionaryField {
  /** Dotted value path, lowerCamelCase segments, grouped by person or role: `mother.idNumber`. */
  readonly key: string;
  readonly type: DictionaryFieldType;
  /** For `datetime` fields: dates only (`YYYY-MM-DD`). */
  readonly subtype?: 'date';
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly validate: FieldValidation;
  readonly validation?: OnethingValidation;
  readonly options?: readonly FieldOption[];
  /** For `number` fields: digits allowed after the decimal point (0 = integers). */
  readonly decimalDigits?: number;
  readonly privacy: Privacy;
  readonly source?: FieldSource;
}
