import { demoPeople } from '@onething/registries';
import { acceptanceVariables, loadBundle } from '@onething/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserTaskSchema } from '../src/modules/tasks/user-task.entity.ts';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { shanghaiTime } from './bundles/bundle-harness.ts';
import { createSeeder } from './support/seeder.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { signIn } from './support/test-app.ts';

// Supervisors work the tasks of the `supervisor` group: the BPMN escalation
// of an overdue part (督办) reaches supervisor1 and no department clerk.

const SERVICES = ['pensionEligibility', 'pensionClaim'];
let t: ProcessTestApp;
let bridge: UserTaskBridge;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startProcessTestApp(['retirement']);
  bridge = startTestTaskBridge(t, {
    renewEveryMs: 200,
    // Every open task is due for renewal at each round: a follow-up must still be left alone.
    renewBeforeMs: 48 * 60 * 60 * 1000,
  });
  for (const username of ['citizen2', 'supervisor1', 'hr1'])
    cookies[username] = await signIn(t.app, username);
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  await t?.close();
});

function as(username: string) {
  const cookie = cookies[username];
  if (cookie === undefined) throw new Error(`not signed in: ${username}`);
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload?: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) }),
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function taskRow(applicationId: string, elementId: string) {
  return until(`${elementId} of ${applicationId}`, async () => {
    const row = await t.orm.em.fork().findOne(UserTaskSchema, { applicationId, elementId, state: 'open' });
    return row ?? undefined;
  });
}

describe('an overdue escalation', () => {
  it('is visible to the supervisor, who completes it, and hidden from the hr clerk', async () => {
    // given citizen2 applies to retire
    const citizen2 = demoPeople.CITIZEN2;
    const submitted = await as('citizen2').post('/api/applications', {
      bundleKey: 'retirement',
      services: SERVICES,
      data: {
        applicant: {
          idNumber: citizen2.idNumber,
          name: citizen2.name,
          mobile: '13800000002',
          sex: citizen2.sex,
          birthDate: citizen2.birthDate,
        },
        retirement: { type: 'statutory', date: '2026-12-15', contributionMonths: 456 },
        bankAccount: { bank: '中国工商银行杭州分行', number: '6222020200112233445', holder: citizen2.name },
      },
    });
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    const applicationId: string = submitted.json().id;
    // and the window accepts it with the hr part's time limit already run out (as the bundle tests drive it)
    const accept = await taskRow(applicationId, 'Task_WindowAccept');
    const variables = acceptanceVariables(
      loadBundle('retirement').manifest,
      'accept',
      new Date(),
      SERVICES,
      {},
    );
    await t.zeebe.completeJob({
      jobKey: accept.jobKey ?? '',
      variables: { ...variables, parts: { hr: { dueAt: shanghaiTime(-60_000) } } },
    });

    // when the engine escalates
    const escalation = await taskRow(applicationId, 'Task_HrOverdue');
    const supervisorList = await as('supervisor1').get('/api/tasks');
    const hrList = await as('hr1').get('/api/tasks');
    const hrDetail = await as('hr1').get(`/api/tasks/${escalation.id}`);
    const detail = await as('supervisor1').get(`/api/tasks/${escalation.id}`);
    const claim = await as('supervisor1').post(`/api/tasks/${escalation.id}/claim`);
    const complete = await as('supervisor1').post(`/api/tasks/${escalation.id}/complete`, {
      variables: { supervision: { comment: '已督办养老金核定' } },
    });

    // then
    expect(supervisorList.json()).toContainEqual(
      expect.objectContaining({ id: escalation.id, name: '督办：人社超时', candidateGroups: ['supervisor'] }),
    );
    expect(hrList.json().map((task: { id: string }) => task.id)).not.toContain(escalation.id);
    expect(hrDetail.statusCode).toBe(404);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().data).toMatchObject({ department: 'hr', departmentName: '人社' });
    expect(detail.json().data.applicant.idNumber).not.toBe(citizen2.idNumber);
    expect(claim.statusCode).toBe(204);
    expect(complete.statusCode).toBe(204);
    const done = await t.orm.em.fork().findOneOrFail(UserTaskSchema, { id: escalation.id });
    expect(done).toMatchObject({ state: 'completed', completedBy: '监督员 (supervisor)' });
  }, 60_000);
});

describe('a follow-up of a low rating', () => {
  it('is left open by the bridge, which renews and cancels only engine jobs', async () => {
    // given
    const seeder = createSeeder(t.orm, t.personalData);
    const applicationId = await seeder.application({ owner: 'citizen2', status: 'completed' });
    await as('citizen2').post(`/api/applications/${applicationId}/rating`, { score: 1 });

    // when several renewal rounds pass
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // then
    const followUp = await t.orm.em.fork().findOneOrFail(UserTaskSchema, { applicationId, origin: 'rating' });
    expect(followUp).toMatchObject({ state: 'open', jobKey: null, jobDeadline: null });
  });
});
