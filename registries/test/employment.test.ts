import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/index.ts';
import { buildCreditCode } from '../src/shared/credit-code.ts';
import { get, post, seededApp, contractViolations } from './support.ts';

const { CITIZEN1, CITIZEN2, DEMO_EMPLOYER, DEMO_EMPLOYER_MACHINERY } = demoPeople;

describe('hiring and unemployment', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const seeded = await seededApp();
    app = seeded.app;
    drop = seeded.db.drop;
  });
  afterAll(async () => {
    expect(contractViolations).toEqual([]);
    await app?.close();
    await drop?.();
  });

  const hire = {
    employeeIdNumber: CITIZEN2.idNumber,
    employeeName: CITIZEN2.name,
    employerCreditCode: DEMO_EMPLOYER.creditCode,
    startDate: '2026-12-01',
    contractType: 'fixed-term',
    position: '技术顾问',
    monthlySalary: 12000,
  };

  it('registers citizen2’s employment, social insurance and tax withholding with the demo employer', async () => {
    // when
    const employment = await post(app, '/registries/hr/employment-registrations', hire);
    const insurance = await post(app, '/registries/hr/social-insurance-enrolments', {
      idNumber: CITIZEN2.idNumber,
      employerCreditCode: DEMO_EMPLOYER.creditCode,
      startDate: '2026-12-01',
      contributionBase: 12345.67,
    });
    const withholding = await post(app, '/registries/tax/withholding-registrations', {
      employerCreditCode: DEMO_EMPLOYER.creditCode,
      employeeIdNumber: CITIZEN2.idNumber,
      employeeName: CITIZEN2.name,
      startDate: '2026-12-01',
    });
    // then
    expect(employment.status).toBe(201);
    expect(employment.body).toMatchObject({
      employmentRegistrationNo: expect.stringMatching(/^JY2026\d{8}$/),
      employerName: DEMO_EMPLOYER.name,
    });
    expect(insurance.status).toBe(201);
    expect(insurance.body.insuranceTypes).toEqual(['pension', 'medical', 'unemployment']);
    expect(withholding.status).toBe(201);
    expect(withholding.body.taxpayerNo).toBe(CITIZEN2.idNumber);
    const current = await get(app, `/registries/hr/persons/${CITIZEN2.idNumber}/employment`);
    expect(current.body.current.employerCreditCode).toBe(DEMO_EMPLOYER.creditCode);
  });

  it('rejects a second active employment, an unknown employer and a malformed credit code', async () => {
    const employed = await post(app, '/registries/hr/employment-registrations', {
      ...hire,
      employeeIdNumber: CITIZEN1.idNumber,
      employeeName: CITIZEN1.name,
    });
    const unknown = await post(app, '/registries/hr/employment-registrations', {
      ...hire,
      employerCreditCode: buildCreditCode('330106', '12345678'),
    });
    const malformed = await post(app, '/registries/hr/employment-registrations', {
      ...hire,
      employerCreditCode: `${DEMO_EMPLOYER.creditCode.slice(0, 17)}0`,
    });
    expect(employed.body.error.code).toBe('ALREADY_EMPLOYED');
    expect(unknown.body.error.code).toBe('EMPLOYER_NOT_FOUND');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toHaveProperty('employerCreditCode');
  });

  it('refuses social insurance without an employment registration with that employer', async () => {
    const enrolment = await post(app, '/registries/hr/social-insurance-enrolments', {
      idNumber: CITIZEN1.idNumber,
      employerCreditCode: DEMO_EMPLOYER_MACHINERY.creditCode,
      startDate: '2026-12-01',
      contributionBase: 9000,
    });
    expect(enrolment.body.error.code).toBe('EMPLOYMENT_NOT_REGISTERED');
  });

  it('registers citizen1 as unemployed, grants the benefit and continues medical insurance', async () => {
    // when
    const registered = await post(app, '/registries/hr/unemployment-registrations', {
      idNumber: CITIZEN1.idNumber,
      lastEmployerCreditCode: DEMO_EMPLOYER.creditCode,
      separationDate: '2026-10-31',
      separationReason: 'contract-expired',
    });
    const benefit = await post(app, '/registries/hr/unemployment-benefits', {
      idNumber: CITIZEN1.idNumber,
      unemploymentRegistrationNo: registered.body.unemploymentRegistrationNo,
      bankName: '中国建设银行杭州分行',
      bankAccountNumber: '6217000000000000001',
    });
    const medical = await post(app, '/registries/hr/medical-continuations', {
      idNumber: CITIZEN1.idNumber,
      reason: 'unemployment',
      effectiveDate: '2026-11-01',
    });
    // then
    expect(registered.status).toBe(201);
    expect(benefit.status).toBe(201);
    expect(benefit.body).toMatchObject({ monthlyAmount: 2241, months: 18, startMonth: '2026-12' });
    expect(medical.body).toMatchObject({ scheme: 'unemployment', effectiveDate: '2026-11-01' });
    const employment = await get(app, `/registries/hr/persons/${CITIZEN1.idNumber}/employment`);
    expect(employment.body.current).toBeNull();
    expect(employment.body.unemployment.status).toBe('active');
    const again = await post(app, '/registries/hr/unemployment-benefits', {
      idNumber: CITIZEN1.idNumber,
      unemploymentRegistrationNo: registered.body.unemploymentRegistrationNo,
      bankName: '中国建设银行杭州分行',
      bankAccountNumber: '6217000000000000001',
    });
    expect(again.body.error.code).toBe('ALREADY_GRANTED');
  });

  it('refuses the benefit without an active unemployment registration', async () => {
    const benefit = await post(app, '/registries/hr/unemployment-benefits', {
      idNumber: CITIZEN2.idNumber,
      unemploymentRegistrationNo: 'SY202600000000',
      bankName: '中国建设银行杭州分行',
      bankAccountNumber: '6217000000000000002',
    });
    expect(benefit.body.error.code).toBe('UNEMPLOYMENT_NOT_REGISTERED');
  });
});
