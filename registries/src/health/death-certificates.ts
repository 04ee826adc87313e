import { failure, success } from '../errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { checkIdNumber } from '../shared/id-number.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyPerson, type PersonView } from '../shared/peer-queries.ts';
import { bodySchema, dateSchema, idNumberSchema, nameSchema, textSchema } from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

export interface IssueDeathCertificate {
  deceasedIdNumber: string;
  deceasedName: string;
  deathDate: string;
  deathPlace: string;
  deathCause: string;
  deathPlaceType?: 'hospital' | 'home' | 'other';
}

/** 死亡医学证明: for a person the civil registry still records as living. */
export const issueDeathCertificate: WriteOperation<IssueDeathCertificate, PersonView> = {
  name: 'issue-death-certificate',
  rejections: ['PERSON_NOT_FOUND', 'NAME_MISMATCH', 'PERSON_DECEASED', 'DEATH_ALREADY_CERTIFIED'],
  path: '/death-certificates',
  body: bodySchema(
    {
      deceasedIdNumber: idNumberSchema,
      deceasedName: nameSchema,
      deathDate: dateSchema,
      deathPlace: textSchema(200),
      deathCause: textSchema(200),
      deathPlaceType: { type: 'string', enum: ['hospital', 'home', 'other'] },
    },
    ['deceasedIdNumber', 'deceasedName', 'deathDate', 'deathPlace', 'deathCause'],
  ),
  check(body, ctx) {
    const id = checkIdNumber(body.deceasedIdNumber);
    return new FieldChecks()
      .idNumber('deceasedIdNumber', body.deceasedIdNumber)
      .date('deathDate', body.deathDate, {
        notAfter: chinaToday(ctx.now()),
        ...(id.ok ? { notBefore: id.facts.birthDate } : {}),
      }).problems;
  },
  prepare: (body, ctx) =>
    verifyPerson(ctx.peers, body.deceasedIdNumber, { name: body.deceasedName, role: 'deceasedIdNumber' }),
  async commit(tx, body, _person, ctx) {
    const existing = await tx.query(
      `select no from ${ctx.schema}.death_certificates where deceased_id_number = $1`,
      [body.deceasedIdNumber],
    );
    if (existing.rowCount) return failure('DEATH_ALREADY_CERTIFIED', existing.rows[0]?.no);
    const no = await nextRecordNo(tx, ctx.schema, 'SW', ctx.now());
    const issuedAt = ctx.now();
    await tx.query(
      `insert into ${ctx.schema}.death_certificates (no, deceased_id_number, deceased_name, death_date, death_place, death_cause, death_place_type, issued_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        no,
        body.deceasedIdNumber,
        body.deceasedName,
        body.deathDate,
        body.deathPlace,
        body.deathCause,
        body.deathPlaceType ?? null,
        issuedAt,
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'death-certificate',
      title: '死亡医学证明 / Medical Certificate of Death',
      subject: { idNumber: body.deceasedIdNumber, name: body.deceasedName },
      content: { ...body },
    });
    return success({ deathCertificateNo: no, issuedAt: chinaToday(issuedAt), documentUrl });
  },
  duplicate: 'DEATH_ALREADY_CERTIFIED',
};
