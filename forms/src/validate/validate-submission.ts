import { todayInChina } from './today.ts';
import type { LocalizedText } from '../dictionary/dictionary.types.ts';
import { FORM_ERRORS } from '../errors.ts';
import type { FormSchema } from '../schema/form-schema.types.ts';
import { expressionContext } from './feel.ts';
import { formState } from './form-instances.ts';
import { ruleMessage } from './messages.ts';
import { onethingRules } from './onething-rules.ts';
import type { ValidationRule } from './rules.types.ts';
import { viewerRules } from './viewer-rules.ts';
import { formatPath, getAt, isPlainRecord, setAt } from './value-path.ts';

export interface FieldError {
  readonly rule: ValidationRule;
  readonly message: LocalizedText;
}

export interface SubmissionResult {
  readonly valid: boolean;
  /** Field path (`mother.idNumber`, `children[0].name`) → every rule it fails, viewer rules first. */
  readonly errors: Readonly<Record<string, readonly FieldError[]>>;
  /** Field path → the id of the component, to show errors on the right field of a form-js viewer. */
  readonly fieldIds: Readonly<Record<string, string>>;
  /**
   * What the viewer would submit: the values of visible, enabled fields only. Store this, not the
   * request body, so hidden or unknown values never get in.
   */
  readonly data: Record<string, unknown>;
}

export interface ValidateOptions {
  /** Today as `YYYY-MM-DD` (birth dates and past dates are checked against it). Defaults to today in China (UTC+8). */
  readonly today?: string;
}

/**
 * Validates submitted data against a form exactly as the form-js viewer's `validate()` does
 * (hidden and disabled fields ignored), plus OneThing's rules: value types and options, resident
 * ID numbers, unified social credit codes, mobile numbers and past dates.
 */
export function validateSubmission(
  form: FormSchema,
  input: unknown,
  options: ValidateOptions = {},
): SubmissionResult {
  const today = options.today ?? todayInChina();
  if (!isPlainRecord(input)) {
    const error = { rule: 'type' as const, message: ruleMessage({ rule: 'type' }) };
    return { valid: false, errors: { '': [error] }, fieldIds: {}, data: {} };
  }
  const state = formState(form, input);
  const errors: Record<string, FieldError[]> = {};
  const fieldIds: Record<string, string> = {};
  const data: Record<string, unknown> = {};
  for (const { component, path, scope } of state.instances) {
    if (component.disabled) continue;
    const value = getAt(state.data, path);
    setAt(data, path, value);
    const viewer = viewerRules(component, value, expressionContext(scope));
    // Ours only speak when the viewer's rules pass, so a citizen gets one clear message at a time.
    const failures = viewer.length > 0 ? viewer : onethingRules(component, getAt(input, path), input, today);
    if (failures.length === 0) continue;
    const key = formatPath(path);
    fieldIds[key] = component.id;
    errors[key] = failures.map((failure) => ({
      rule: failure.rule,
      message: ruleMessage(failure, component.validate?.patternErrorMessage),
    }));
  }
  return { valid: Object.keys(errors).length === 0, errors, fieldIds, data };
}

/** One message per field in one language, for `{ error: { fields } }` responses. */
export function errorMessages(
  result: SubmissionResult,
  locale: keyof LocalizedText = 'zh-CN',
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(result.errors).map(([path, failures]) => [
      path,
      failures.map((failure) => failure.message[locale]).join(locale === 'zh-CN' ? '' : ' '),
    ]),
  );
}

/** The api's error body for a failed submission: `{ code, message, fields }` (DESIGN.md, HTTP API). */
export function submissionError(
  result: SubmissionResult,
  locale: keyof LocalizedText = 'zh-CN',
): { code: 'FORM_SUBMISSION_INVALID'; message: string; fields: Record<string, string> } {
  const message = locale === 'zh-CN' ? '提交的内容有误，请按提示修改。' : FORM_ERRORS.FORM_SUBMISSION_INVALID;
  return { code: 'FORM_SUBMISSION_INVALID', message, fields: errorMessages(result, locale) };
}
