import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserTaskSchema } from '../src/modules/tasks/user-task.entity.ts';
import { withClient } from './support/database.ts';
import { createSeeder, type Seeder } from './support/seeder.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

// Ratings (好差评) and the supervisors' follow-up of a low one, with no
// engine at all: the follow-up is a task of the api alone.

let t: TestApp;
let seeder: Seeder;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  seeder = createSeeder(t.orm, t.personalData);
  for (const username of ['citizen1', 'citizen2', 'hr1', 'supervisor1'])
    cookies[username] = await signIn(t.app, username);
});
afterAll(async () => {
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

async function followUpsOf(applicationId: string) {
  return t.orm.em.fork().find(UserTaskSchema, { applicationId, origin: 'rating' });
}

describe('rating a completed application', () => {
  it('records the score once and shows it in the application detail', async () => {
    // given
    const id = await seeder.application({ owner: 'citizen1', status: 'completed' });

    // when
    const rated = await as('citizen1').post(`/api/applications/${id}/rating`, {
      score: 5,
      comment: ' 一次办好，很方便 ',
    });
    const again = await as('citizen1').post(`/api/applications/${id}/rating`, { score: 1 });
    const detail = await as('citizen1').get(`/api/applications/${id}`);

    // then
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toEqual({ score: 5, comment: '一次办好，很方便', ratedAt: expect.any(String) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');
    expect(detail.json().rating).toEqual(rated.json());
    expect(detail.json().timeline.map((entry: { event: string }) => entry.event)).toContain(
      'application.rated',
    );
    expect(await followUpsOf(id)).toEqual([]);
  });

  it('refuses an application that is not completed yet', async () => {
    const id = await seeder.application({ owner: 'citizen1', status: 'processing' });

    const response = await as('citizen1').post(`/api/applications/${id}/rating`, { score: 4 });

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('NOT_COMPLETED');
    expect((await as('citizen1').get(`/api/applications/${id}`)).json().rating).toBeNull();
  });

  it("answers 404 for someone else's application and 400 for a score outside 1..5", async () => {
    const id = await seeder.application({ owner: 'citizen1', status: 'completed' });

    expect((await as('citizen2').post(`/api/applications/${id}/rating`, { score: 3 })).statusCode).toBe(404);
    expect((await as('citizen1').post(`/api/applications/${id}/rating`, { score: 6 })).statusCode).toBe(400);
    expect((await as('citizen1').post(`/api/applications/${id}/rating`, { score: 0 })).statusCode).toBe(400);
  });

  it('is audited and kept append-only', async () => {
    // given
    const id = await seeder.application({ owner: 'citizen1', status: 'completed' });
    await as('citizen1').post(`/api/applications/${id}/rating`, { score: 3 });

    // then
    await withClient(t.database.url, async (client) => {
      const audit = await client.query(
        "select actor_name, details from app.audit_event where action = 'application.rate' and target = $1",
        [id],
      );
      expect(audit.rows).toEqual([{ actor_name: 'citizen1', details: { score: 3 } }]);
      await expect(
        client.query('update app.application_rating set score = 5 where application_id = $1', [id]),
      ).rejects.toThrow(/append-only/);
    });
  });
});

describe('the follow-up of a low rating', () => {
  it('opens a supervisor task that supervisors claim and complete without an engine', async () => {
    // given
    const id = await seeder.application({ owner: 'citizen1', status: 'completed' });

    // when
    const rated = await as('citizen1').post(`/api/applications/${id}/rating`, {
      score: 2,
      comment: '跑了两趟',
    });
    const [followUp] = await followUpsOf(id);
    if (followUp === undefined) throw new Error('no follow-up task');
    const supervisorList = await as('supervisor1').get('/api/tasks');
    const hrList = await as('hr1').get('/api/tasks');
    const detail = await as('supervisor1').get(`/api/tasks/${followUp.id}`);
    const claim = await as('supervisor1').post(`/api/tasks/${followUp.id}/claim`);
    const incomplete = await as('supervisor1').post(`/api/tasks/${followUp.id}/complete`, {
      variables: { followUp: { outcome: 'resolved' } },
    });
    const complete = await as('supervisor1').post(`/api/tasks/${followUp.id}/complete`, {
      variables: { followUp: { outcome: 'explained', note: '已电话回访，解释了两次到场的原因' } },
    });

    // then
    expect(rated.statusCode).toBe(201);
    expect(followUp).toMatchObject({
      origin: 'rating',
      jobKey: null,
      candidateGroups: ['supervisor'],
      name: '差评回访',
    });
    expect(supervisorList.json().map((task: { id: string }) => task.id)).toContain(followUp.id);
    expect(hrList.json().map((task: { id: string }) => task.id)).not.toContain(followUp.id);
    expect((await as('hr1').get(`/api/tasks/${followUp.id}`)).statusCode).toBe(404);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().data.rating).toEqual({ score: 2, comment: '跑了两趟' });
    expect(detail.json().data.applicant.idNumber).toMatch(/\*{8}/);
    expect(detail.json().form.components.map((component: { key?: string }) => component.key)).toContain(
      'followUp.note',
    );
    expect(claim.statusCode).toBe(204);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toHaveProperty(['followUp.note']);
    expect(complete.statusCode).toBe(204);
    const done = (await as('supervisor1').get('/api/tasks?state=done')).json();
    expect(done.map((task: { id: string }) => task.id)).toContain(followUp.id);
  });

  it("puts the supervisor's note among the application's comments for staff, not for the citizen", async () => {
    // given a low rating followed up
    const id = await seeder.application({ owner: 'citizen1', status: 'completed' });
    await as('citizen1').post(`/api/applications/${id}/rating`, { score: 1 });
    const [followUp] = await followUpsOf(id);
    if (followUp === undefined) throw new Error('no follow-up task');
    await as('supervisor1').post(`/api/tasks/${followUp.id}/claim`);
    await as('supervisor1').post(`/api/tasks/${followUp.id}/complete`, {
      variables: { followUp: { outcome: 'unreachable', note: '三次致电未接通' } },
    });

    // when
    const staff = await as('hr1').get(`/api/applications/${id}`);
    const citizen = await as('citizen1').get(`/api/applications/${id}`);

    // then
    expect(staff.json().comments).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        author: 'supervisor1',
        authorName: '监督员 (supervisor)',
        group: 'supervisor',
        text: '三次致电未接通',
      },
    ]);
    expect(citizen.json()).not.toHaveProperty('comments');
    expect(citizen.json().timeline.map((entry: { event: string }) => entry.event)).toContain(
      'rating.followed_up',
    );
  });
});
