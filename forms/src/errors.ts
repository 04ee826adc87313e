/**
 * The forms error catalog. Problems are returned as data carrying one of these codes; the api
 * maps codes to HTTP statuses in its error handler. Codes are stable: clients and tests match them.
 */
export const FORM_ERRORS = {
  FORM_SCHEMA_INVALID: 'The form schema is not a valid form-js schema.',
  FORM_UNSUPPORTED_COMPONENT: 'The form uses a component type OneThing does not support.',
  FORM_DUPLICATE_ID: 'Two components of one form have the same id.',
  FORM_DUPLICATE_KEY: 'Two fields of one form bind the same key.',
  FORM_UNKNOWN_KEY: 'The field key is not in the field dictionary.',
  FORM_DICTIONARY_MISMATCH: 'The field differs from its field dictionary definition.',
  FORM_FIELD_CONFLICT: 'Services define the same shared field differently.',
  FORM_SUBMISSION_INVALID: 'The submitted data does not satisfy the form.',
  FORM_PREFILL_REJECTED: 'A known value does not fit the field it was meant to fill.',
  FORM_PREFILL_CHANGED: 'A read-only value filled from a registry was changed.',
} as const;

export type FormErrorCode = keyof typeof FORM_ERRORS;

/** A problem found in a schema or between schemas: where, what, and the catalog code. */
export interface FormProblem {
  readonly code: FormErrorCode;
  /** Location inside the schema (`components[2].validate.min`) or the field key concerned. */
  readonly path: string;
  readonly message: string;
}

export function formProblem(code: FormErrorCode, path: string, detail?: string): FormProblem {
  return { code, path, message: detail === undefined ? FORM_ERRORS[code] : `${FORM_ERRORS[code]} ${detail}` };
}
