import { failure, success } from '../errors.ts';
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
  textSchema,
} from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';
import { employerName, endEnrolments } from './hr-store.ts';

export interface RegisterEmployment {
  employeeIdNumber: string;
  employeeName: string;
  employerCreditCode: string;
  startDate: string;
  contractType: 'fixed-term' | 'open-ended' | 'task-based';
  position?: string;
  monthlySalary: number;
}

/** 就业登记: one active employment per person; it ends an active unemployment registration. */
export const registerEmployment: WriteOperation<RegisterEmployment, PersonView> = {
  name: 'register-employment',
  rejections: [
    'PERSON_NOT_FOUND',
    'NAME_MISMATCH',
    'PERSON_DECEASED',
    'EMPLOYER_NOT_FOUND',
    'ALREADY_EMPLOYED',
  ],
  path: '/employment-registrations',
  body: bodySchema(
    {
      employeeIdNumber: idNumberSchema,
      employeeName: nameSchema,
      employerCreditCode: creditCodeSchema,
      startDate: dateSchema,
      contractType: { type: 'string', enum: ['fixed-term', 'open-ended', 'task-based'] },
      position: textSchema(100),
      monthlySalary: amountSchema,
    },
    ['employeeIdNumber', 'employeeName', 'employerCreditCode', 'startDate', 'contractType', 'monthlySalary'],
  ),
  check: (body) =>
    new FieldChecks()
      .idNumber('employeeIdNumber', body.employeeIdNumber)
      .creditCode('employerCreditCode', body.employerCreditCode)
      .date('startDate', body.startDate).problems,
  prepare: (body, ctx) =>
    verifyPerson(ctx.peers, body.employeeIdNumber, { name: body.employeeName, role: 'employeeIdNumber' }),
  async commit(tx, body, _person, ctx) {
    const s = ctx.schema;
    const employer = await employerName(tx, s, body.employerCreditCode);
    if (!employer) return failure('EMPLOYER_NOT_FOUND', body.employerCreditCode);
    const active = await tx.query(
      `select registration_no from ${s}.employments where id_number = $1 and status = 'active'`,
      [body.employeeIdNumber],
    );
    if (active.rowCount) return failure('ALREADY_EMPLOYED', active.rows[0]?.registration_no);
    const no = await nextRecordNo(tx, s, 'JY', ctx.now());
    await tx.query(
      `insert into ${s}.employments (registration_no, id_number, name, employer_credit_code, start_date, contract_type, position,
         monthly_salary, status, registered_at) values ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9)`,
      [
        no,
        body.employeeIdNumber,
        body.employeeName,
        body.employerCreditCode,
        body.startDate,
        body.contractType,
        body.position ?? null,
        body.monthlySalary,
        ctx.now(),
      ],
    );
    await tx.query(
      `update ${s}.unemployment_registrations set status = 'ended' where id_number = $1 and status = 'active'`,
      [body.employeeIdNumber],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'employment-registration',
      title: '就业登记凭证 / Employment Registration',
      subject: { idNumber: body.employeeIdNumber, name: body.employeeName },
      content: { ...body, employerName: employer },
    });
    return success({ employmentRegistrationNo: no, employerName: employer, documentUrl });
  },
  duplicate: 'ALREADY_EMPLOYED',
};

/** The forms dictionary's separation reasons; only `voluntary` loses the unemployment benefit. */
export const SEPARATION_REASONS = [
  'contract-expired',
  'employer-terminated',
  'mutual-agreement',
  'employer-bankrupt',
  'employee-for-cause',
  'voluntary',
] as const;
export type SeparationReason = (typeof SEPARATION_REASONS)[number];

export interface RegisterUnemployment {
  idNumber: string;
  lastEmployerCreditCode: string;
  separationDate: string;
  separationReason: SeparationReason;
}

/** 失业登记: ends the employment and the employee insurance with that employer. */
export const registerUnemployment: WriteOperation<RegisterUnemployment, PersonView> = {
  name: 'register-unemployment',
  rejections: [
    'PERSON_NOT_FOUND',
    'PERSON_DECEASED',
    'EMPLOYER_NOT_FOUND',
    'EMPLOYMENT_NOT_FOUND',
    'ALREADY_REGISTERED',
  ],
  path: '/unemployment-registrations',
  body: bodySchema(
    {
      idNumber: idNumberSchema,
      lastEmployerCreditCode: creditCodeSchema,
      separationDate: dateSchema,
      separationReason: { type: 'string', enum: [...SEPARATION_REASONS] },
    },
    ['idNumber', 'lastEmployerCreditCode', 'separationDate', 'separationReason'],
  ),
  check: (body) =>
    new FieldChecks()
      .idNumber('idNumber', body.idNumber)
      .creditCode('lastEmployerCreditCode', body.lastEmployerCreditCode)
      .date('separationDate', body.separationDate).problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber),
  async commit(tx, body, person, ctx) {
    const s = ctx.schema;
    if (!(await employerName(tx, s, body.lastEmployerCreditCode)))
      return failure('EMPLOYER_NOT_FOUND', body.lastEmployerCreditCode);
    const registered = await tx.query(
      `select registration_no from ${s}.unemployment_registrations where id_number = $1 and status = 'active'`,
      [body.idNumber],
    );
    if (registered.rowCount) return failure('ALREADY_REGISTERED', registered.rows[0]?.registration_no);
    const employment = await tx.query<{ registration_no: string }>(
      `select registration_no from ${s}.employments where id_number = $1 and employer_credit_code = $2 and start_date <= $3
       order by start_date desc limit 1`,
      [body.idNumber, body.lastEmployerCreditCode, body.separationDate],
    );
    const job = employment.rows[0];
    if (!job) return failure('EMPLOYMENT_NOT_FOUND');
    await tx.query(
      `update ${s}.employments set status = 'ended', end_date = coalesce(end_date, $2) where registration_no = $1`,
      [job.registration_no, body.separationDate],
    );
    await endEnrolments(
      tx,
      s,
      body.idNumber,
      ['pension', 'medical', 'unemployment'],
      body.separationDate,
      body.lastEmployerCreditCode,
    );
    const no = await nextRecordNo(tx, s, 'SY', ctx.now());
    await tx.query(
      `insert into ${s}.unemployment_registrations (registration_no, id_number, last_employer_credit_code, separation_date,
         separation_reason, status, registered_at) values ($1, $2, $3, $4, $5, 'active', $6)`,
      [no, body.idNumber, body.lastEmployerCreditCode, body.separationDate, body.separationReason, ctx.now()],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no,
      kind: 'unemployment-registration',
      title: '失业登记证明 / Unemployment Registration',
      subject: { idNumber: body.idNumber, name: person.name },
      content: { ...body },
    });
    return success({ unemploymentRegistrationNo: no, documentUrl });
  },
  duplicate: 'ALREADY_REGISTERED',
};
