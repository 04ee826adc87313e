import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { MOTHER_ID, newbornData } from './support/newborn-application.ts';
import { signIn } from './support/test-app.ts';

let t: ProcessTestApp;
let bridge: UserTaskBridge;
let window1: string;
let hr1: string;
beforeAll(async () => {
  t = await startProcessTestApp(['newborn']);
  bridge = startTestTaskBridge(t);
  window1 = await signIn(t.app, 'window1');
  hr1 = await signIn(t.app, 'hr1');
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  await t?.close();
});

interface TaskSummary {
  id: string;
  name: string;
  applicationId: string | null;
  candidateGroups: string[];
  assignee: string | null;
}

async function tasks(cookie: string, state = 'open'): Promise<TaskSummary[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/tasks?state=${state}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Waits until the bridge has a task for the application (it polls the engine). */
async function windowTask(applicationId: string): Promise<TaskSummary> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const found = (await tasks(window1)).find((task) => task.applicationId === applicationId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no window task for ${applicationId}`);
}

async function apply(): Promise<string> {
  const citizen1 = await signIn(t.app, 'citizen1');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/applications',
    payload: { bundleKey: 'newborn', data: newbornData() },
    headers: { cookie: citizen1 },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

function post(url: string, cookie: string, payload?: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

describe('the window acceptance task', () => {
  it('reaches the window clerk with its form and the application data', async () => {
    // given
    const applicationId = await apply();

    // when
    const task = await windowTask(applicationId);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: window1 },
    });

    // then
    expect(task).toMatchObject({ name: '综窗受理', candidateGroups: ['window'], assignee: null });
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.form.components.map((c: { key?: string }) => c.key)).toContain('acceptance.decision');
    expect(body.data.mother.idNumber).toBe(MOTHER_ID);
    expect(body.history.map((entry: { event: string }) => entry.event)).toEqual(['application.submitted']);
  });

  it('is hidden from an hr clerk (404, not 403)', async () => {
    // given
    const task = await windowTask(await apply());

    // when
    const list = await tasks(hr1);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: hr1 },
    });
    const claim = await post(`/api/tasks/${task.id}/claim`, hr1);

    // then
    expect(list.map((entry) => entry.id)).not.toContain(task.id);
    expect(detail.statusCode).toBe(404);
    expect(claim.statusCode).toBe(404);
  });

  it('is claimed and accepted by the window clerk, which starts the department work', async () => {
    // given
    const applicationId = await apply();
    const task = await windowTask(applicationId);

    // when
    const early = await post(`/api/tasks/${task.id}/complete`, window1, {
      variables: { acceptance: { decision: 'accept' } },
    });
    const claim = await post(`/api/tasks/${task.id}/claim`, window1);
    const invalid = await post(`/api/tasks/${task.id}/complete`, window1, { variables: { acceptance: {} } });
    const complete = await post(`/api/tasks/${task.id}/complete`, window1, {
      variables: { acceptance: { decision: 'accept', comment: '材料齐全' } },
    });

    // then
    expect(early.statusCode).toBe(409);
    expect(claim.statusCode).toBe(204);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toHaveProperty(['acceptance.decision']);
    expect(complete.statusCode).toBe(204);
    expect((await tasks(window1, 'done')).map((entry) => entry.id)).toContain(task.id);
    const application = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: applicationId });
    // The departments' work shows as `processing` once it starts (the application-progress worker).
    expect(application.status).toBe('accepted');
    const instance = await t.engine.inspector.getProcessInstance(application.processInstanceKey ?? '');
    const root = instance?.variables[application.processInstanceKey ?? ''];
    expect(root?.acceptance).toMatchObject({ decision: 'accept', comment: '材料齐全' });
    expect(root?.parts).toHaveProperty('health.dueAt');
    expect(
      instance?.elements.some(
        (element) => element.elementId === 'Task_WindowAccept' && element.state === 'COMPLETED',
      ),
    ).toBe(true);
  });

  it('releases a claimed task back to the group, and refuses releasing it twice', async () => {
    // given
    const task = await windowTask(await apply());
    expect((await post(`/api/tasks/${task.id}/claim`, window1)).statusCode).toBe(204);

    // when
    const unclaim = await post(`/api/tasks/${task.id}/unclaim`, window1);
    const again = await post(`/api/tasks/${task.id}/unclaim`, window1);

    // then
    expect(unclaim.statusCode).toBe(204);
    expect(again.statusCode).toBe(409);
    expect((await windowTask(task.applicationId ?? '')).assignee).toBeNull();
  });
});

describe('return for correction and supplement', () => {
  it('returns the application to the citizen, who supplements it back to the window', async () => {
    // given
    const applicationId = await apply();
    const task = await windowTask(applicationId);
    expect((await post(`/api/tasks/${task.id}/claim`, window1)).statusCode).toBe(204);
    const citizen1 = await signIn(t.app, 'citizen1');
    const citizen2 = await signIn(t.app, 'citizen2');
    const tooEarly = await post(`/api/applications/${applicationId}/supplement`, citizen1, {
      data: newbornData(),
    });

    // when the window returns it
    const returned = await post(`/api/tasks/${task.id}/return`, window1, { reason: '请补充出生医院名称' });

    // then
    expect(tooEarly.statusCode).toBe(409);
    expect(returned.statusCode).toBe(204);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${applicationId}`,
      headers: { cookie: citizen1 },
    });
    expect(detail.json()).toMatchObject({
      status: 'returned',
      returnReason: '请补充出生医院名称',
      returnedFields: [],
    });

    // when the citizen supplements (and another citizen tries to)
    const corrected = newbornData();
    const stranger = await post(`/api/applications/${applicationId}/supplement`, citizen2, {
      data: corrected,
    });
    const supplemented = await post(`/api/applications/${applicationId}/supplement`, citizen1, {
      data: corrected,
    });

    // then a new acceptance task waits at the window
    expect(stranger.statusCode).toBe(404);
    expect(supplemented.statusCode).toBe(200);
    const next = await eventuallyNewWindowTask(applicationId, task.id);
    expect(next.name).toBe('综窗受理');
    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${applicationId}`,
      headers: { cookie: citizen1 },
    });
    expect(timeline.json().timeline.map((entry: { event: string }) => entry.event)).toEqual([
      'application.submitted',
      'application.returned',
      'application.supplemented',
    ]);
    expect(timeline.json().status).toBe('submitted');
  });
});

describe('a return naming the fields to fix', () => {
  it('shows the citizen the reason and the fields, and keeps them with the process', async () => {
    // given
    const applicationId = await apply();
    const task = await windowTask(applicationId);
    expect((await post(`/api/tasks/${task.id}/claim`, window1)).statusCode).toBe(204);
    const citizen1 = await signIn(t.app, 'citizen1');

    // when
    const returned = await post(`/api/tasks/${task.id}/return`, window1, {
      reason: '出生医院名称与分娩记录不一致',
      fields: ['child.birthHospital', 'household.address', 'child.birthHospital'],
    });

    // then
    expect(returned.statusCode, returned.body).toBe(204);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${applicationId}`,
      headers: { cookie: citizen1 },
    });
    expect(detail.json()).toMatchObject({
      status: 'returned',
      returnReason: '出生医院名称与分娩记录不一致',
      returnedFields: ['child.birthHospital', 'household.address'],
    });
    const application = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: applicationId });
    const instance = await t.engine.inspector.getProcessInstance(application.processInstanceKey ?? '');
    expect(instance?.variables[application.processInstanceKey ?? '']?.acceptance).toMatchObject({
      decision: 'return',
      fields: ['child.birthHospital', 'household.address'],
    });
  });

  it("refuses a key that is not in the application's form (400) and leaves the task open", async () => {
    // given
    const applicationId = await apply();
    const task = await windowTask(applicationId);
    expect((await post(`/api/tasks/${task.id}/claim`, window1)).statusCode).toBe(204);

    // when
    const returned = await post(`/api/tasks/${task.id}/return`, window1, {
      reason: '请核对',
      fields: ['child.birthHospital', 'child.favouriteColour'],
    });

    // then
    expect(returned.statusCode).toBe(400);
    expect(returned.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(returned.json().error.fields.fields).toContain('child.favouriteColour');
    expect(returned.json().error.fields.fields).not.toContain('child.birthHospital');
    expect((await windowTask(applicationId)).id).toBe(task.id);
    const application = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: applicationId });
    expect(application.status).toBe('submitted');
  });

  it('knows only the keys of the services the citizen chose', async () => {
    // given an application for the birth certificate alone (no household registration)
    const citizen1 = await signIn(t.app, 'citizen1');
    const { applicant, mother, father, child } = newbornData();
    const submitted = await post('/api/applications', citizen1, {
      bundleKey: 'newborn',
      data: { applicant, mother, father, child },
      services: ['birthCertificate'],
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const task = await windowTask(submitted.json().id);
    expect((await post(`/api/tasks/${task.id}/claim`, window1)).statusCode).toBe(204);

    // when
    const returned = await post(`/api/tasks/${task.id}/return`, window1, {
      reason: '请核对',
      fields: ['household.address'],
    });

    // then
    expect(returned.statusCode).toBe(400);
    expect(returned.json().error.fields.fields).toContain('household.address');
  });
});

async function eventuallyNewWindowTask(applicationId: string, previousId: string): Promise<TaskSummary> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const found = (await tasks(window1)).find(
      (task) => task.applicationId === applicationId && task.id !== previousId,
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no new window task for ${applicationId}`);
}
