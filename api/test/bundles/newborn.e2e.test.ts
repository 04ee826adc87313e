import { demoPeople } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFaultRun,
  rootVariables,
  shanghaiTime,
  startBundleWorld,
  visited,
  type BundleWorld,
} from './bundle-harness.ts';

// 新生儿出生一件事 through the real engine, connectors and sandbox registries,
// for citizen1 王芳 and her husband 陈明 (the seed's newborn case).

const ALL = [
  'birthCertificate',
  'vaccinationRecord',
  'householdRegistration',
  'medicalInsurance',
  'socialSecurityCard',
  'infantCareDeduction',
];
const MOTHER = demoPeople.CITIZEN1;
let world: BundleWorld;

beforeAll(async () => {
  world = await startBundleWorld('newborn');
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function application(
  childName: string,
  householdNumber: string = demoPeople.DEMO_HOUSEHOLDS.citizen1.number,
) {
  return {
    applicant: {
      idNumber: MOTHER.idNumber,
      name: MOTHER.name,
      mobile: MOTHER.mobile,
      relationship: 'parent',
    },
    mother: { idNumber: MOTHER.idNumber, name: MOTHER.name },
    father: { idNumber: demoPeople.CITIZEN1_SPOUSE.idNumber, name: demoPeople.CITIZEN1_SPOUSE.name },
    child: {
      name: childName,
      sex: 'female',
      birthDate: '2026-11-10',
      birthPlace: '浙江省杭州市西湖区',
      birthHospital: '浙江大学医学院附属妇产科医院',
    },
    household: { entryParent: 'father', number: householdNumber },
    infantCare: { claimant: 'mother', ratio: '50' },
    socialSecurityCard: {
      bank: '中国工商银行',
      deliveryAddress: demoPeople.DEMO_HOUSEHOLDS.citizen1.address,
    },
  };
}

/** The two department reviews and the delivery, approved as the clerks would. */
async function workThrough(instanceKey: string, on = world): Promise<void> {
  const health = await on.task(instanceKey, 'Task_BirthCertificateReview');
  expect(health.candidateGroups).toEqual(['health']);
  expect(health.formKey).toBe('onething:form:newborn/review-birth-certificate');
  await on.complete(health, { review: { decision: 'approve' } });
  const civil = await on.task(instanceKey, 'Task_HouseholdRegistrationReview');
  expect(civil.candidateGroups).toEqual(['civil']);
  await on.complete(civil, { review: { decision: 'approve', comment: '父母户籍核验无误' } });
  await deliver(instanceKey, on);
}

async function deliver(instanceKey: string, on = world): Promise<void> {
  const delivery = await on.task(instanceKey, 'Task_DeliverResults');
  expect(delivery.candidateGroups).toEqual(['window']);
  expect(delivery.formKey).toBe('onething:form:newborn/deliver-results');
  await on.complete(delivery, { delivery: { method: 'online' } });
}

interface Person {
  idNumber: string;
  name: string;
}

/** Each registry's records for a child of citizen1, read back through the query APIs (and the tables where none lists them). */
async function recordsOf(childName: string, on = world) {
  const certificates = await on.registry<{ items: { birthCertificateNo: string; childName: string }[] }>(
    `/registries/health/persons/${MOTHER.idNumber}/birth-certificates`,
  );
  const relations = await on.registry<{ children: Person[] }>(
    `/registries/civil/persons/${MOTHER.idNumber}/relations`,
  );
  const taxpayer = await on.registry<{
    deductions: { deductionNo: string; childName: string; sharePercent: number }[];
  }>(`/registries/tax/taxpayers/${MOTHER.idNumber}`);
  const children = relations.children.filter((child) => child.name === childName);
  const insurance = await Promise.all(
    children.map((child) =>
      on.registry<{
        enrolments: { enrolmentNo: string; scheme: string }[];
        socialSecurityCard: { cardNo: string } | null;
      }>(`/registries/hr/persons/${child.idNumber}/insurance`),
    ),
  );
  return {
    certificates: certificates.items
      .filter((item) => item.childName === childName)
      .map((item) => item.birthCertificateNo),
    vaccinationRecords: await on.count(
      'select count(*) as n from registry_health.vaccination_records v join registry_health.birth_certificates b on b.no = v.birth_certificate_no where b.child_name = $1',
      [childName],
    ),
    childIdNumbers: children.map((child) => child.idNumber),
    medicalEnrolments: insurance.flatMap((entry) =>
      entry.enrolments
        .filter((enrolment) => enrolment.scheme === 'resident')
        .map((enrolment) => enrolment.enrolmentNo),
    ),
    cards: insurance.flatMap((entry) => (entry.socialSecurityCard ? [entry.socialSecurityCard.cardNo] : [])),
    deductions: taxpayer.deductions
      .filter((deduction) => deduction.childName === childName)
      .map((deduction) => deduction.deductionNo),
  };
}

/** The happy path; every registration happens exactly once. */
async function happyPath(on: BundleWorld, applicationId: string): Promise<void> {
  // given
  const key = await on.submit(applicationId, application('陈小满'), ALL);
  // when
  await on.windowDecides(key, 'accept', ALL);
  await workThrough(key, on);
  const view = await on.finished(key);
  await on.clearFaults();
  // then
  expect(view.state).toBe('COMPLETED');
  expect(visited(view)).toContain('EndEvent_Completed');
  const results = rootVariables(view).results;
  const records = await recordsOf('陈小满', on);
  expect(records).toEqual({
    certificates: [expect.stringMatching(/^Q\d{9}$/)],
    vaccinationRecords: 1,
    childIdNumbers: [expect.stringMatching(/^330106202611\d{5}[\dX]$/)],
    medicalEnrolments: [expect.any(String)],
    cards: [expect.any(String)],
    deductions: [expect.any(String)],
  });
  expect(results).toMatchObject({
    birthCertificate: {
      birthCertificateNo: records.certificates[0],
      documentUrl: `/registries/health/documents/${records.certificates[0]}`,
    },
    vaccinationRecord: { vaccinationRecordNo: expect.stringMatching(/^JZ2026\d{8}$/) },
    householdRegistration: {
      childIdNumber: records.childIdNumbers[0],
      householdNumber: demoPeople.DEMO_HOUSEHOLDS.citizen1.number,
    },
    medicalInsurance: { enrolmentNo: records.medicalEnrolments[0], scheme: 'resident' },
    socialSecurityCard: { cardNo: records.cards[0] },
    infantCareDeduction: { deductionNo: records.deductions[0], monthlyAmount: 1000 },
  });
}

describe('newborn bundle end to end', () => {
  it.concurrent(
    'registers the baby in all four registries once and hands every number to the window (happy path)',
    () => happyPath(world, 'e2e-newborn-happy'),
  );

  it.concurrent(
    'returns the application for correction and registers the corrected child once the citizen supplements it',
    async () => {
      // given: the citizen misspelt the baby's name
      const key = await world.submit('e2e-newborn-return', application('陈小错'), ALL);
      // when
      await world.windowDecides(key, 'return', ALL);
      await world.supplement('e2e-newborn-return', { child: application('陈小正').child });
      await world.windowDecides(key, 'accept', ALL);
      await workThrough(key);
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(expect.arrayContaining(['Event_Supplemented', 'EndEvent_Completed']));
      expect(rootVariables(view).acceptance).toMatchObject({ decision: 'accept' });
      expect(await recordsOf('陈小正')).toMatchObject({
        certificates: [expect.any(String)],
        vaccinationRecords: 1,
        childIdNumbers: [expect.any(String)],
        deductions: [expect.any(String)],
      });
      expect(await recordsOf('陈小错')).toEqual({
        certificates: [],
        vaccinationRecords: 0,
        childIdNumbers: [],
        medicalEnrolments: [],
        cards: [],
        deductions: [],
      });
    },
  );

  it.concurrent(
    'hands the civil registry rejection to the civil clerk and completes without the registration when the clerk abandons it',
    async () => {
      // given: the family names a household neither parent belongs to (citizen2's)
      const services = ['birthCertificate', 'vaccinationRecord', 'householdRegistration'];
      const key = await world.submit(
        'e2e-newborn-rejected',
        application('陈小拒', demoPeople.DEMO_HOUSEHOLDS.citizen2.number),
        services,
      );
      await world.windowDecides(key, 'accept', services);
      await world.complete(await world.task(key, 'Task_BirthCertificateReview'), {
        review: { decision: 'approve' },
      });
      await world.complete(await world.task(key, 'Task_HouseholdRegistrationReview'), {
        review: { decision: 'approve' },
      });
      // when
      const rejection = await world.task(key, 'Task_HouseholdRegistrationResolve');
      await world.complete(rejection, {
        resolution: { decision: 'abandon', comment: '请申请人核实落户户号后另行申请' },
      });
      await deliver(key);
      const view = await world.finished(key);
      // then
      expect(rejection.candidateGroups).toEqual(['civil']);
      expect(rejection.formKey).toBe('onething:form:newborn/registry-rejection');
      expect(rejection.variables.serviceTitle).toBe('出生登记（落户）');
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(
        expect.arrayContaining(['Event_HouseholdRegistrationRejected', 'EndEvent_Completed']),
      );
      const variables = rootVariables(view);
      expect(variables.registryErrors).toMatchObject({
        householdRegistration: { registry: 'civil', code: expect.stringMatching(/^[A-Z_]+$/) },
      });
      expect(variables.results).not.toHaveProperty('householdRegistration');
      expect(variables.resolutions).toMatchObject({ householdRegistration: { decision: 'abandon' } });
      expect(await recordsOf('陈小拒')).toMatchObject({
        certificates: [expect.any(String)],
        vaccinationRecords: 1,
        childIdNumbers: [],
      });
    },
  );

  it.concurrent(
    'registers the child once the civil office has corrected the household and the clerk resubmits the rejected registration',
    async () => {
      // given: the family names the mother's parents' household, where neither parent is registered
      const grandparents = demoPeople.DEMO_HOUSEHOLDS.citizen1Parents.number;
      const services = ['birthCertificate', 'vaccinationRecord', 'householdRegistration'];
      const key = await world.submit('e2e-newborn-retry', application('陈小再', grandparents), services);
      await world.windowDecides(key, 'accept', services);
      await world.complete(await world.task(key, 'Task_BirthCertificateReview'), {
        review: { decision: 'approve' },
      });
      await world.complete(await world.task(key, 'Task_HouseholdRegistrationReview'), {
        review: { decision: 'approve' },
      });
      const rejection = await world.task(key, 'Task_HouseholdRegistrationResolve');
      expect(rejection.variables.registryError).toMatchObject({ code: 'PARENT_NOT_IN_HOUSEHOLD' });
      // when: the father's registration moves into that household (户口迁移), then the clerk resubmits
      await world.rows(
        'update registry_civil.persons set household_number = $1 where id_number = $2 returning id_number',
        [grandparents, demoPeople.CITIZEN1_SPOUSE.idNumber],
      );
      await world.complete(rejection, {
        resolution: { decision: 'retry', comment: '父亲户口已迁入该户，重新提交' },
      });
      await deliver(key);
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      const variables = rootVariables(view);
      expect(variables.resolutions).toMatchObject({ householdRegistration: { decision: 'retry' } });
      const registrations = await world.rows(
        `select b.child_id_number, b.household_number from registry_civil.birth_registrations b
           join registry_civil.persons p on p.id_number = b.child_id_number where p.name = $1`,
        ['陈小再'],
      );
      expect(registrations).toHaveLength(1);
      expect(variables.results).toMatchObject({
        householdRegistration: {
          childIdNumber: registrations[0]?.child_id_number,
          householdNumber: grandparents,
        },
      });
    },
  );

  it.concurrent(
    'ends as withdrawn, registering nothing, when a returned application is not supplemented in time',
    async () => {
      // given
      const key = await world.submit('e2e-newborn-withdrawn', application('陈小撤'), ALL);
      // when: the window returns it with a deadline that has passed
      await world.windowReturnsUntil(key, shanghaiTime(-60_000));
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(
        expect.arrayContaining(['Event_SupplementExpired', 'EndEvent_Withdrawn']),
      );
      expect(visited(view)).not.toContain('EndEvent_Completed');
      expect(await recordsOf('陈小撤')).toMatchObject({ certificates: [], childIdNumbers: [] });
    },
  );

  it.concurrent(
    'escalates an overdue health part to a supervisor while the work goes on to completion',
    async () => {
      // given: the health part's time limit has already run out when the window accepts
      const key = await world.submit('e2e-newborn-overdue', application('陈小迟'), ALL);
      const accepted = await world.windowDecides(key, 'accept', ALL, ['health']);
      expect(accepted.candidateGroups).toEqual(['window']);
      // when
      const supervision = await world.task(key, 'Task_HealthOverdue');
      await world.complete(supervision, { supervision: { comment: '已督办卫健窗口当日出证' } });
      await workThrough(key);
      const view = await world.finished(key);
      // then
      expect(supervision.candidateGroups).toEqual(['supervisor']);
      expect(supervision.formKey).toBe('onething:form:newborn/overdue');
      expect(view.state).toBe('COMPLETED');
      expect(rootVariables(view).supervisions).toMatchObject({
        health: { comment: '已督办卫健窗口当日出证' },
      });
      expect(await recordsOf('陈小迟')).toMatchObject({
        certificates: [expect.any(String)],
        childIdNumbers: [expect.any(String)],
        deductions: [expect.any(String)],
      });
    },
  );
});

describeFaultRun('newborn', happyPath);
