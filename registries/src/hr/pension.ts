import { failure, success } from '../errors.ts';
import { chinaToday, monthOf, nextMonth } from '../shared/dates.ts';
import type { Queryable } from '../shared/db.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyPerson, type PersonView } from '../shared/peer-queries.ts';
import { bankAccountSchema, bodySchema, dateSchema, idNumberSchema, textSchema } from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';
import {
  contributionMonths,
  monthlyPension,
  requiredContributionMonths,
  statutoryRetirementDate,
} from './hr-rules.ts';
import { contributionPeriods, endEnrolments } from './hr-store.ts';

export type IneligibleReason = 'AGE_NOT_REACHED' | 'INSUFFICIENT_CONTRIBUTIONS' | 'PENSION_ALREADY_CLAIMED';

export interface Eligibility {
  readonly eligible: boolean;
  readonly contributionMonths: number;
  readonly requiredContributionMonths: number;
  readonly statutoryRetirementDate: string;
  readonly reasons: IneligibleReason[];
}

export async function assessEligibility(
  db: Queryable,
  schema: string,
  person: PersonView,
  atDate: string,
): Promise<Eligibility> {
  const statutory = statutoryRetirementDate(person.birthDate, person.sex);
  const months = contributionMonths(
    await contributionPeriods(db, schema, person.idNumber, 'pension'),
    atDate,
  );
  const required = requiredContributionMonths(atDate);
  const claimed = await db.query(`select 1 from ${schema}.pension_claims where id_number = $1`, [
    person.idNumber,
  ]);
  const reasons: IneligibleReason[] = [];
  if (atDate < statutory) reasons.push('AGE_NOT_REACHED');
  if (months < required) reasons.push('INSUFFICIENT_CONTRIBUTIONS');
  if (claimed.rowCount) reasons.push('PENSION_ALREADY_CLAIMED');
  return {
    eligible: reasons.length === 0,
    contributionMonths: months,
    requiredContributionMonths: required,
    statutoryRetirementDate: statutory,
    reasons,
  };
}

export interface CheckPensionEligibility {
  idNumber: string;
  retirementDate?: string;
}

/** 退休资格审核: age under the reformed retirement age and contribution months; the check is recorded. */
export const checkPensionEligibility: WriteOperation<CheckPensionEligibility, PersonView> = {
  name: 'check-pension-eligibility',
  rejections: ['PERSON_NOT_FOUND', 'PERSON_DECEASED'],
  path: '/pension-eligibility-checks',
  body: bodySchema({ idNumber: idNumberSchema, retirementDate: dateSchema }, ['idNumber']),
  check: (body) =>
    new FieldChecks().idNumber('idNumber', body.idNumber).date('retirementDate', body.retirementDate)
      .problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber),
  async commit(tx, body, person, ctx) {
    const atDate = body.retirementDate ?? chinaToday(ctx.now());
    const result = await assessEligibility(tx, ctx.schema, person, atDate);
    const checkNo = await nextRecordNo(tx, ctx.schema, 'ZG', ctx.now());
    await tx.query(
      `insert into ${ctx.schema}.pension_eligibility_checks (check_no, id_number, at_date, eligible, contribution_months, reasons, checked_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        checkNo,
        body.idNumber,
        atDate,
        result.eligible,
        result.contributionMonths,
        JSON.stringify(result.reasons),
        ctx.now(),
      ],
    );
    return success({ checkNo, ...result });
  },
};

export interface ClaimPension {
  idNumber: string;
  retirementDate: string;
  bankName: string;
  bankAccountNumber: string;
}

/** 养老金申领: from the month after retirement; pension and unemployment enrolments end. */
export const claimPension: WriteOperation<ClaimPension, PersonView> = {
  name: 'claim-pension',
  rejections: ['PERSON_NOT_FOUND', 'PERSON_DECEASED', 'NOT_ELIGIBLE', 'PENSION_ALREADY_CLAIMED'],
  path: '/pension-claims',
  body: bodySchema(
    {
      idNumber: idNumberSchema,
      retirementDate: dateSchema,
      bankName: textSchema(100),
      bankAccountNumber: bankAccountSchema,
    },
    ['idNumber', 'retirementDate', 'bankName', 'bankAccountNumber'],
  ),
  check: (body) =>
    new FieldChecks().idNumber('idNumber', body.idNumber).date('retirementDate', body.retirementDate)
      .problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber),
  async commit(tx, body, person, ctx) {
    const s = ctx.schema;
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`onething-pension-${body.idNumber}`]);
    const eligibility = await assessEligibility(tx, s, person, body.retirementDate);
    if (eligibility.reasons.includes('PENSION_ALREADY_CLAIMED')) return failure('PENSION_ALREADY_CLAIMED');
    if (!eligibility.eligible) return failure('NOT_ELIGIBLE', eligibility.reasons.join(', '));
    const periods = await contributionPeriods(tx, s, body.idNumber, 'pension');
    const monthlyAmount = monthlyPension(periods, person.birthDate, body.retirementDate);
    const startMonth = nextMonth(monthOf(body.retirementDate));
    const no = await nextRecordNo(tx, s, 'YL', ctx.now());
    await endEnrolments(tx, s, body.idNumber, ['pension', 'unemployment'], body.retirementDate);
    await tx.query(
      `insert into ${s}.pension_claims (claim_no, id_number, retirement_date, monthly_amount, start_month, bank_name, bank_account_number, status)
       values ($1, $2, $3, $4, $5, $6, $7, 'active')`,
      [
        no,
        body.idNumber,
        body.retirementDate,
        monthlyAmount,
        startMonth,
        body.bankName,
        body.bankAccountNumber,
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'pension-claim',
      title: '基本养老金核定表 / Basic Pension Award',
      subject: { idNumber: body.idNumber, name: person.name },
      content: {
        retirementDate: body.retirementDate,
        contributionMonths: eligibility.contributionMonths,
        monthlyAmount,
        startMonth,
      },
    });
    return success({ pensionClaimNo: no, monthlyAmount, startMonth, documentUrl });
  },
  duplicate: 'PENSION_ALREADY_CLAIMED',
};
