import { failure, success } from '../errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { buildIdNumber } from '../shared/id-number.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { lookupBirthCertificate, type BirthCertificateView } from '../shared/peer-queries.ts';
import { bodySchema, nameSchema, recordNoSchema } from '../shared/schemas.ts';
import type { Queryable } from '../shared/db.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

export interface RegisterBirth {
  birthCertificateNo: string;
  childName: string;
  householdNumber: string;
}

interface MemberRow {
  id_number: string;
  relation_to_head: string | null;
}

/** 出生登记: the child of a certified birth joins a household of one of its parents and gets an ID number. */
export const registerBirth: WriteOperation<RegisterBirth, BirthCertificateView> = {
  name: 'register-birth',
  rejections: [
    'BIRTH_CERTIFICATE_NOT_FOUND',
    'BIRTH_CERTIFICATE_MISMATCH',
    'BIRTH_ALREADY_REGISTERED',
    'HOUSEHOLD_NOT_FOUND',
    'PARENT_NOT_IN_HOUSEHOLD',
  ],
  path: '/birth-registrations',
  body: bodySchema(
    {
      birthCertificateNo: recordNoSchema,
      childName: nameSchema,
      householdNumber: { type: 'string', pattern: '^\\d{9}$' },
    },
    ['birthCertificateNo', 'childName', 'householdNumber'],
  ),
  async prepare(body, ctx) {
    const certificate = await lookupBirthCertificate(ctx.peers, body.birthCertificateNo);
    if (!certificate) return failure('BIRTH_CERTIFICATE_NOT_FOUND', body.birthCertificateNo);
    if (certificate.childName !== body.childName) return failure('BIRTH_CERTIFICATE_MISMATCH', 'childName');
    return success(certificate);
  },
  async commit(tx, body, certificate, ctx) {
    const s = ctx.schema;
    const used = await tx.query(
      `select entry_no from ${s}.birth_registrations where birth_certificate_no = $1`,
      [body.birthCertificateNo],
    );
    if (used.rowCount) return failure('BIRTH_ALREADY_REGISTERED', used.rows[0]?.entry_no);
    const household = await tx.query<{ region_code: string; address: string }>(
      `select region_code, address from ${s}.households where number = $1 and status = 'active' for update`,
      [body.householdNumber],
    );
    const home = household.rows[0];
    if (!home) return failure('HOUSEHOLD_NOT_FOUND', body.householdNumber);
    const members = await tx.query<MemberRow>(
      `select id_number, relation_to_head from ${s}.persons where household_number = $1 and status = 'alive'`,
      [body.householdNumber],
    );
    const parents = [certificate.motherIdNumber, certificate.fatherIdNumber];
    const parent = members.rows.find((member) => parents.includes(member.id_number));
    if (!parent) return failure('PARENT_NOT_IN_HOUSEHOLD');

    const childIdNumber = await allocateIdNumber(
      tx,
      s,
      home.region_code,
      certificate.childBirthDate,
      certificate.childSex,
    );
    const known = await tx.query<{ id_number: string }>(
      `select id_number from ${s}.persons where id_number = any($1)`,
      [parents],
    );
    const knownIds = new Set(known.rows.map((row) => row.id_number));
    await tx.query(
      `insert into ${s}.persons (id_number, name, sex, birth_date, household_number, relation_to_head, father_id_number, mother_id_number)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        childIdNumber,
        certificate.childName,
        certificate.childSex,
        certificate.childBirthDate,
        body.householdNumber,
        relationToHead(parent.relation_to_head, certificate.childSex),
        certificate.fatherIdNumber && knownIds.has(certificate.fatherIdNumber)
          ? certificate.fatherIdNumber
          : null,
        knownIds.has(certificate.motherIdNumber) ? certificate.motherIdNumber : null,
      ],
    );
    const entryNo = await nextRecordNo(tx, s, 'HJ', ctx.now());
    await tx.query(
      `insert into ${s}.birth_registrations (entry_no, child_id_number, birth_certificate_no, household_number, registered_at)
       values ($1, $2, $3, $4, $5)`,
      [entryNo, childIdNumber, body.birthCertificateNo, body.householdNumber, ctx.now()],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no: entryNo,
      kind: 'birth-registration',
      title: '出生登记证明 / Birth Registration',
      subject: { idNumber: childIdNumber, name: certificate.childName },
      content: {
        childIdNumber,
        childName: certificate.childName,
        childSex: certificate.childSex,
        childBirthDate: certificate.childBirthDate,
        householdNumber: body.householdNumber,
        address: home.address,
        birthCertificateNo: body.birthCertificateNo,
        registeredOn: chinaToday(ctx.now()),
      },
    });
    return success({
      householdEntryNo: entryNo,
      childIdNumber,
      householdNumber: body.householdNumber,
      documentUrl,
    });
  },
  duplicate: 'BIRTH_ALREADY_REGISTERED',
};

/** The child's relation to the head of household, from the parent's relation to the head. */
function relationToHead(parentRelation: string | null, sex: 'male' | 'female'): string {
  if (parentRelation === '户主' || parentRelation === '配偶') return sex === 'male' ? '子' : '女';
  if (
    parentRelation === '子' ||
    parentRelation === '女' ||
    parentRelation === '儿媳' ||
    parentRelation === '女婿'
  ) {
    return sex === 'male' ? '孙子' : '孙女';
  }
  return '其他';
}

/** The first free sequence of the right parity (odd for boys) for this region and birth date. */
async function allocateIdNumber(
  db: Queryable,
  schema: string,
  regionCode: string,
  birthDate: string,
  sex: 'male' | 'female',
): Promise<string> {
  const prefix = `${regionCode}${birthDate.replaceAll('-', '')}`;
  await db.query('select pg_advisory_xact_lock(hashtext($1))', [`onething-id-${prefix}`]);
  const taken = await db.query<{ id_number: string }>(
    `select id_number from ${schema}.persons where id_number like $1`,
    [`${prefix}%`],
  );
  const used = new Set(taken.rows.map((row) => Number(row.id_number.slice(14, 17))));
  for (let sequence = sex === 'male' ? 1 : 2; sequence < 1000; sequence += 2) {
    if (!used.has(sequence)) return buildIdNumber(regionCode, birthDate, sequence);
  }
  throw new Error(`no free ID number sequence for ${prefix}`);
}
