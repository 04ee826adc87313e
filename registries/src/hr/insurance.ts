import { failure, success } from '../errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyPerson, type PersonView } from '../shared/peer-queries.ts';
import {
  amountSchema,
  bodySchema,
  creditCodeSchema,
  dateSchema,
  idNumberSchema,
  nameSchema,
} from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';
import { employerName, endEnrolments } from './hr-store.ts';

const INSURANCE_TYPES = ['pension', 'medical', 'unemployment'] as const;
type InsuranceType = (typeof INSURANCE_TYPES)[number];

export interface EnrollMedicalInsurance {
  idNumber: string;
  name: string;
  guardianIdNumber?: string;
}

/** 城乡居民医保参保: resident medical insurance, e.g. for a newborn, from today. */
export const enrollMedicalInsurance: WriteOperation<EnrollMedicalInsurance, PersonView> = {
  name: 'enroll-medical-insurance',
  rejections: ['PERSON_NOT_FOUND', 'NAME_MISMATCH', 'PERSON_DECEASED', 'ALREADY_ENROLLED'],
  path: '/resident-medical-enrolments',
  body: bodySchema({ idNumber: idNumberSchema, name: nameSchema, guardianIdNumber: idNumberSchema }, [
    'idNumber',
    'name',
  ]),
  check: (body) =>
    new FieldChecks().idNumber('idNumber', body.idNumber).idNumber('guardianIdNumber', body.guardianIdNumber)
      .problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber, { name: body.name }),
  async commit(tx, body, _person, ctx) {
    const s = ctx.schema;
    const active = await tx.query(
      `select enrolment_no from ${s}.insurance_enrolments where id_number = $1 and type = 'medical' and status = 'active'`,
      [body.idNumber],
    );
    if (active.rowCount) return failure('ALREADY_ENROLLED', active.rows[0]?.enrolment_no);
    const no = await nextRecordNo(tx, s, 'CB', ctx.now());
    const startDate = chinaToday(ctx.now());
    await tx.query(
      `insert into ${s}.insurance_enrolments (enrolment_no, type, scheme, id_number, start_date, status) values ($1, 'medical', 'resident', $2, $3, 'active')`,
      [no, body.idNumber, startDate],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'insurance-enrolment',
      title: '城乡居民基本医疗保险参保凭证 / Resident Medical Insurance Enrolment',
      subject: { idNumber: body.idNumber, name: body.name },
      content: { scheme: 'resident', startDate, guardianIdNumber: body.guardianIdNumber ?? null },
    });
    return success({ enrolmentNo: no, scheme: 'resident', startDate, documentUrl });
  },
  duplicate: 'ALREADY_ENROLLED',
};

export interface EnrollSocialInsurance {
  idNumber: string;
  employerCreditCode: string;
  startDate: string;
  contributionBase: number;
  insuranceTypes?: InsuranceType[];
}

/** 职工社保参保: employee insurance through an employer the person is registered with. */
export const enrollSocialInsurance: WriteOperation<EnrollSocialInsurance, PersonView> = {
  name: 'enroll-social-insurance',
  rejections: [
    'PERSON_NOT_FOUND',
    'PERSON_DECEASED',
    'EMPLOYER_NOT_FOUND',
    'EMPLOYMENT_NOT_REGISTERED',
    'ALREADY_ENROLLED',
  ],
  path: '/social-insurance-enrolments',
  body: bodySchema(
    {
      idNumber: idNumberSchema,
      employerCreditCode: creditCodeSchema,
      startDate: dateSchema,
      contributionBase: amountSchema,
      insuranceTypes: {
        type: 'array',
        items: { type: 'string', enum: [...INSURANCE_TYPES] },
        minItems: 1,
        uniqueItems: true,
      },
    },
    ['idNumber', 'employerCreditCode', 'startDate', 'contributionBase'],
  ),
  check: (body) =>
    new FieldChecks()
      .idNumber('idNumber', body.idNumber)
      .creditCode('employerCreditCode', body.employerCreditCode)
      .date('startDate', body.startDate).problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber),
  async commit(tx, body, person, ctx) {
    const s = ctx.schema;
    const types = body.insuranceTypes ?? [...INSURANCE_TYPES];
    const employer = await employerName(tx, s, body.employerCreditCode);
    if (!employer) return failure('EMPLOYER_NOT_FOUND', body.employerCreditCode);
    const employment = await tx.query(
      `select 1 from ${s}.employments where id_number = $1 and employer_credit_code = $2 and status = 'active'`,
      [body.idNumber, body.employerCreditCode],
    );
    if (!employment.rowCount) return failure('EMPLOYMENT_NOT_REGISTERED');
    const enrolled = await tx.query<{ type: string }>(
      `select type from ${s}.insurance_enrolments where id_number = $1 and type = any($2) and status = 'active' and scheme in ('employee', 'retiree')`,
      [body.idNumber, types],
    );
    if (enrolled.rowCount)
      return failure('ALREADY_ENROLLED', enrolled.rows.map((row) => row.type).join(', '));
    // Employee medical insurance replaces resident medical insurance.
    if (types.includes('medical')) await endEnrolments(tx, s, body.idNumber, ['medical'], body.startDate);
    const no = await nextRecordNo(tx, s, 'CB', ctx.now());
    for (const type of types) {
      await tx.query(
        `insert into ${s}.insurance_enrolments (enrolment_no, type, scheme, id_number, employer_credit_code, contribution_base, start_date, status)
         values ($1, $2, 'employee', $3, $4, $5, $6, 'active')`,
        [no, type, body.idNumber, body.employerCreditCode, body.contributionBase, body.startDate],
      );
    }
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'insurance-enrolment',
      title: '职工社会保险参保凭证 / Employee Social Insurance Enrolment',
      subject: { idNumber: body.idNumber, name: person.name },
      content: {
        employerCreditCode: body.employerCreditCode,
        employerName: employer,
        insuranceTypes: types,
        startDate: body.startDate,
      },
    });
    return success({ enrolmentNo: no, insuranceTypes: types, startDate: body.startDate, documentUrl });
  },
  duplicate: 'ALREADY_ENROLLED',
};

