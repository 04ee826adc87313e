import { failure, success } from '../errors.ts';
import { addMonths, chinaToday, monthOf } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import {
  lookupRelations,
  verifyDeathCertificate,
  verifyPerson,
  type DeathCertificateView,
  type PersonView,
} from '../shared/peer-queries.ts';
import { bodySchema, idNumberSchema, nameSchema, recordNoSchema } from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

/** 3 岁以下婴幼儿照护: 2 000 yuan a month per child since 2023, split between the parents. */
export const INFANT_CARE_MONTHLY = 2_000;

export interface RegisterInfantCareDeduction {
  taxpayerIdNumber: string;
  childIdNumber: string;
  childName: string;
  sharePercent: 50 | 100;
}

/** 婴幼儿照护专项附加扣除: for the taxpayer's own child under 3; the parents' shares add up to at most 100 %. */
export const registerInfantCareDeduction: WriteOperation<RegisterInfantCareDeduction, PersonView> = {
  name: 'register-infant-care-deduction',
  rejections: [
    'TAXPAYER_NOT_FOUND',
    'PERSON_NOT_FOUND',
    'NAME_MISMATCH',
    'PERSON_DECEASED',
    'NOT_PARENT_OF_CHILD',
    'CHILD_NOT_ELIGIBLE',
    'ALREADY_REGISTERED',
    'SHARE_EXCEEDED',
  ],
  path: '/infant-care-deductions',
  body: bodySchema(
    {
      taxpayerIdNumber: idNumberSchema,
      childIdNumber: idNumberSchema,
      childName: nameSchema,
      sharePercent: { type: 'integer', enum: [50, 100] },
    },
    ['taxpayerIdNumber', 'childIdNumber', 'childName', 'sharePercent'],
  ),
  check: (body) =>
    new FieldChecks()
      .idNumber('taxpayerIdNumber', body.taxpayerIdNumber)
      .idNumber('childIdNumber', body.childIdNumber).problems,
  async prepare(body, ctx) {
    const taxpayer = await ctx.pool.query(
      `select 1 from ${ctx.schema}.taxpayers where id_number = $1 and status = 'active'`,
      [body.taxpayerIdNumber],
    );
    if (!taxpayer.rowCount) return failure('TAXPAYER_NOT_FOUND', body.taxpayerIdNumber);
    const child = await verifyPerson(ctx.peers, body.childIdNumber, {
      name: body.childName,
      role: 'childIdNumber',
    });
    if (!child.ok) return child;
    const relations = await lookupRelations(ctx.peers, body.childIdNumber);
    if (!relations || ![relations.fatherIdNumber, relations.motherIdNumber].includes(body.taxpayerIdNumber))
      return failure('NOT_PARENT_OF_CHILD');
    if (chinaToday(ctx.now()) >= addMonths(child.value.birthDate, 36)) return failure('CHILD_NOT_ELIGIBLE');
    return child;
  },
  async commit(tx, body, child, ctx) {
    const s = ctx.schema;
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
      `onething-infant-care-${body.childIdNumber}`,
    ]);
    const existing = await tx.query<{ id_number: string; share_percent: number }>(
      `select id_number, share_percent from ${s}.deductions where child_id_number = $1 and type = 'infant-care' and status = 'active'`,
      [body.childIdNumber],
    );
    if (existing.rows.some((row) => row.id_number === body.taxpayerIdNumber))
      return failure('ALREADY_REGISTERED');
    const claimed = existing.rows.reduce((sum, row) => sum + row.share_percent, 0);
    if (claimed + body.sharePercent > 100) return failure('SHARE_EXCEEDED', `${claimed}% already claimed`);
    const monthlyAmount = (INFANT_CARE_MONTHLY * body.sharePercent) / 100;
    const startMonth = monthOf(child.birthDate);
    const endMonth = monthOf(addMonths(child.birthDate, 35));
    const no = await nextRecordNo(tx, s, 'KC', ctx.now());
    await tx.query(
      `insert into ${s}.deductions (deduction_no, id_number, type, child_id_number, child_name, share_percent, monthly_amount, start_month, end_month, status)
       values ($1, $2, 'infant-care', $3, $4, $5, $6, $7, $8, 'active')`,
      [
        no,
        body.taxpayerIdNumber,
        body.childIdNumber,
        body.childName,
        body.sharePercent,
        monthlyAmount,
        startMonth,
        endMonth,
      ],
    );
    const name = await tx.query<{ name: string }>(`select name from ${s}.taxpayers where id_number = $1`, [
      body.taxpayerIdNumber,
    ]);
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'deduction',
      title: '个人所得税专项附加扣除信息（3 岁以下婴幼儿照护） / Infant Care Deduction',
      subject: { idNumber: body.taxpayerIdNumber, name: name.rows[0]?.name ?? '' },
      content: {
        childIdNumber: body.childIdNumber,
        childName: body.childName,
        sharePercent: body.sharePercent,
        monthlyAmount,
        startMonth,
        endMonth,
      },
    });
    return success({ deductionNo: no, monthlyAmount, startMonth, endMonth, documentUrl });
  },
  duplicate: 'ALREADY_REGISTERED',
};

