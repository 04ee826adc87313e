import { demoPeople, type DemoPerson } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFaultRun,
  rootVariables,
  startBundleWorld,
  visited,
  type BundleWorld,
} from './bundle-harness.ts';

// 员工录用一件事 through the real engine, connectors and sandbox registries: the
// demo employer 杭州云帆 hires citizen2 李建国 (his last job ended 2026-06-30)
// and, in the other scenarios, members of his family with no job.

const ALL = ['employmentRegistration', 'socialInsurance', 'withholdingRegistration'];
const EMPLOYER = demoPeople.DEMO_EMPLOYER;
const START_DATE = '2026-12-01';
let world: BundleWorld;

beforeAll(async () => {
  world = await startBundleWorld('hiring');
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function application(employee: DemoPerson, position = '软件工程师') {
  return {
    applicant: { idNumber: employee.idNumber, name: employee.name, mobile: employee.mobile ?? '13900000000' },
    employee: { idNumber: employee.idNumber, name: employee.name, education: 'bachelor' },
    employer: {
      creditCode: EMPLOYER.creditCode,
      name: EMPLOYER.name,
      contactName: '赵敏',
      contactMobile: '13700001111',
    },
    employment: {
      startDate: START_DATE,
      contractType: 'fixed-term',
      contractEndDate: '2029-11-30',
      position,
      monthlySalary: 15_000,
    },
  };
}

async function approveInsuranceAndDeliver(instanceKey: string, on = world): Promise<void> {
  const review = await on.task(instanceKey, 'Task_SocialInsuranceReview');
  expect(review.candidateGroups).toEqual(['hr']);
  expect(review.formKey).toBe('onething:form:hiring/review-social-insurance');
  await on.complete(review, { review: { decision: 'approve' } });
  await on.deliver(instanceKey);
}

interface Employment {
  employmentRegistrationNo: string;
  employerCreditCode: string;
  startDate: string;
  position: string;
}

/** What hr and tax hold for the person with the demo employer, read through the query APIs. */
async function recordsOf(person: DemoPerson, on = world) {
  const employment = await on.registry<{ current: Employment | null; history: Employment[] }>(
    `/registries/hr/persons/${person.idNumber}/employment`,
  );
  const insurance = await on
    .registry<{
      enrolments: { enrolmentNo: string; type: string; employerCreditCode: string | null; status: string }[];
    }>(`/registries/hr/persons/${person.idNumber}/insurance`)
    .catch(() => ({ enrolments: [] }));
  const taxpayer = await on
    .registry<{
      withholdings: { withholdingRegistrationNo: string; employerCreditCode: string; status: string }[];
    }>(`/registries/tax/taxpayers/${person.idNumber}`)
    .catch(() => ({ withholdings: [] }));
  const all = [...(employment.current ? [employment.current] : []), ...employment.history];
  return {
    current: employment.current?.employerCreditCode ?? null,
    employments: [
      ...new Set(
        all
          .filter((entry) => entry.employerCreditCode === EMPLOYER.creditCode)
          .map((entry) => entry.employmentRegistrationNo),
      ),
    ],
    insuranceTypes: insurance.enrolments
      .filter((entry) => entry.employerCreditCode === EMPLOYER.creditCode && entry.status === 'active')
      .map((entry) => entry.type)
      .sort(),
    withholdings: taxpayer.withholdings
      .filter((entry) => entry.employerCreditCode === EMPLOYER.creditCode)
      .map((entry) => entry.withholdingRegistrationNo),
  };
}

/** The happy path: citizen2 starts with the demo employer; every registration happens exactly once. */
async function happyPath(on: BundleWorld, applicationId: string): Promise<void> {
  // given
  const key = await on.submit(applicationId, application(demoPeople.CITIZEN2), ALL);
  // when
  await on.windowDecides(key, 'accept', ALL);
  await approveInsuranceAndDeliver(key, on);
  const view = await on.finished(key);
  await on.clearFaults();
  // then
  expect(view.state).toBe('COMPLETED');
  expect(visited(view)).toContain('EndEvent_Completed');
  const records = await recordsOf(demoPeople.CITIZEN2, on);
  expect(records).toEqual({
    current: EMPLOYER.creditCode,
    employments: [expect.stringMatching(/^JY2026\d{8}$/)],
    insuranceTypes: ['medical', 'pension', 'unemployment'],
    withholdings: [expect.stringMatching(/^KJ2026\d{8}$/)],
  });
  expect(rootVariables(view).results).toMatchObject({
    employmentRegistration: {
      employmentRegistrationNo: records.employments[0],
      employerName: EMPLOYER.name,
    },
    socialInsurance: { enrolmentNo: expect.any(String), startDate: START_DATE },
    withholdingRegistration: {
      withholdingRegistrationNo: records.withholdings[0],
      taxpayerNo: demoPeople.CITIZEN2.idNumber,
    },
  });
}

describe('hiring bundle end to end', () => {
  it.concurrent(
    'registers the employment, the social insurance and the withholding once each and hands the numbers to the window (happy path)',
    () => happyPath(world, 'e2e-hiring-happy'),
  );

  it.concurrent(
    'returns the application for correction and registers the corrected position once the employer supplements it',
    async () => {
      // given
      const son = demoPeople.CITIZEN2_SON;
      const key = await world.submit('e2e-hiring-return', application(son, '待定'), ALL);
      // when
      await world.windowDecides(key, 'return', ALL);
      await world.supplement('e2e-hiring-return', { employment: application(son, '数据分析师').employment });
      await world.windowDecides(key, 'accept', ALL);
      await approveInsuranceAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(expect.arrayContaining(['Event_Supplemented', 'EndEvent_Completed']));
      const employment = await world.registry<{ current: Employment | null }>(
        `/registries/hr/persons/${son.idNumber}/employment`,
      );
      expect(employment.current).toMatchObject({
        employerCreditCode: EMPLOYER.creditCode,
        position: '数据分析师',
      });
      expect(await recordsOf(son)).toMatchObject({
        employments: [expect.any(String)],
        withholdings: [expect.any(String)],
      });
    },
  );

  it.concurrent(
    'hands the hr registry rejection of a person still employed to the hr clerk and completes without a second employment when abandoned',
    async () => {
      // given: citizen1 王芳 is still employed by the same employer since 2019
      const services = ['employmentRegistration'];
      const key = await world.submit('e2e-hiring-rejected', application(demoPeople.CITIZEN1), services);
      const before = await recordsOf(demoPeople.CITIZEN1);
      await world.windowDecides(key, 'accept', services);
      // when
      const rejection = await world.task(key, 'Task_EmploymentRegistrationResolve');
      await world.complete(rejection, { resolution: { decision: 'abandon', comment: '该员工已有在职登记' } });
      await world.deliver(key);
      const view = await world.finished(key);
      // then
      expect(rejection.candidateGroups).toEqual(['hr']);
      expect(rejection.formKey).toBe('onething:form:hiring/registry-rejection');
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toContain('Event_EmploymentRegistrationRejected');
      expect(rootVariables(view).registryErrors).toMatchObject({
        employmentRegistration: { registry: 'hr', code: expect.stringMatching(/^[A-Z_]+$/) },
      });
      expect(rootVariables(view).resolutions).toMatchObject({
        employmentRegistration: { decision: 'abandon' },
      });
      expect(await recordsOf(demoPeople.CITIZEN1)).toEqual(before);
      expect(before.employments).toHaveLength(1);
    },
  );

  it.concurrent(
    'escalates an overdue hr part to a supervisor while the review goes on to completion',
    async () => {
      // given: the hr part's time limit has already run out when the window accepts
      const spouse = demoPeople.CITIZEN2_SPOUSE;
      const key = await world.submit('e2e-hiring-overdue', application(spouse, '行政助理'), ALL);
      await world.windowDecides(key, 'accept', ALL, ['hr']);
      // when
      const supervision = await world.task(key, 'Task_HrOverdue');
      await world.complete(supervision, { supervision: { comment: '已督办人社窗口' } });
      await approveInsuranceAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(supervision.candidateGroups).toEqual(['supervisor']);
      expect(supervision.formKey).toBe('onething:form:hiring/overdue');
      expect(view.state).toBe('COMPLETED');
      expect(rootVariables(view).supervisions).toMatchObject({ hr: { comment: '已督办人社窗口' } });
      expect(await recordsOf(spouse)).toMatchObject({
        current: EMPLOYER.creditCode,
        employments: [expect.any(String)],
        withholdings: [expect.any(String)],
      });
    },
  );
});

describeFaultRun('hiring', happyPath);
