/** The rules a field can fail; the first group is the form-js viewer's, the second OneThing's. */
export type ViewerRule =
  | 'notANumber'
  | 'decimalDigits'
  | 'increment'
  | 'pattern'
  | 'required'
  | 'min'
  | 'max'
  | 'minLength'
  | 'maxLength'
  | 'phone'
  | 'email';

export type OnethingRule =
  | 'type'
  | 'option'
  | 'date'
  | 'idNumber'
  | 'idNumberCheckDigit'
  | 'idNumberBirthDate'
  | 'creditCode'
  | 'mobile'
  | 'pastDate';

export type ValidationRule = ViewerRule | OnethingRule;

/** One failed rule with what the viewer would substitute into its message. */
export interface RuleFailure {
  readonly rule: ValidationRule;
  readonly params?: Readonly<Record<string, string>>;
}
