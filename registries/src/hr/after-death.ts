import { failure, success } from '../errors.ts';
import { monthOf, nextMonth } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyDeathCertificate, verifyPerson, type DeathCertificateView } from '../shared/peer-queries.ts';
import {
  bankAccountSchema,
  bodySchema,
  idNumberSchema,
  nameSchema,
  recordNoSchema,
  textSchema,
} from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';
import { FUNERAL_ALLOWANCE, round2, SURVIVOR_BENEFIT_MONTHS } from './hr-rules.ts';

export interface StopPension {
  deceasedIdNumber: string;
  deathCertificateNo: string;
}

/** 养老金停发: from the month after death, on a death certificate from health. */
export const stopPension: WriteOperation<StopPension, DeathCertificateView> = {
  name: 'stop-pension',
  rejections: [
    'DEATH_CERTIFICATE_NOT_FOUND',
    'DEATH_CERTIFICATE_MISMATCH',
    'PENSION_NOT_CLAIMED',
    'ALREADY_STOPPED',
  ],
  path: '/pension-stops',
  body: bodySchema({ deceasedIdNumber: idNumberSchema, deathCertificateNo: recordNoSchema }, [
    'deceasedIdNumber',
    'deathCertificateNo',
  ]),
  check: (body) => new FieldChecks().idNumber('deceasedIdNumber', body.deceasedIdNumber).problems,
  prepare: (body, ctx) => verifyDeathCertificate(ctx.peers, body.deathCertificateNo, body.deceasedIdNumber),
  async commit(tx, body, certificate, ctx) {
    const s = ctx.schema;
    const found = await tx.query<{ claim_no: string; status: string }>(
      `select claim_no, status from ${s}.pension_claims where id_number = $1 for update`,
      [body.deceasedIdNumber],
    );
    const claim = found.rows[0];
    if (!claim) return failure('PENSION_NOT_CLAIMED');
    if (claim.status === 'stopped') return failure('ALREADY_STOPPED');
    const stoppedFromMonth = nextMonth(monthOf(certificate.deathDate));
    const no = await nextRecordNo(tx, s, 'TF', ctx.now());
    await tx.query(`update ${s}.pension_claims set status = 'stopped' where claim_no = $1`, [claim.claim_no]);
    await tx.query(
      `update ${s}.insurance_enrolments set status = 'ended', end_date = greatest(start_date, $2::date) where id_number = $1 and status = 'active'`,
      [body.deceasedIdNumber, certificate.deathDate],
    );
    await tx.query(
      `insert into ${s}.pension_stops (stop_no, claim_no, id_number, death_certificate_no, stopped_from_month) values ($1, $2, $3, $4, $5)`,
      [no, claim.claim_no, body.deceasedIdNumber, body.deathCertificateNo, stoppedFromMonth],
    );
    return success({ stopNo: no, stoppedFromMonth, pensionClaimNo: claim.claim_no });
  },
  duplicate: 'ALREADY_STOPPED',
};

export interface GrantFuneralAllowance {
  deceasedIdNumber: string;
  deathCertificateNo: string;
  applicantIdNumber: string;
  applicantName: string;
  bankName: string;
  bankAccountNumber: string;
}

/** 丧葬补助金 / 抚恤金: a fixed funeral allowance, plus ten months of pension for a pensioner's survivors. */
export const grantFuneralAllowance: WriteOperation<GrantFuneralAllowance, DeathCertificateView> = {
  name: 'grant-funeral-allowance',
  rejections: [
    'DEATH_CERTIFICATE_NOT_FOUND',
    'DEATH_CERTIFICATE_MISMATCH',
    'NOT_INSURED',
    'PERSON_NOT_FOUND',
    'NAME_MISMATCH',
    'PERSON_DECEASED',
    'ALREADY_GRANTED',
  ],
  path: '/funeral-grants',
  body: bodySchema(
    {
      deceasedIdNumber: idNumberSchema,
      deathCertificateNo: recordNoSchema,
      applicantIdNumber: idNumberSchema,
      applicantName: nameSchema,
      bankName: textSchema(100),
      bankAccountNumber: bankAccountSchema,
    },
    [
      'deceasedIdNumber',
      'deathCertificateNo',
      'applicantIdNumber',
      'applicantName',
      'bankName',
      'bankAccountNumber',
    ],
  ),
  check: (body) =>
    new FieldChecks()
      .idNumber('deceasedIdNumber', body.deceasedIdNumber)
      .idNumber('applicantIdNumber', body.applicantIdNumber).problems,
  async prepare(body, ctx) {
    const certificate = await verifyDeathCertificate(
      ctx.peers,
      body.deathCertificateNo,
      body.deceasedIdNumber,
    );
    if (!certificate.ok) return certificate;
    const applicant = await verifyPerson(ctx.peers, body.applicantIdNumber, {
      name: body.applicantName,
      role: 'applicantIdNumber',
    });
    return applicant.ok ? certificate : applicant;
  },
  async commit(tx, body, certificate, ctx) {
    const s = ctx.schema;
    const granted = await tx.query(`select grant_no from ${s}.funeral_grants where deceased_id_number = $1`, [
      body.deceasedIdNumber,
    ]);
    if (granted.rowCount) return failure('ALREADY_GRANTED', granted.rows[0]?.grant_no);
    const insured = await tx.query(
      `select 1 from ${s}.insurance_enrolments where id_number = $1 and scheme = 'employee'`,
      [body.deceasedIdNumber],
    );
    const pension = await tx.query<{ monthly_amount: string }>(
      `select monthly_amount from ${s}.pension_claims where id_number = $1`,
      [body.deceasedIdNumber],
    );
    const claim = pension.rows[0];
    if (!insured.rowCount && !claim) return failure('NOT_INSURED');
    const survivorBenefit = claim ? round2(Number(claim.monthly_amount) * SURVIVOR_BENEFIT_MONTHS) : 0;
    const amount = round2(FUNERAL_ALLOWANCE + survivorBenefit);
    const no = await nextRecordNo(tx, s, 'SZ', ctx.now());
    await tx.query(
      `insert into ${s}.funeral_grants (grant_no, deceased_id_number, applicant_id_number, death_certificate_no, funeral_allowance,
         survivor_benefit, bank_name, bank_account_number) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        no,
        body.deceasedIdNumber,
        body.applicantIdNumber,
        body.deathCertificateNo,
        FUNERAL_ALLOWANCE,
        survivorBenefit,
        body.bankName,
        body.bankAccountNumber,
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'funeral-grant',
      title: '丧葬补助金、抚恤金核定通知 / Funeral and Survivor Benefit Award',
      subject: { idNumber: body.deceasedIdNumber, name: certificate.deceasedName },
      content: {
        applicantIdNumber: body.applicantIdNumber,
        applicantName: body.applicantName,
        funeralAllowance: FUNERAL_ALLOWANCE,
        survivorBenefit,
        amount,
      },
    });
    return success({
      grantNo: no,
      amount,
      funeralAllowance: FUNERAL_ALLOWANCE,
      survivorBenefit,
      documentUrl,
    });
  },
  duplicate: 'ALREADY_GRANTED',
};
