import { demoPeople } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFaultRun,
  rootVariables,
  startBundleWorld,
  visited,
  type BundleWorld,
} from './bundle-harness.ts';

// 身后一件事 through the real engine, connectors and sandbox registries: citizen2
// 李建国 applies for his father 李德明 (a pensioner and taxpayer); the other
// scenarios use seeded residents who are employed, insured and taxpayers.

const ALL = ['deathCertificate', 'householdCancellation', 'pensionStop', 'funeralGrant', 'deductionClosure'];
const NO_PENSION = ALL.filter((service) => service !== 'pensionStop');
const APPLICANT = demoPeople.CITIZEN2;
let world: BundleWorld;
let residents: Deceased[];

interface Deceased {
  idNumber: string;
  name: string;
}

beforeAll(async () => {
  world = await startBundleWorld('after-death');
  const rows = await world.rows(
    `select e.id_number, e.name from registry_hr.employments e
     join registry_tax.taxpayers t on t.id_number = e.id_number
     where e.status = 'active' order by e.id_number limit 3`,
    [],
  );
  residents = rows.map((row) => ({ idNumber: String(row.id_number), name: String(row.name) }));
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function application(deceased: Deceased, deathCause = '心力衰竭') {
  return {
    applicant: {
      idNumber: APPLICANT.idNumber,
      name: APPLICANT.name,
      mobile: APPLICANT.mobile,
      relationship: 'child',
    },
    deceased: {
      idNumber: deceased.idNumber,
      name: deceased.name,
      deathDate: '2026-11-20',
      deathPlaceType: 'hospital',
      deathPlace: '浙江省人民医院',
      deathCause,
    },
    funeral: { home: '杭州殡仪馆', cremationDate: '2026-11-23', cremationCertificateNo: 'HZ2026112300123' },
    bankAccount: { bank: '中国工商银行杭州分行', number: '6222020200112233445', holder: APPLICANT.name },
  };
}

function resident(index: number): Deceased {
  const found = residents[index];
  if (!found) throw new Error(`the seed has fewer than ${index + 1} employed taxpayers`);
  return found;
}

async function reviewAndDeliver(instanceKey: string, on = world): Promise<void> {
  await approveCertificate(instanceKey, on);
  await approveGrantAndDeliver(instanceKey, on);
}

async function approveCertificate(instanceKey: string, on = world): Promise<void> {
  const certificate = await on.task(instanceKey, 'Task_DeathCertificateReview');
  expect(certificate.candidateGroups).toEqual(['health']);
  expect(certificate.formKey).toBe('onething:form:after-death/review-death-certificate');
  await on.complete(certificate, { review: { decision: 'approve' } });
}

async function approveGrantAndDeliver(instanceKey: string, on = world): Promise<void> {
  const grant = await on.task(instanceKey, 'Task_FuneralGrantReview');
  expect(grant.candidateGroups).toEqual(['hr']);
  await on.complete(grant, { review: { decision: 'approve' } });
  await on.deliver(instanceKey);
}

/** What each registry holds after the death, read through the query APIs and the tables. */
async function recordsOf(deceased: Deceased, on = world) {
  const person = await on.registry<{ status: string }>(`/registries/civil/persons/${deceased.idNumber}`);
  const count = (table: string, column: string) =>
    on.count(`select count(*) as n from ${table} where ${column} = $1`, [deceased.idNumber]);
  return {
    civilStatus: person.status,
    deathCertificates: await count('registry_health.death_certificates', 'deceased_id_number'),
    householdCancellations: await count('registry_civil.deaths', 'id_number'),
    pensionStops: await count('registry_hr.pension_stops', 'id_number'),
    funeralGrants: await count('registry_hr.funeral_grants', 'deceased_id_number'),
    deductionClosures: await count('registry_tax.deduction_closures', 'id_number'),
  };
}

/** The happy path; every registration happens exactly once. */
async function happyPath(on: BundleWorld, applicationId: string): Promise<void> {
  // given
  const father = demoPeople.CITIZEN2_FATHER;
  const key = await on.submit(applicationId, application(father), ALL);
  // when
  await on.windowDecides(key, 'accept', ALL);
  await reviewAndDeliver(key, on);
  const view = await on.finished(key);
  await on.clearFaults();
  // then
  expect(view.state).toBe('COMPLETED');
  expect(visited(view)).toContain('EndEvent_Completed');
  expect(await recordsOf(father, on)).toEqual({
    civilStatus: 'deceased',
    deathCertificates: 1,
    householdCancellations: 1,
    pensionStops: 1,
    funeralGrants: 1,
    deductionClosures: 1,
  });
  const certificate = await on.registry<{ deathCertificateNo: string }>(
    `/registries/health/persons/${father.idNumber}/death-certificate`,
  );
  const pension = await on.registry<{ pension: { status: string } | null }>(
    `/registries/hr/persons/${father.idNumber}/insurance`,
  );
  expect(pension.pension).toMatchObject({ status: 'stopped' });
  expect(rootVariables(view).results).toMatchObject({
    deathCertificate: {
      deathCertificateNo: certificate.deathCertificateNo,
      documentUrl: `/registries/health/documents/${certificate.deathCertificateNo}`,
    },
    householdCancellation: {
      cancellationNo: expect.stringMatching(/^ZX2026\d{8}$/),
      householdNumber: demoPeople.DEMO_HOUSEHOLDS.citizen2.number,
    },
    pensionStop: { stopNo: expect.stringMatching(/^TF2026\d{8}$/), stoppedFromMonth: '2026-12' },
    funeralGrant: {
      grantNo: expect.stringMatching(/^SZ2026\d{8}$/),
      survivorBenefit: expect.any(Number),
    },
    deductionClosure: { closureNo: expect.stringMatching(/^QX2026\d{8}$/), lastMonth: '2026-11' },
  });
}

describe('after-death bundle end to end', () => {
  it.concurrent(
    'certifies the death and closes the household, the pension and the deductions once each, granting the funeral allowance (happy path)',
    () => happyPath(world, 'e2e-after-death-happy'),
  );

  it.concurrent(
    'returns the application for correction and closes everything once the family supplements the cause of death',
    async () => {
      // given
      const deceased = resident(0);
      const key = await world.submit('e2e-after-death-return', application(deceased, '不详'), NO_PENSION);
      // when
      await world.windowDecides(key, 'return', NO_PENSION);
      await world.supplement('e2e-after-death-return', {
        deceased: application(deceased, '急性心肌梗死').deceased,
      });
      await world.windowDecides(key, 'accept', NO_PENSION);
      await reviewAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toEqual(expect.arrayContaining(['Event_Supplemented', 'EndEvent_Completed']));
      const certificate = await world.registry<{ deathCause: string }>(
        `/registries/health/persons/${deceased.idNumber}/death-certificate`,
      );
      expect(certificate.deathCause).toBe('急性心肌梗死');
      expect(await recordsOf(deceased)).toEqual({
        civilStatus: 'deceased',
        deathCertificates: 1,
        householdCancellations: 1,
        pensionStops: 0,
        funeralGrants: 1,
        deductionClosures: 1,
      });
    },
  );

  it.concurrent(
    'hands the hr rejection of a pension stop for someone without a pension to the hr clerk and completes the rest when abandoned',
    async () => {
      // given: an employed resident never claimed a pension
      const deceased = resident(1);
      const key = await world.submit('e2e-after-death-rejected', application(deceased), ALL);
      await world.windowDecides(key, 'accept', ALL);
      await approveCertificate(key);
      // when
      const rejection = await world.task(key, 'Task_PensionStopResolve');
      await world.complete(rejection, {
        resolution: { decision: 'abandon', comment: '逝者未领取养老金，无需停发' },
      });
      await approveGrantAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(rejection.candidateGroups).toEqual(['hr']);
      expect(rejection.formKey).toBe('onething:form:after-death/registry-rejection');
      expect(view.state).toBe('COMPLETED');
      expect(visited(view)).toContain('Event_PensionStopRejected');
      expect(rootVariables(view).registryErrors).toMatchObject({
        pensionStop: { registry: 'hr', code: expect.stringMatching(/^[A-Z_]+$/) },
      });
      expect(rootVariables(view).resolutions).toMatchObject({ pensionStop: { decision: 'abandon' } });
      expect(await recordsOf(deceased)).toEqual({
        civilStatus: 'deceased',
        deathCertificates: 1,
        householdCancellations: 1,
        pensionStops: 0,
        funeralGrants: 1,
        deductionClosures: 1,
      });
    },
  );

  it.concurrent(
    'escalates an overdue health part to a supervisor while the work goes on to completion',
    async () => {
      // given: the health part's time limit has already run out when the window accepts
      const deceased = resident(2);
      const key = await world.submit('e2e-after-death-overdue', application(deceased), NO_PENSION);
      await world.windowDecides(key, 'accept', NO_PENSION, ['health']);
      // when
      const supervision = await world.task(key, 'Task_HealthOverdue');
      await world.complete(supervision, { supervision: { comment: '已督办死亡医学证明出具' } });
      await reviewAndDeliver(key);
      const view = await world.finished(key);
      // then
      expect(supervision.candidateGroups).toEqual(['supervisor']);
      expect(supervision.formKey).toBe('onething:form:after-death/overdue');
      expect(view.state).toBe('COMPLETED');
      expect(rootVariables(view).supervisions).toMatchObject({
        health: { comment: '已督办死亡医学证明出具' },
      });
      expect(await recordsOf(deceased)).toEqual({
        civilStatus: 'deceased',
        deathCertificates: 1,
        householdCancellations: 1,
        pensionStops: 0,
        funeralGrants: 1,
        deductionClosures: 1,
      });
    },
  );
});

describeFaultRun('after-death', happyPath);
