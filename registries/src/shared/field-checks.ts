import type { FieldErrors } from '../errors.ts';
import { isValidCreditCode } from './credit-code.ts';
import { isCalendarDate } from './dates.ts';
import { checkIdNumber } from './id-number.ts';

/** Collects per-field problems the JSON schema cannot see. */
export class FieldChecks {
  readonly problems: FieldErrors = {};

  idNumber(field: string, value: string | undefined): this {
    if (value === undefined) return this;
    const checked = checkIdNumber(value);
    if (!checked.ok) this.problems[field] = checked.problem;
    return this;
  }

  creditCode(field: string, value: string | undefined): this {
    if (value !== undefined && !isValidCreditCode(value)) {
      this.problems[field] = '统一社会信用代码无效 / invalid unified social credit code';
    }
    return this;
  }

  /** A real calendar date, optionally no later than `notAfter` and no earlier than `notBefore`. */
  date(
    field: string,
    value: string | undefined,
    limits: { notAfter?: string; notBefore?: string } = {},
  ): this {
    if (value === undefined) return this;
    if (!isCalendarDate(value)) this.problems[field] = '日期无效 / not a valid date';
    else if (limits.notAfter && value > limits.notAfter)
      this.problems[field] = `不能晚于 ${limits.notAfter} / must not be after ${limits.notAfter}`;
    else if (limits.notBefore && value < limits.notBefore)
      this.problems[field] = `不能早于 ${limits.notBefore} / must not be before ${limits.notBefore}`;
    return this;
  }

  require(field: string, condition: boolean, problem: string): this {
    if (!condition && !this.problems[field]) this.problems[field] = problem;
    return this;
  }
}
