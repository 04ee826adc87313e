import Big from 'big.js';
import type { FormValidate, KeyedComponent } from '../schema/form-schema.types.ts';
import { evaluateExpression, isExpression } from './feel.ts';
import type { RuleFailure } from './rules.types.ts';

// The form-js viewer's Validator (`runNumberValidation` + `runPresetValidation`), rule for rule
// and in its order, so that a field fails here exactly when it fails in the viewer.

const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// The viewer's international phone pattern: a + or 00 prefix, a country code, then digits.
const PHONE_PATTERN = new RegExp(
  '(\\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\\d|8[987530]\\d|6[987]\\d|5[90]\\d|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\\d{4,20}$',
);

const FEEL_PROPERTIES = ['min', 'max', 'minLength', 'maxLength'] as const;

type Bound = (typeof FEEL_PROPERTIES)[number];
type Evaluated = Omit<FormValidate, Bound> & { readonly bounds: Partial<Record<Bound, unknown>> };

/** min, max and the lengths may be FEEL expressions; one that yields null is dropped. */
function evaluateValidate(validate: FormValidate, context: Record<string, unknown>): Evaluated {
  const bounds: Partial<Record<Bound, unknown>> = {};
  for (const property of FEEL_PROPERTIES) {
    const raw = validate[property];
    const value = isExpression(raw) ? evaluateExpression(raw, context) : raw;
    if (value !== null && value !== undefined) bounds[property] = value;
  }
  return { ...validate, bounds };
}

function toBig(value: unknown): Big | undefined {
  try {
    return typeof value === 'number' || typeof value === 'string' || value instanceof Big
      ? new Big(value)
      : undefined;
  } catch {
    return undefined;
  }
}

function countDecimals(value: Big): number {
  if (value.toString() === value.toFixed(0)) return 0;
  return value.toFixed().split('.')[1]?.length ?? 0;
}

function numberRules(component: KeyedComponent, value: unknown): RuleFailure[] {
  if (value === 'NaN') return [{ rule: 'notANumber' }];
  if (!value) return [];
  const failures: RuleFailure[] = [];
  const number = toBig(value);
  const { decimalDigits, increment } = component;
  if (number && decimalDigits !== undefined && decimalDigits >= 0 && countDecimals(number) > decimalDigits) {
    failures.push({ rule: 'decimalDigits', params: { value: String(decimalDigits) } });
  }
  const step = increment ? toBig(increment) : undefined;
  if (number && step && !step.eq(0) && number.mod(step).cmp(0) !== 0) {
    const previous = number.minus(number.mod(step));
    failures.push({
      rule: 'increment',
      params: { previousValue: previous.toString(), nextValue: previous.plus(step).toString() },
    });
  }
  return failures;
}

function textLength(value: unknown): number | undefined {
  return typeof value === 'string' ? value.trim().length : undefined;
}

export function viewerRules(
  component: KeyedComponent,
  value: unknown,
  context: Record<string, unknown>,
): RuleFailure[] {
  const failures = component.type === 'number' ? numberRules(component, value) : [];
  if (!component.validate) return failures;
  const validation = evaluateValidate(component.validate, context);
  const present = Boolean(value) || value === 0;
  if (validation.pattern && value && !new RegExp(validation.pattern).test(String(value))) {
    failures.push({ rule: 'pattern', params: { value: validation.pattern } });
  }
  if (validation.required) {
    const unchecked = component.type === 'checkbox' && value === false;
    const unset = value === null || value === undefined || value === '';
    if (unchecked || unset || (Array.isArray(value) && value.length === 0))
      failures.push({ rule: 'required' });
  }
  for (const bound of ['min', 'max'] as const) {
    if (!(bound in validation.bounds) || !present) continue;
    const actual = toBig(value);
    const limit = toBig(validation.bounds[bound]);
    const beyond = actual && limit ? (bound === 'min' ? actual.lt(limit) : actual.gt(limit)) : true;
    if (beyond) failures.push({ rule: bound, params: { value: String(validation.bounds[bound]) } });
  }
  const length = textLength(value);
  const { minLength, maxLength } = validation.bounds;
  if (minLength !== undefined && value && length !== undefined && length < Number(minLength)) {
    failures.push({ rule: 'minLength', params: { value: String(minLength) } });
  }
  if (maxLength !== undefined && value && length !== undefined && length > Number(maxLength)) {
    failures.push({ rule: 'maxLength', params: { value: String(maxLength) } });
  }
  if (value && validation.validationType === 'phone' && !PHONE_PATTERN.test(String(value)))
    failures.push({ rule: 'phone' });
  if (value && validation.validationType === 'email' && !EMAIL_PATTERN.test(String(value)))
    failures.push({ rule: 'email' });
  return failures;
}
