import { failure, success } from '../errors.ts';
import { chinaToday, monthOf, nextMonth } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyPerson, type PersonView } from '../shared/peer-queries.ts';
import {
  bankAccountSchema,
  bodySchema,
  idNumberSchema,
  recordNoSchema,
  textSchema,
} from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';
import { contributionMonths, MINIMUM_MONTHLY_WAGE, round2, unemploymentBenefitMonths } from './hr-rules.ts';
import { contributionPeriods } from './hr-store.ts';

export interface GrantUnemploymentBenefit {
  idNumber: string;
  unemploymentRegistrationNo: string;
  bankName: string;
  bankAccountNumber: string;
}

/** 失业保险金申领: involuntary separation and at least 12 months of unemployment insurance. */
export const grantUnemploymentBenefit: WriteOperation<GrantUnemploymentBenefit, PersonView> = {
  name: 'grant-unemployment-benefit',
  rejections: [
    'PERSON_NOT_FOUND',
    'PERSON_DECEASED',
    'UNEMPLOYMENT_NOT_REGISTERED',
    'NOT_ELIGIBLE',
    'INSUFFICIENT_CONTRIBUTIONS',
    'ALREADY_GRANTED',
  ],
  path: '/unemployment-benefits',
  body: bodySchema(
    {
      idNumber: idNumberSchema,
      unemploymentRegistrationNo: recordNoSchema,
      bankName: textSchema(100),
      bankAccountNumber: bankAccountSchema,
    },
    ['idNumber', 'unemploymentRegistrationNo', 'bankName', 'bankAccountNumber'],
  ),
  check: (body) => new FieldChecks().idNumber('idNumber', body.idNumber).problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber),
  async commit(tx, body, person, ctx) {
    const s = ctx.schema;
    const found = await tx.query<{ separation_reason: string; separation_date: string }>(
      `select separation_reason, separation_date::text from ${s}.unemployment_registrations
       where registration_no = $1 and id_number = $2 and status = 'active'`,
      [body.unemploymentRegistrationNo, body.idNumber],
    );
    const registration = found.rows[0];
    if (!registration) return failure('UNEMPLOYMENT_NOT_REGISTERED', body.unemploymentRegistrationNo);
    const granted = await tx.query(
      `select benefit_no from ${s}.unemployment_benefits where registration_no = $1`,
      [body.unemploymentRegistrationNo],
    );
    if (granted.rowCount) return failure('ALREADY_GRANTED', granted.rows[0]?.benefit_no);
    if (registration.separation_reason === 'voluntary')
      return failure('NOT_ELIGIBLE', 'resigned for personal reasons');
    const months = contributionMonths(
      await contributionPeriods(tx, s, body.idNumber, 'unemployment'),
      registration.separation_date,
    );
    if (months < 12) return failure('INSUFFICIENT_CONTRIBUTIONS', `${months} months`);
    const monthlyAmount = round2(MINIMUM_MONTHLY_WAGE * 0.9);
    const benefitMonths = unemploymentBenefitMonths(months);
    const startMonth = nextMonth(monthOf(chinaToday(ctx.now())));
    const no = await nextRecordNo(tx, s, 'SJ', ctx.now());
    await tx.query(
      `insert into ${s}.unemployment_benefits (benefit_no, registration_no, id_number, monthly_amount, months, start_month, bank_name, bank_account_number)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        no,
        body.unemploymentRegistrationNo,
        body.idNumber,
        monthlyAmount,
        benefitMonths,
        startMonth,
        body.bankName,
        body.bankAccountNumber,
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'unemployment-benefit',
      title: '失业保险金核定通知 / Unemployment Benefit Award',
      subject: { idNumber: body.idNumber, name: person.name },
      content: {
        unemploymentRegistrationNo: body.unemploymentRegistrationNo,
        monthlyAmount,
        months: benefitMonths,
        startMonth,
      },
    });
    return success({ benefitNo: no, monthlyAmount, months: benefitMonths, startMonth, documentUrl });
  },
  duplicate: 'ALREADY_GRANTED',
};