export interface ContinueMedicalInsurance {
  idNumber: string;
  reason: 'retirement' | 'unemployment';
  effectiveDate: string;
}

/** 医保关系接续: medical insurance goes on as a retiree's (after a pension claim) or paid by the unemployment fund. */
export const continueMedicalInsurance: WriteOperation<ContinueMedicalInsurance, PersonView> = {
  name: 'continue-medical-insurance',
  rejections: [
    'PERSON_NOT_FOUND',
    'PERSON_DECEASED',
    'NOT_INSURED',
    'PENSION_NOT_CLAIMED',
    'UNEMPLOYMENT_NOT_REGISTERED',
    'ALREADY_CONTINUED',
  ],
  path: '/medical-continuations',
  body: bodySchema(
    {
      idNumber: idNumberSchema,
      reason: { type: 'string', enum: ['retirement', 'unemployment'] },
      effectiveDate: dateSchema,
    },
    ['idNumber', 'reason', 'effectiveDate'],
  ),
  check: (body) =>
    new FieldChecks().idNumber('idNumber', body.idNumber).date('effectiveDate', body.effectiveDate).problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber),
  async commit(tx, body, _person, ctx) {
    const s = ctx.schema;
    const insured = await tx.query(
      `select 1 from ${s}.insurance_enrolments where id_number = $1 and type = 'medical'`,
      [body.idNumber],
    );
    if (!insured.rowCount) return failure('NOT_INSURED');
    const done = await tx.query(
      `select continuation_no from ${s}.medical_continuations where id_number = $1 and reason = $2`,
      [body.idNumber, body.reason],
    );
    if (done.rowCount) return failure('ALREADY_CONTINUED', done.rows[0]?.continuation_no);
    if (body.reason === 'retirement') {
      const claim = await tx.query(
        `select 1 from ${s}.pension_claims where id_number = $1 and status = 'active'`,
        [body.idNumber],
      );
      if (!claim.rowCount) return failure('PENSION_NOT_CLAIMED');
    } else {
      const registered = await tx.query(
        `select 1 from ${s}.unemployment_registrations where id_number = $1 and status = 'active'`,
        [body.idNumber],
      );
      if (!registered.rowCount) return failure('UNEMPLOYMENT_NOT_REGISTERED');
    }
    const scheme = body.reason === 'retirement' ? 'retiree' : 'unemployment';
    await endEnrolments(tx, s, body.idNumber, ['medical'], body.effectiveDate);
    const no = await nextRecordNo(tx, s, 'YB', ctx.now());
    await tx.query(
      `insert into ${s}.insurance_enrolments (enrolment_no, type, scheme, id_number, start_date, status) values ($1, 'medical', $2, $3, $4, 'active')`,
      [no, scheme, body.idNumber, body.effectiveDate],
    );
    await tx.query(
      `insert into ${s}.medical_continuations (continuation_no, id_number, reason, scheme, effective_date) values ($1, $2, $3, $4, $5)`,
      [no, body.idNumber, body.reason, scheme, body.effectiveDate],
    );
    return success({ continuationNo: no, scheme, effectiveDate: body.effectiveDate });
  },
  duplicate: 'ALREADY_CONTINUED',
};
