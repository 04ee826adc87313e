import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from './support/database.ts';
import { createSeeder, type Seeder } from './support/seeder.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

// Approval opinions (审批意见) on tasks, kept with the application.

let t: TestApp;
let seeder: Seeder;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  seeder = createSeeder(t.orm, t.personalData);
  for (const username of ['citizen1', 'window1', 'hr1', 'civil1'])
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
    post: (url: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie }, payload }),
  };
}

describe('comments on a task', () => {
  it("are kept with the application: the window's task shows what hr wrote on its own", async () => {
    // given an application with an hr task and a window task
    const applicationId = await seeder.application({ owner: 'citizen1', status: 'processing' });
    const hrTask = await seeder.task({ candidateGroups: ['hr'], applicationId });
    const windowTask = await seeder.task({ candidateGroups: ['window'], applicationId });

    // when
    const written = await as('hr1').post(`/api/tasks/${hrTask}/comments`, {
      text: '缴费记录已核实，同意办理',
    });
    const onHrTask = await as('hr1').get(`/api/tasks/${hrTask}/comments`);
    const onWindowTask = await as('window1').get(`/api/tasks/${windowTask}/comments`);
    const windowDetail = await as('window1').get(`/api/tasks/${windowTask}`);

    // then
    expect(written.statusCode).toBe(201);
    const comment = {
      id: expect.any(String),
      at: expect.any(String),
      author: 'hr1',
      authorName: '人社经办员 (HR clerk)',
      group: 'hr',
      text: '缴费记录已核实，同意办理',
    };
    expect(written.json()).toEqual(comment);
    expect(onHrTask.json()).toEqual([comment]);
    expect(onWindowTask.json()).toEqual([comment]);
    expect(windowDetail.json().comments).toEqual([comment]);
  });

  it("show in staff views of the application and not in the citizen's", async () => {
    // given
    const applicationId = await seeder.application({ owner: 'citizen1', status: 'processing' });
    const task = await seeder.task({ candidateGroups: ['hr'], applicationId });
    await as('hr1').post(`/api/tasks/${task}/comments`, { text: '请补充解除劳动合同证明' });

    // when
    const staff = await as('hr1').get(`/api/applications/${applicationId}`);
    const citizen = await as('citizen1').get(`/api/applications/${applicationId}`);

    // then
    expect(staff.json().comments.map((c: { text: string }) => c.text)).toEqual(['请补充解除劳动合同证明']);
    expect(citizen.statusCode).toBe(200);
    expect(citizen.json()).not.toHaveProperty('comments');
  });

  it('are refused to clerks of other groups (404) and to citizens (403)', async () => {
    const task = await seeder.task({ candidateGroups: ['hr'] });

    expect((await as('civil1').post(`/api/tasks/${task}/comments`, { text: '越权' })).statusCode).toBe(404);
    expect((await as('civil1').get(`/api/tasks/${task}/comments`)).statusCode).toBe(404);
    expect((await as('citizen1').get(`/api/tasks/${task}/comments`)).statusCode).toBe(403);
  });

  it('must have 1 to 1000 characters', async () => {
    const task = await seeder.task({ candidateGroups: ['hr'] });

    expect((await as('hr1').post(`/api/tasks/${task}/comments`, { text: '' })).statusCode).toBe(400);
    expect(
      (await as('hr1').post(`/api/tasks/${task}/comments`, { text: '意'.repeat(1001) })).statusCode,
    ).toBe(400);
    expect((await as('hr1').get(`/api/tasks/${task}/comments`)).json()).toEqual([]);
  });

  it('of a task without an application stay with that task', async () => {
    const lone = await seeder.task({ candidateGroups: ['hr'] });
    const other = await seeder.task({ candidateGroups: ['hr'] });

    await as('hr1').post(`/api/tasks/${lone}/comments`, { text: '仅本任务' });

    expect((await as('hr1').get(`/api/tasks/${lone}/comments`)).json()).toHaveLength(1);
    expect((await as('hr1').get(`/api/tasks/${other}/comments`)).json()).toEqual([]);
  });

  it('are audited and cannot be changed afterwards', async () => {
    // given
    const task = await seeder.task({ candidateGroups: ['hr'] });
    const written = await as('hr1').post(`/api/tasks/${task}/comments`, { text: '同意' });

    // then
    await withClient(t.database.url, async (client) => {
      const audit = await client.query(
        "select actor_name, details->>'commentId' as comment from app.audit_event where action = 'task.comment' and target = $1",
        [task],
      );
      expect(audit.rows).toEqual([{ actor_name: 'hr1', comment: written.json().id }]);
      await expect(client.query("update app.application_comment set text = '不同意'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('delete from app.application_comment')).rejects.toThrow(/append-only/);
    });
  });
});
