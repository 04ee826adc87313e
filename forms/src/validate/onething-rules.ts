import { VALIDATION_PROPERTY } from '../dictionary/dictionary.ts';
import type { KeyedComponent } from '../schema/form-schema.types.ts';
import { checkCreditCode } from './credit-code.ts';
import { isMobileNumber } from './mobile.ts';
import { checkResidentId, isCalendarDate } from './resident-id.ts';
import type { RuleFailure } from './rules.types.ts';
import { isValidNumber, optionValues, sameValue } from './sanitize-value.ts';

// Rules the viewer does not know. They look at the value as submitted (before the viewer's
// sanitizing, which would silently turn a wrong type into an empty value) and at our
// `onething:validation` property.

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function typeRule(component: KeyedComponent, value: unknown, data: unknown): RuleFailure | undefined {
  if (isEmpty(value)) return undefined;
  switch (component.type) {
    case 'textfield':
    case 'textarea':
      return typeof value === 'string' ? undefined : { rule: 'type' };
    case 'number':
      return typeof value === 'number' || (component.serializeToString && isValidNumber(value))
        ? undefined
        : { rule: 'type' };
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : { rule: 'type' };
    case 'datetime':
      if (typeof value !== 'string') return { rule: 'type' };
      return component.subtype === 'date' || component.subtype === undefined
        ? isCalendarDate(value)
          ? undefined
          : { rule: 'date' }
        : undefined;
    case 'select':
    case 'radio':
      return component.valuesExpression ||
        optionValues(component, data).some((option) => sameValue(option, value))
        ? undefined
        : { rule: 'option' };
    case 'checklist':
    case 'taglist': {
      if (!Array.isArray(value)) return { rule: 'type' };
      if (component.valuesExpression) return undefined;
      const allowed = optionValues(component, data);
      return value.every((item: unknown) => allowed.some((option) => sameValue(option, item)))
        ? undefined
        : { rule: 'option' };
    }
  }
}

const RESIDENT_ID_RULES = {
  format: 'idNumber',
  checkDigit: 'idNumberCheckDigit',
  birthDate: 'idNumberBirthDate',
  futureBirthDate: 'idNumberBirthDate',
} as const;

function kindRule(kind: string | undefined, value: unknown, today: string): RuleFailure | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  switch (kind) {
    case 'idNumber': {
      const check = checkResidentId(value, today);
      return check.problem ? { rule: RESIDENT_ID_RULES[check.problem] } : undefined;
    }
    case 'creditCode':
      return checkCreditCode(value).valid ? undefined : { rule: 'creditCode' };
    case 'mobile':
      return isMobileNumber(value) ? undefined : { rule: 'mobile' };
    case 'pastDate':
      return value > today ? { rule: 'pastDate', params: { value: today } } : undefined;
    default:
      return undefined;
  }
}

/** `submitted` is the value as given; `today` an ISO date for birth and past-date checks. */
export function onethingRules(
  component: KeyedComponent,
  submitted: unknown,
  data: unknown,
  today: string,
): RuleFailure[] {
  const typeFailure = typeRule(component, submitted, data);
  if (typeFailure) return [typeFailure];
  const kindFailure = kindRule(component.properties?.[VALIDATION_PROPERTY], submitted, today);
  return kindFailure ? [kindFailure] : [];
}
