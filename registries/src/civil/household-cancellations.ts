import { failure, success } from '../errors.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyDeathCertificate, type DeathCertificateView } from '../shared/peer-queries.ts';
import { bodySchema, idNumberSchema, recordNoSchema } from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

export interface CancelHousehold {
  deceasedIdNumber: string;
  deathCertificateNo: string;
}

/** 户口注销: a certified death ends the person's registration; the marriage becomes a widowhood. */
export const cancelHousehold: WriteOperation<CancelHousehold, DeathCertificateView> = {
  name: 'cancel-household',
  rejections: [
    'PERSON_NOT_FOUND',
    'ALREADY_CANCELLED',
    'DEATH_CERTIFICATE_NOT_FOUND',
    'DEATH_CERTIFICATE_MISMATCH',
  ],
  path: '/household-cancellations',
  body: bodySchema({ deceasedIdNumber: idNumberSchema, deathCertificateNo: recordNoSchema }, [
    'deceasedIdNumber',
    'deathCertificateNo',
  ]),
  check: (body) => new FieldChecks().idNumber('deceasedIdNumber', body.deceasedIdNumber).problems,
  async prepare(body, ctx) {
    const person = await ctx.pool.query(`select 1 from ${ctx.schema}.persons where id_number = $1`, [
      body.deceasedIdNumber,
    ]);
    if (!person.rowCount) return failure('PERSON_NOT_FOUND', body.deceasedIdNumber);
    return verifyDeathCertificate(ctx.peers, body.deathCertificateNo, body.deceasedIdNumber);
  },
  async commit(tx, body, certificate, ctx) {
    const s = ctx.schema;
    const found = await tx.query<{ name: string; status: string; household_number: string | null }>(
      `select name, status, household_number from ${s}.persons where id_number = $1 for update`,
      [body.deceasedIdNumber],
    );
    const person = found.rows[0];
    if (!person) return failure('PERSON_NOT_FOUND', body.deceasedIdNumber);
    if (person.status === 'deceased') return failure('ALREADY_CANCELLED');
    const cancellationNo = await nextRecordNo(tx, s, 'ZX', ctx.now());
    await tx.query(`update ${s}.persons set status = 'deceased', death_date = $2 where id_number = $1`, [
      body.deceasedIdNumber,
      certificate.deathDate,
    ]);
    await tx.query(
      `update ${s}.marriages set status = 'widowed' where status = 'married' and (husband_id_number = $1 or wife_id_number = $1)`,
      [body.deceasedIdNumber],
    );
    await tx.query(
      `insert into ${s}.deaths (cancellation_no, id_number, death_certificate_no, death_date, household_number, cancelled_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        cancellationNo,
        body.deceasedIdNumber,
        body.deathCertificateNo,
        certificate.deathDate,
        person.household_number,
        ctx.now(),
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no: cancellationNo,
      kind: 'household-cancellation',
      title: '户口注销证明 / Certificate of Cancelled Household Registration',
      subject: { idNumber: body.deceasedIdNumber, name: person.name },
      content: {
        deathDate: certificate.deathDate,
        deathCertificateNo: body.deathCertificateNo,
        householdNumber: person.household_number,
      },
    });
    return success({
      cancellationNo,
      deathDate: certificate.deathDate,
      householdNumber: person.household_number,
      documentUrl,
    });
  },
  duplicate: 'ALREADY_CANCELLED',
};
