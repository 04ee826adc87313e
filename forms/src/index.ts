export * from './dictionary/index.ts';
export type * from './schema/form-schema.types.ts';
export { isContainer, isKeyed } from './schema/form-schema.types.ts';
export { parseFormSchema } from './schema/parse-form-schema.ts';
export type { ParseResult } from './schema/parse-form-schema.ts';
export { FORM_ERRORS, formProblem } from './errors.ts';
export type { FormErrorCode, FormProblem } from './errors.ts';
export { errorMessages, submissionError, validateSubmission } from './validate/validate-submission.ts';
export type { FieldError, SubmissionResult, ValidateOptions } from './validate/validate-submission.ts';
export type { ValidationRule } from './validate/rules.types.ts';
export {
  checkResidentId,
  residentIdBirthDate,
  residentIdSex,
  RESIDENT_ID_PATTERN,
} from './validate/resident-id.ts';
export { checkCreditCode, CREDIT_CODE_PATTERN } from './validate/credit-code.ts';
export { isMobileNumber, MOBILE_PATTERN } from './validate/mobile.ts';
export { mergeForms, SERVICES_PROPERTY, SHARED_SECTION_ID } from './merge/merge-forms.ts';
export type { MergedField, MergeOptions, MergeProblem, MergeResult } from './merge/merge-forms.ts';
export type { ServiceForm } from './merge/flatten-service-form.ts';
export { checkPrefilled, prefill, prefillSources } from './prefill/prefill.ts';
export { dataForDepartment, maskSensitive, maskValue } from './privacy/personal-data.ts';
export type { PrefillOptions, PrefillResult } from './prefill/prefill.ts';
export { todayInChina } from './validate/today.ts';
