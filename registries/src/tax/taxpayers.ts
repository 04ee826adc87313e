import { failure, success } from '../errors.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextRecordNo } from '../shared/numbers.ts';
import { verifyPerson, type PersonView } from '../shared/peer-queries.ts';
import {
  bodySchema,
  creditCodeSchema,
  dateSchema,
  idNumberSchema,
  monthSchema,
  nameSchema,
  recordNoSchema,
} from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

export interface RegisterWithholding {
  employerCreditCode: string;
  employeeIdNumber: string;
  employeeName: string;
  startDate: string;
}

/** 扣缴登记: the employer withholds the employee's income tax; a new employee becomes a taxpayer. */
export const registerWithholding: WriteOperation<RegisterWithholding, PersonView> = {
  name: 'register-withholding',
  rejections: [
    'EMPLOYER_NOT_FOUND',
    'PERSON_NOT_FOUND',
    'NAME_MISMATCH',
    'PERSON_DECEASED',
    'ALREADY_REGISTERED',
  ],
  path: '/withholding-registrations',
  body: bodySchema(
    {
      employerCreditCode: creditCodeSchema,
      employeeIdNumber: idNumberSchema,
      employeeName: nameSchema,
      startDate: dateSchema,
    },
    ['employerCreditCode', 'employeeIdNumber', 'employeeName', 'startDate'],
  ),
  check: (body) =>
    new FieldChecks()
      .creditCode('employerCreditCode', body.employerCreditCode)
      .idNumber('employeeIdNumber', body.employeeIdNumber)
      .date('startDate', body.startDate).problems,
  prepare: (body, ctx) =>
    verifyPerson(ctx.peers, body.employeeIdNumber, { name: body.employeeName, role: 'employeeIdNumber' }),
  async commit(tx, body, person, ctx) {
    const s = ctx.schema;
    const employer = await tx.query(`select 1 from ${s}.employers where credit_code = $1`, [
      body.employerCreditCode,
    ]);
    if (!employer.rowCount) return failure('EMPLOYER_NOT_FOUND', body.employerCreditCode);
    await tx.query(
      `insert into ${s}.taxpayers (id_number, taxpayer_no, name, status, registered_at) values ($1, $1, $2, 'active', $3) on conflict (id_number) do nothing`,
      [person.idNumber, person.name, ctx.now()],
    );
    const active = await tx.query(
      `select registration_no from ${s}.withholding_registrations where employer_credit_code = $1 and id_number = $2 and status = 'active'`,
      [body.employerCreditCode, body.employeeIdNumber],
    );
    if (active.rowCount) return failure('ALREADY_REGISTERED', active.rows[0]?.registration_no);
    const no = await nextRecordNo(tx, s, 'KJ', ctx.now());
    await tx.query(
      `insert into ${s}.withholding_registrations (registration_no, employer_credit_code, id_number, start_date, status) values ($1, $2, $3, $4, 'active')`,
      [no, body.employerCreditCode, body.employeeIdNumber, body.startDate],
    );
    return success({ withholdingRegistrationNo: no, taxpayerNo: person.idNumber });
  },
  duplicate: 'ALREADY_REGISTERED',
};

export interface UpdatePensionIncomeStatus {
  idNumber: string;
  pensionStartMonth: string;
  pensionClaimNo?: string;
}

/** 养老金收入免税: basic pensions are exempt from individual income tax. */
export const updatePensionIncomeStatus: WriteOperation<UpdatePensionIncomeStatus, null> = {
  name: 'update-pension-income-status',
  rejections: ['TAXPAYER_NOT_FOUND', 'ALREADY_REGISTERED'],
  path: '/pension-income-statuses',
  body: bodySchema(
    { idNumber: idNumberSchema, pensionStartMonth: monthSchema, pensionClaimNo: recordNoSchema },
    ['idNumber', 'pensionStartMonth'],
  ),
  check: (body) => new FieldChecks().idNumber('idNumber', body.idNumber).problems,
  prepare: async () => success(null),
  async commit(tx, body, _prepared, ctx) {
    const s = ctx.schema;
    const taxpayer = await tx.query(
      `select 1 from ${s}.taxpayers where id_number = $1 and status = 'active'`,
      [body.idNumber],
    );
    if (!taxpayer.rowCount) return failure('TAXPAYER_NOT_FOUND', body.idNumber);
    const existing = await tx.query(
      `select status_no from ${s}.pension_income_statuses where id_number = $1`,
      [body.idNumber],
    );
    if (existing.rowCount) return failure('ALREADY_REGISTERED', existing.rows[0]?.status_no);
    const no = await nextRecordNo(tx, s, 'MS', ctx.now());
    await tx.query(
      `insert into ${s}.pension_income_statuses (status_no, id_number, effective_month, pension_claim_no) values ($1, $2, $3, $4)`,
      [no, body.idNumber, body.pensionStartMonth, body.pensionClaimNo ?? null],
    );
    return success({ statusNo: no, status: 'pension-exempt', effectiveMonth: body.pensionStartMonth });
  },
  duplicate: 'ALREADY_REGISTERED',
};
