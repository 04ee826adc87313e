import { failure, success } from '../errors.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { bodySchema, idNumberSchema, recordNoSchema } from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

export interface CreateVaccinationRecord {
  birthCertificateNo: string;
  guardianIdNumber?: string;
}

interface CertificateRow {
  child_name: string;
  child_birth_date: string;
  mother_id_number: string;
  mother_name: string;
  father_id_number: string | null;
}

/** 预防接种证: opened for a certified birth with the doses given in hospital at birth. */
export const createVaccinationRecord: WriteOperation<CreateVaccinationRecord, null> = {
  name: 'create-vaccination-record',
  rejections: ['BIRTH_CERTIFICATE_NOT_FOUND', 'GUARDIAN_MISMATCH', 'ALREADY_REGISTERED'],
  path: '/vaccination-records',
  body: bodySchema({ birthCertificateNo: recordNoSchema, guardianIdNumber: idNumberSchema }, [
    'birthCertificateNo',
  ]),
  check: (body) => new FieldChecks().idNumber('guardianIdNumber', body.guardianIdNumber).problems,
  prepare: async () => success(null),
  async commit(tx, body, _prepared, ctx) {
    const found = await tx.query<CertificateRow>(
      `select child_name, child_birth_date::text, mother_id_number, mother_name, father_id_number
       from ${ctx.schema}.birth_certificates where no = $1`,
      [body.birthCertificateNo],
    );
    const certificate = found.rows[0];
    if (!certificate) return failure('BIRTH_CERTIFICATE_NOT_FOUND', body.birthCertificateNo);
    const guardian = body.guardianIdNumber;
    if (
      guardian !== undefined &&
      guardian !== certificate.mother_id_number &&
      guardian !== certificate.father_id_number
    ) {
      return failure('GUARDIAN_MISMATCH');
    }
    const existing = await tx.query(
      `select no from ${ctx.schema}.vaccination_records where birth_certificate_no = $1`,
      [body.birthCertificateNo],
    );
    if (existing.rowCount) return failure('ALREADY_REGISTERED', existing.rows[0]?.no);
    // The national schedule gives BCG and the first hepatitis B dose within 24 hours of birth.
    const vaccinations = [
      { vaccine: '乙肝疫苗 / hepatitis B', dose: 1, date: certificate.child_birth_date },
      { vaccine: '卡介苗 / BCG', dose: 1, date: certificate.child_birth_date },
    ];
    const no = await nextRecordNo(tx, ctx.schema, 'JZ', ctx.now());
    await tx.query(
      `insert into ${ctx.schema}.vaccination_records (no, birth_certificate_no, guardian_id_number, vaccinations, created_at)
       values ($1, $2, $3, $4, $5)`,
      [
        no,
        body.birthCertificateNo,
        guardian ?? certificate.mother_id_number,
        JSON.stringify(vaccinations),
        ctx.now(),
      ],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'vaccination-record',
      title: '预防接种证 / Vaccination Record',
      subject: { idNumber: certificate.mother_id_number, name: certificate.child_name },
      content: {
        birthCertificateNo: body.birthCertificateNo,
        childName: certificate.child_name,
        vaccinations,
      },
    });
    return success({ vaccinationRecordNo: no, vaccinations, documentUrl });
  },
  duplicate: 'ALREADY_REGISTERED',
};
