import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/index.ts';
import { get, post, seededApp, contractViolations } from './support.ts';

const { CITIZEN1, CITIZEN2 } = demoPeople;

describe('retirement', () => {
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

  it('finds citizen2 eligible with 456 contribution months under the reformed retirement age', async () => {
    const check = await post(app, '/registries/hr/pension-eligibility-checks', {
      idNumber: CITIZEN2.idNumber,
    });
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({
      eligible: true,
      contributionMonths: 456,
      requiredContributionMonths: 180,
      statutoryRetirementDate: '2026-07-08',
      reasons: [],
    });
  });

  it('finds citizen1 not eligible because of her age', async () => {
    const check = await post(app, '/registries/hr/pension-eligibility-checks', {
      idNumber: CITIZEN1.idNumber,
    });
    expect(check.body.eligible).toBe(false);
    expect(check.body.reasons).toContain('AGE_NOT_REACHED');
  });

  it('refuses a pension claim for someone not eligible', async () => {
    const claim = await post(app, '/registries/hr/pension-claims', {
      idNumber: CITIZEN1.idNumber,
      retirementDate: '2026-11-20',
      bankName: '中国银行',
      bankAccountNumber: '6216600000000000001',
    });
    expect(claim.body.error.code).toBe('NOT_ELIGIBLE');
  });

  it('claims citizen2’s pension, continues his medical insurance as a retiree and records the tax exemption', async () => {
    // when
    const claim = await post(app, '/registries/hr/pension-claims', {
      idNumber: CITIZEN2.idNumber,
      retirementDate: '2026-11-30',
      bankName: '中国银行',
      bankAccountNumber: '6216600000000000002',
    });
    const medical = await post(app, '/registries/hr/medical-continuations', {
      idNumber: CITIZEN2.idNumber,
      reason: 'retirement',
      effectiveDate: '2026-12-01',
    });
    const tax = await post(app, '/registries/tax/pension-income-statuses', {
      idNumber: CITIZEN2.idNumber,
      pensionStartMonth: claim.body.startMonth,
      pensionClaimNo: claim.body.pensionClaimNo,
    });
    // then
    expect(claim.status).toBe(201);
    expect(claim.body.startMonth).toBe('2026-12');
    expect(claim.body.monthlyAmount).toBeGreaterThan(2000);
    expect(medical.body.scheme).toBe('retiree');
    expect(tax.body).toMatchObject({ status: 'pension-exempt', effectiveMonth: '2026-12' });
    const insurance = await get(app, `/registries/hr/persons/${CITIZEN2.idNumber}/insurance`);
    expect(insurance.body.pension).toMatchObject({
      pensionClaimNo: claim.body.pensionClaimNo,
      status: 'active',
    });
    const again = await post(app, '/registries/hr/pension-claims', {
      idNumber: CITIZEN2.idNumber,
      retirementDate: '2026-11-30',
      bankName: '中国银行',
      bankAccountNumber: '6216600000000000002',
    });
    expect(again.body.error.code).toBe('PENSION_ALREADY_CLAIMED');
  });
});
