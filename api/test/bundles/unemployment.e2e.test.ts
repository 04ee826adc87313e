import { demoPeople } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFaultRun,
  rootVariables,
  startBundleWorld,
  visited,
  type BundleWorld,
} from './bundle-harness.ts';

// 失业一件事 through the real engine, connectors and sandbox registries: citizen1
// 王芳 (employed by 杭州云帆 since 2019) loses her job; the other scenarios use
// seeded residents employed since 2020 or earlier.

const ALL = ['unemploymentRegistration', 'unemploymentBenefit', 'medicalInsuranceContinuation'];
const SEPARATION_DATE = '2026-11-15';
let world: BundleWorld;
let residents: Resident[];

interface Resident {
  idNumber: string;
  name: string;
  employerCreditCode: string;
}

beforeAll(async () => {
  world = await startBundleWorld('unemployment');
  const rows = await world.rows(
    `select e.id_number, e.name, e.employer_credit_code from registry_hr.employments e
     where e.status = 'active' and e.start_date <= '2020-01-01' and e.id_number <> $1 order by e.id_number limit 3`,
    [demoPeople.CITIZEN1.idNumber],
  );
  residents = rows.map((row) => ({
    idNumber: String(row.id_number),
    name: String(row.name),
    employerCreditCode: String(row.employer_credit_code),
  }));
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function application(person: Resident, separationReason = 'employer-terminated') {
  return {
    applicant: { idNumber: person.idNumber, name: person.name, mobile: '13800000009' },
    employer: { creditCode: person.employerCreditCode },
    unemployment: { separationDate: SEPARATION_DATE, separationReason },
    bankAccount: { bank: '中国工商银行杭州分行', number: '6222020200112233445', holder: person.name },
  };
}

function resident(index: number): Resident {
  const found = residents[index];
  if (!found) throw new Error(`the seed has fewer than ${index + 1} residents employed since 2020`);
  return found;
}

const CITIZEN1: Resident = {
  ...demoPeople.CITIZEN1,
  employerCreditCode: demoPeople.DEMO_EMPLOYER.creditCode,
};

async function approveBenefitAndDeliver(instanceKey: string, on = world): Promise<void> {
  const review = await on.task(instanceKey, 'Task_UnemploymentBenefitReview');
  expect(review.candidateGroups).toEqual(['hr']);
  expect(review.formKey).toBe('onething:form:unemployment/review-unemployment-benefit');
  await on.complete(review, { review: { decision: 'approve' } });
  await on.deliver(instanceKey);
}

/** What hr holds for the person after the separation, read through the query APIs and (benefits) the table. */
async function recordsOf(person: Resident, on = world) {
  const employment = await on.registry<{
    current: unknown;
    unemployment: { unemploymentRegistrationNo: string; status: string } | null;
  }>(`/registries/hr/persons/${person.idNumber}/employment`);
  const insurance = await on.registry<{ enrolments: { type: string; scheme: string; status: string }[] }>(
    `/registries/hr/persons/${person.idNumber}/insurance`,
  );
  return {
    employed: employment.current !== null,
    unemployment: employment.unemployment?.status ?? null,
    registrations: await on.count(
      'select count(*) as n from registry_hr.unemployment_registrations where id_number = $1',
      [person.idNumber],
    ),
    benefits: await on.count(
      'select count(*) as n from registry_hr.unemployment_benefits where id_number = $1',
      [person.idNumber],
    ),
    continuedMedical: insurance.enrolments.filter(
      (entry) => entry.type === 'medical' && entry.scheme === 'unemployment' && entry.status === 'active',
    ).length,
  };
}

/** The happy path; every registration happens exactly once. */
async function happyPath(on: BundleWorld, applicationId: string): Promise<void> {
  // given
  const key = await on.submit(applicationId, application(CITIZEN1), ALL);
  // when
  await on.windowDecides(key, 'accept', ALL);
  await approveBenefitAndDeliver(key, on);
  const view = await on.finished(key);
  await on.clearFaults();
  // then
  expect(view.state).toBe('COMPLETED');
  expect(visited(view)).toContain('EndEvent_Completed');
  expect(await recordsOf(CITIZEN1, on)).toEqual({
    employed: false,
    unemployment: 'active',
    registrations: 1,
    benefits: 1,
    continuedMedical: 1,
  });
  expect(rootVariables(view).results).toMatchObject({
    unemploymentRegistration: { unemploymentRegistrationNo: expect.stringMatching(/^SY2026\d{8}$/) },
    unemploymentBenefit: {
      benefitNo: expect.stringMatching(/^SJ2026\d{8}$/),
      months: expect.any(Number),
    },
    medicalInsuranceContinuation: {
      continuationNo: expect.stringMatching(/^YB2026\d{8}$/),
      scheme: 'unemployment',
      effectiveDate: SEPARATION_DATE,
    },
  });
}

describe('unemployment bundle end to end', () => {
  it.concurrent(
    'registers the unemployment, grants the benefit and continues medical insurance once each (happy path)',
    () => happyPath(world, 'e2e-unemployment-happy'),
  );

  it.concurrent(
    'returns the application for correction and registers it once the citizen supplements the bank account',
    async () => {
      // given
      const person = resident(0);
      const key = await world.submit(
        'e2e-unemployment-return',
        {
          ...application(person),
          bankAccount: { bank: '中国工商银行杭州分行', number: '', holder: person.name },
        },
        ALL,
      );
      // when
      await world.windowDecides(key, 'return', ALL);
      await world.supplement('e2e-unemployment-return', { bankAccount: application(person).bankAccount });
      await world.windowDecides(key, 'accept', ALL);
      await approveBenefitAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(expect.arrayContaining(['Event_Supplemented', 'EndEvent_Completed']));
      expect(await recordsOf(person)).toEqual({
        employed: false,
        unemployment: 'active',
        registrations: 1,
        benefits: 1,
        continuedMedical: 1,
      });
    },
  );

  it.concurrent(
    'hands the hr rejection of a benefit after a voluntary resignation to the hr clerk and completes without it when abandoned',
    async () => {
      // given: a resident who resigned of their own accord has no right to the benefit
      const person = resident(1);
      const key = await world.submit('e2e-unemployment-rejected', application(person, 'voluntary'), ALL);
      await world.windowDecides(key, 'accept', ALL);
      await world.complete(await world.task(key, 'Task_UnemploymentBenefitReview'), {
        review: { decision: 'approve' },
      });
      // when
      const rejection = await world.task(key, 'Task_UnemploymentBenefitResolve');
      await world.complete(rejection, {
        resolution: { decision: 'abandon', comment: '主动辞职不符合领取条件' },
      });
      await world.deliver(key);
      const view = await world.finished(key);
      // then
      expect(rejection.candidateGroups).toEqual(['hr']);
      expect(rejection.formKey).toBe('onething:form:unemployment/registry-rejection');
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toContain('Event_UnemploymentBenefitRejected');
      expect(rootVariables(view).registryErrors).toMatchObject({
        unemploymentBenefit: { registry: 'hr', code: expect.stringMatching(/^[A-Z_]+$/) },
      });
      expect(rootVariables(view).resolutions).toMatchObject({ unemploymentBenefit: { decision: 'abandon' } });
      expect(await recordsOf(person)).toEqual({
        employed: false,
        unemployment: 'active',
        registrations: 1,
        benefits: 0,
        continuedMedical: 1,
      });
    },
  );

  it.concurrent(
    'escalates an overdue hr part to a supervisor while the review goes on to completion',
    async () => {
      // given: the hr part's time limit has already run out when the window accepts
      const person = resident(2);
      const key = await world.submit('e2e-unemployment-overdue', application(person), ALL);
      await world.windowDecides(key, 'accept', ALL, ['hr']);
      // when
      const supervision = await world.task(key, 'Task_HrOverdue');
      await world.complete(supervision, { supervision: { comment: '已督办失业保险经办' } });
      await approveBenefitAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(supervision.candidateGroups).toEqual(['supervisor']);
      expect(supervision.formKey).toBe('onething:form:unemployment/overdue');
      expect(view.state).toBe('COMPLETED');
      expect(rootVariables(view).supervisions).toMatchObject({ hr: { comment: '已督办失业保险经办' } });
      expect(await recordsOf(person)).toEqual({
        employed: false,
        unemployment: 'active',
        registrations: 1,
        benefits: 1,
        continuedMedical: 1,
      });
    },
  );
});

describeFaultRun('unemployment', happyPath);
