import { demoPeople } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFaultRun,
  rootVariables,
  startBundleWorld,
  visited,
  type BundleWorld,
} from './bundle-harness.ts';

// 退休一件事 through the real engine, connectors and sandbox registries: citizen2
// 李建国 (456 months of contributions, past his statutory retirement date) is
// the seed's only resident who can retire, so the other scenarios use seeded
// young employees, whose applications end without a pension claim.

const ALL = ['pensionEligibility', 'pensionClaim', 'medicalInsuranceContinuation', 'pensionIncomeTax'];
const RETIREMENT_DATE = '2026-12-15';
let world: BundleWorld;
let youngEmployees: Person[];

interface Person {
  idNumber: string;
  name: string;
}

beforeAll(async () => {
  world = await startBundleWorld('retirement');
  const rows = await world.rows(
    `select p.id_number, p.name from registry_civil.persons p join registry_hr.employments e on e.id_number = p.id_number
     where p.birth_date >= '1990-01-01' and p.status = 'alive' and e.status = 'active' order by p.id_number limit 3`,
    [],
  );
  youngEmployees = rows.map((row) => ({ idNumber: String(row.id_number), name: String(row.name) }));
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function application(person: Person, bankAccountNumber = '6222020200112233445') {
  return {
    applicant: { idNumber: person.idNumber, name: person.name, mobile: '13800000002' },
    retirement: { type: 'statutory', date: RETIREMENT_DATE },
    bankAccount: { bank: '中国工商银行杭州分行', number: bankAccountNumber, holder: person.name },
  };
}

function youngEmployee(index: number): Person {
  const found = youngEmployees[index];
  if (!found) throw new Error(`the seed has fewer than ${index + 1} employees born after 1990`);
  return found;
}

async function approveClaimAndDeliver(instanceKey: string, on = world): Promise<void> {
  const review = await on.task(instanceKey, 'Task_PensionClaimReview');
  expect(review.candidateGroups).toEqual(['hr']);
  expect(review.formKey).toBe('onething:form:retirement/review-pension-claim');
  await on.complete(review, { review: { decision: 'approve' } });
  await on.deliver(instanceKey);
}

/** What hr and tax hold for the person after retiring, read through the query APIs and the tables. */
async function recordsOf(person: Person, on = world) {
  const count = (table: string) =>
    on.count(`select count(*) as n from ${table} where id_number = $1`, [person.idNumber]);
  const insurance = await on.registry<{ pension: { pensionClaimNo: string; status: string } | null }>(
    `/registries/hr/persons/${person.idNumber}/insurance`,
  );
  return {
    pension: insurance.pension?.status ?? null,
    eligibilityChecks: await count('registry_hr.pension_eligibility_checks'),
    claims: await count('registry_hr.pension_claims'),
    medicalContinuations: await count('registry_hr.medical_continuations'),
    pensionIncomeStatuses: await count('registry_tax.pension_income_statuses'),
  };
}

const RETIRED = {
  pension: 'active',
  eligibilityChecks: 1,
  claims: 1,
  medicalContinuations: 1,
  pensionIncomeStatuses: 1,
};

/** The happy path; every registration happens exactly once. */
async function happyPath(on: BundleWorld, applicationId: string): Promise<void> {
  // given
  const citizen2 = demoPeople.CITIZEN2;
  const key = await on.submit(applicationId, application(citizen2), ALL);
  // when
  await on.windowDecides(key, 'accept', ALL);
  await approveClaimAndDeliver(key, on);
  const view = await on.finished(key);
  await on.clearFaults();
  // then
  expect(view.state).toBe('COMPLETED');
  expect(visited(view)).toContain('EndEvent_Completed');
  expect(await recordsOf(citizen2, on)).toEqual(RETIRED);
  const insurance = await on.registry<{ pension: { pensionClaimNo: string } }>(
    `/registries/hr/persons/${citizen2.idNumber}/insurance`,
  );
  const taxpayer = await on.registry<{ pensionIncomeStatus: { statusNo: string } | null }>(
    `/registries/tax/taxpayers/${citizen2.idNumber}`,
  );
  expect(rootVariables(view).results).toMatchObject({
    pensionEligibility: { eligible: true, reasons: [] },
    pensionClaim: { pensionClaimNo: insurance.pension.pensionClaimNo, monthlyAmount: expect.any(Number) },
    medicalInsuranceContinuation: { scheme: 'retiree', effectiveDate: RETIREMENT_DATE },
    pensionIncomeTax: { statusNo: taxpayer.pensionIncomeStatus?.statusNo, status: 'pension-exempt' },
  });
}

describe('retirement bundle end to end', () => {
  it.concurrent(
    'checks eligibility, claims the pension, continues medical insurance and exempts the pension from tax once each (happy path)',
    () => happyPath(world, 'e2e-retirement-happy'),
  );

  it.concurrent(
    'returns the application for correction and checks the eligibility once the citizen supplements the retirement date',
    async () => {
      // given: the citizen asks only for the eligibility check, with no retirement date
      const person = youngEmployee(0);
      const services = ['pensionEligibility'];
      const key = await world.submit(
        'e2e-retirement-return',
        { ...application(person), retirement: { type: 'statutory' } },
        services,
      );
      // when
      await world.windowDecides(key, 'return', services);
      await world.supplement('e2e-retirement-return', { retirement: application(person).retirement });
      await world.windowDecides(key, 'accept', services);
      await world.deliver(key);
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(expect.arrayContaining(['Event_Supplemented', 'EndEvent_Completed']));
      expect(rootVariables(view).results).toMatchObject({
        pensionEligibility: { checkNo: expect.stringMatching(/^ZG2026\d{8}$/), eligible: false },
      });
      expect(await recordsOf(person)).toEqual({
        pension: null,
        eligibilityChecks: 1,
        claims: 0,
        medicalContinuations: 0,
        pensionIncomeStatuses: 0,
      });
      const checkedAt = await world.count(
        `select count(*) as n from registry_hr.pension_eligibility_checks where id_number = $1 and at_date = $2`,
        [person.idNumber, RETIREMENT_DATE],
      );
      expect(checkedAt).toBe(1);
    },
  );

  it.concurrent(
    'hands the hr rejection of a pension claim before retirement age to the hr clerk and completes without a claim when abandoned',
    async () => {
      // given: an employee born after 1990 is decades from retirement
      const services = ['pensionEligibility', 'pensionClaim'];
      const person = youngEmployee(1);
      const key = await world.submit('e2e-retirement-rejected', application(person), services);
      await world.windowDecides(key, 'accept', services);
      await world.complete(await world.task(key, 'Task_PensionClaimReview'), {
        review: { decision: 'approve' },
      });
      // when
      const rejection = await world.task(key, 'Task_PensionClaimResolve');
      await world.complete(rejection, { resolution: { decision: 'abandon', comment: '未达法定退休年龄' } });
      await world.deliver(key);
      const view = await world.finished(key);
      // then
      expect(rejection.candidateGroups).toEqual(['hr']);
      expect(rejection.formKey).toBe('onething:form:retirement/registry-rejection');
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toContain('Event_PensionClaimRejected');
      const variables = rootVariables(view);
      expect(variables.registryErrors).toMatchObject({
        pensionClaim: { registry: 'hr', code: expect.stringMatching(/^[A-Z_]+$/) },
      });
      expect(variables.results).toMatchObject({
        pensionEligibility: { eligible: false, reasons: expect.arrayContaining(['AGE_NOT_REACHED']) },
      });
      expect(variables.resolutions).toMatchObject({ pensionClaim: { decision: 'abandon' } });
      expect(await recordsOf(person)).toEqual({
        pension: null,
        eligibilityChecks: 1,
        claims: 0,
        medicalContinuations: 0,
        pensionIncomeStatuses: 0,
      });
    },
  );

  it.concurrent(
    'escalates an overdue hr part to a supervisor while the clerk still reviews the claim, and completes after the review turns it down',
    async () => {
      // given: the hr part's time limit has already run out when the window accepts
      const person = youngEmployee(2);
      const services = ['pensionEligibility', 'pensionClaim'];
      const key = await world.submit('e2e-retirement-overdue', application(person), services);
      await world.windowDecides(key, 'accept', services, ['hr']);
      // when
      const supervision = await world.task(key, 'Task_HrOverdue');
      await world.complete(supervision, { supervision: { comment: '已督办养老金核定' } });
      await world.complete(await world.task(key, 'Task_PensionClaimReview'), {
        review: { decision: 'reject', comment: '未达法定退休年龄' },
      });
      await world.deliver(key);
      const view = await world.finished(key);
      // then
      expect(supervision.candidateGroups).toEqual(['supervisor']);
      expect(supervision.formKey).toBe('onething:form:retirement/overdue');
      expect(view.state).toBe('COMPLETED');
      const variables = rootVariables(view);
      expect(variables.supervisions).toMatchObject({ hr: { comment: '已督办养老金核定' } });
      expect(variables.reviews).toMatchObject({ pensionClaim: { decision: 'reject' } });
      expect(await recordsOf(person)).toEqual({
        pension: null,
        eligibilityChecks: 1,
        claims: 0,
        medicalContinuations: 0,
        pensionIncomeStatuses: 0,
      });
    },
  );
});

describeFaultRun('retirement', happyPath);