export interface CloseDeductions {
  deceasedIdNumber: string;
  deathCertificateNo: string;
}

/** 身后注销: the deceased taxpayer's active deductions end with the month of death. */
export const closeDeductions: WriteOperation<CloseDeductions, DeathCertificateView> = {
  name: 'close-deductions',
  rejections: [
    'TAXPAYER_NOT_FOUND',
    'DEATH_CERTIFICATE_NOT_FOUND',
    'DEATH_CERTIFICATE_MISMATCH',
    'ALREADY_CLOSED',
  ],
  path: '/deduction-closures',
  body: bodySchema({ deceasedIdNumber: idNumberSchema, deathCertificateNo: recordNoSchema }, [
    'deceasedIdNumber',
    'deathCertificateNo',
  ]),
  check: (body) => new FieldChecks().idNumber('deceasedIdNumber', body.deceasedIdNumber).problems,
  async prepare(body, ctx) {
    const taxpayer = await ctx.pool.query(`select 1 from ${ctx.schema}.taxpayers where id_number = $1`, [
      body.deceasedIdNumber,
    ]);
    if (!taxpayer.rowCount) return failure('TAXPAYER_NOT_FOUND', body.deceasedIdNumber);
    return verifyDeathCertificate(ctx.peers, body.deathCertificateNo, body.deceasedIdNumber);
  },
  async commit(tx, body, certificate, ctx) {
    const s = ctx.schema;
    const found = await tx.query<{ status: string }>(
      `select status from ${s}.taxpayers where id_number = $1 for update`,
      [body.deceasedIdNumber],
    );
    if (found.rows[0]?.status === 'deceased') return failure('ALREADY_CLOSED');
    const lastMonth = monthOf(certificate.deathDate);
    const closed = await tx.query<{ deduction_no: string }>(
      `update ${s}.deductions set status = 'closed', end_month = least(coalesce(end_month, $2), $2)
       where id_number = $1 and status = 'active' returning deduction_no`,
      [body.deceasedIdNumber, lastMonth],
    );
    const closedDeductionNos = closed.rows.map((row) => row.deduction_no).sort();
    await tx.query(`update ${s}.taxpayers set status = 'deceased' where id_number = $1`, [
      body.deceasedIdNumber,
    ]);
    await tx.query(
      `update ${s}.withholding_registrations set status = 'ended' where id_number = $1 and status = 'active'`,
      [body.deceasedIdNumber],
    );
    const no = await nextRecordNo(tx, s, 'QX', ctx.now());
    await tx.query(
      `insert into ${s}.deduction_closures (closure_no, id_number, death_certificate_no, last_month, closed_deduction_nos) values ($1, $2, $3, $4, $5)`,
      [no, body.deceasedIdNumber, body.deathCertificateNo, lastMonth, JSON.stringify(closedDeductionNos)],
    );
    return success({ closureNo: no, closedDeductionNos, lastMonth });
  },
  duplicate: 'ALREADY_CLOSED',
};
