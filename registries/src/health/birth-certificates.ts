import { failure, success } from '../errors.ts';
import { addMonths, chinaToday } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextSequenceNo } from '../shared/numbers.ts';
import { verifyPerson } from '../shared/peer-queries.ts';
import {
  bodySchema,
  dateSchema,
  idNumberSchema,
  nameSchema,
  sexSchema,
  textSchema,
} from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';
import type { Sex } from '../shared/id-number.ts';

export interface IssueBirthCertificate {
  motherIdNumber: string;
  motherName: string;
  fatherIdNumber?: string;
  fatherName?: string;
  childName: string;
  childSex: Sex;
  childBirthDate: string;
  childBirthPlace: string;
  childBirthHospital?: string;
}

/** 出生医学证明: the mother (and the father, if named) must be in the civil registry. */
export const issueBirthCertificate: WriteOperation<IssueBirthCertificate, null> = {
  name: 'issue-birth-certificate',
  rejections: [
    'PERSON_NOT_FOUND',
    'NAME_MISMATCH',
    'PERSON_DECEASED',
    'MOTHER_NOT_FEMALE',
    'BIRTH_ALREADY_CERTIFIED',
  ],
  path: '/birth-certificates',
  body: bodySchema(
    {
      motherIdNumber: idNumberSchema,
      motherName: nameSchema,
      fatherIdNumber: idNumberSchema,
      fatherName: nameSchema,
      childName: nameSchema,
      childSex: sexSchema,
      childBirthDate: dateSchema,
      childBirthPlace: textSchema(200),
      childBirthHospital: textSchema(200),
    },
    ['motherIdNumber', 'motherName', 'childName', 'childSex', 'childBirthDate', 'childBirthPlace'],
  ),
  check(body, ctx) {
    const today = chinaToday(ctx.now());
    return new FieldChecks()
      .idNumber('motherIdNumber', body.motherIdNumber)
      .idNumber('fatherIdNumber', body.fatherIdNumber)
      .require(
        'fatherName',
        (body.fatherIdNumber === undefined) === (body.fatherName === undefined),
        '父亲身份证号码和姓名须同时填写 / give both the father’s ID number and name',
      )
      .date('childBirthDate', body.childBirthDate, { notAfter: today, notBefore: addMonths(today, -12) })
      .problems;
  },
  async prepare(body, ctx) {
    const mother = await verifyPerson(ctx.peers, body.motherIdNumber, {
      name: body.motherName,
      role: 'motherIdNumber',
    });
    if (!mother.ok) return mother;
    if (mother.value.sex !== 'female') return failure('MOTHER_NOT_FEMALE');
    if (body.fatherIdNumber !== undefined) {
      const father = await verifyPerson(ctx.peers, body.fatherIdNumber, {
        name: body.fatherName,
        allowDeceased: true,
        role: 'fatherIdNumber',
      });
      if (!father.ok) return father;
    }
    return success(null);
  },
  async commit(tx, body, _prepared, ctx) {
    const duplicate = await tx.query(
      `select no from ${ctx.schema}.birth_certificates where mother_id_number = $1 and child_birth_date = $2 and child_name = $3`,
      [body.motherIdNumber, body.childBirthDate, body.childName],
    );
    if (duplicate.rowCount) return failure('BIRTH_ALREADY_CERTIFIED', duplicate.rows[0]?.no);
    const no = await nextSequenceNo(tx, `${ctx.schema}.birth_certificate_seq`, 'Q', 9);
    const issuedAt = ctx.now();
    await tx.query(
      `insert into ${ctx.schema}.birth_certificates (no, child_name, child_sex, child_birth_date, child_birth_place, child_birth_hospital,
         mother_id_number, mother_name, father_id_number, father_name, issued_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        no,
        body.childName,
        body.childSex,
        body.childBirthDate,
        body.childBirthPlace,
        body.childBirthHospital ?? null,
        body.motherIdNumber,
        body.motherName,
        body.fatherIdNumber ?? null,
        body.fatherName ?? null,
        issuedAt,
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'birth-certificate',
      title: '出生医学证明 / Medical Certificate of Birth',
      subject: { idNumber: body.motherIdNumber, name: body.childName },
      content: { ...body },
    });
    return success({ birthCertificateNo: no, issuedAt: chinaToday(issuedAt), documentUrl });
  },
  duplicate: 'BIRTH_ALREADY_CERTIFIED',
};
