import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/index.ts';
import { get, post, seededApp, contractViolations } from './support.ts';

const { CITIZEN2, CITIZEN2_FATHER, CITIZEN2_MOTHER } = demoPeople;

describe('after a death: citizen2 reports his father’s death', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let deathCertificateNo: string;

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

  it('issues the death certificate once', async () => {
    const certificate = {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deceasedName: CITIZEN2_FATHER.name,
      deathDate: '2026-11-15',
      deathPlace: '家中',
      deathCause: '衰老',
    };
    const issued = await post(app, '/registries/health/death-certificates', certificate);
    expect(issued.status).toBe(201);
    expect(issued.body.deathCertificateNo).toMatch(/^SW2026\d{8}$/);
    deathCertificateNo = issued.body.deathCertificateNo;
    const twice = await post(app, '/registries/health/death-certificates', certificate);
    expect(twice.body.error.code).toBe('DEATH_ALREADY_CERTIFIED');
  });

  it('refuses a cancellation with someone else’s death certificate', async () => {
    const cancelled = await post(app, '/registries/civil/household-cancellations', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo: 'SW201900012345',
    });
    expect(cancelled.body.error.code).toBe('DEATH_CERTIFICATE_MISMATCH');
  });

  it('cancels the household registration and widows the marriage', async () => {
    const cancelled = await post(app, '/registries/civil/household-cancellations', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
    });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body).toMatchObject({
      deathDate: '2026-11-15',
      householdNumber: demoPeople.DEMO_HOUSEHOLDS.citizen2.number,
    });
    const person = await get(app, `/registries/civil/persons/${CITIZEN2_FATHER.idNumber}`);
    expect(person.body).toMatchObject({ status: 'deceased', deathDate: '2026-11-15' });
    const again = await post(app, '/registries/civil/household-cancellations', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
    });
    expect(again.body.error.code).toBe('ALREADY_CANCELLED');
  });

  it('stops the pension from the month after death and grants the funeral allowance to citizen2', async () => {
    const stop = await post(app, '/registries/hr/pension-stops', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
    });
    const grant = await post(app, '/registries/hr/funeral-grants', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
      applicantIdNumber: CITIZEN2.idNumber,
      applicantName: CITIZEN2.name,
      bankName: '中国工商银行',
      bankAccountNumber: '6222020000000000999',
    });
    expect(stop.body).toMatchObject({ stoppedFromMonth: '2026-12', pensionClaimNo: 'YL199800000101' });
    expect(grant.body).toMatchObject({ funeralAllowance: 5000, survivorBenefit: 42000, amount: 47000 });
    const stoppedAgain = await post(app, '/registries/hr/pension-stops', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
    });
    expect(stoppedAgain.body.error.code).toBe('ALREADY_STOPPED');
  });

  it('closes the tax deductions of the deceased once', async () => {
    const closed = await post(app, '/registries/tax/deduction-closures', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
    });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ closedDeductionNos: [], lastMonth: '2026-11' });
    const again = await post(app, '/registries/tax/deduction-closures', {
      deceasedIdNumber: CITIZEN2_FATHER.idNumber,
      deathCertificateNo,
    });
    expect(again.body.error.code).toBe('ALREADY_CLOSED');
  });

  it('refuses a death certificate for someone already deceased', async () => {
    const issued = await post(app, '/registries/health/death-certificates', {
      deceasedIdNumber: CITIZEN2_MOTHER.idNumber,
      deceasedName: CITIZEN2_MOTHER.name,
      deathDate: '2026-11-15',
      deathPlace: '家中',
      deathCause: '衰老',
    });
    expect(issued.body.error.code).toBe('PERSON_DECEASED');
  });
});
