import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import { AuditEventSchema } from '../src/modules/audit/audit-event.entity.ts';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';
import { CITIZEN1_ID, MOTHER_ID, newbornData } from './support/newborn-application.ts';
import { signIn } from './support/test-app.ts';

let t: ProcessTestApp;
let citizen1: string;
let citizen2: string;
beforeAll(async () => {
  t = await startProcessTestApp(['newborn']);
  citizen1 = await signIn(t.app, 'citizen1');
  citizen2 = await signIn(t.app, 'citizen2');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function submit(cookie: string, payload: Record<string, unknown>, idempotencyKey?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/applications',
    payload,
    headers: { cookie, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
  });
}

async function countApplications(): Promise<number> {
  return t.orm.em.fork().count(ApplicationSchema, {});
}

describe('POST /api/applications', () => {
  it('refuses an invalid submission with 400 and a message per field, and stores nothing', async () => {
    // given
    const before = await countApplications();
    const data = newbornData();
    data.mother = { idNumber: '110105199003071230', name: '' };

    // when
    const response = await submit(citizen1, { bundleKey: 'newborn', data });

    // then
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('FORM_SUBMISSION_INVALID');
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['mother.idNumber', 'mother.name']));
    expect(await countApplications()).toBe(before);
  });

  it('stores a valid newborn application encrypted, starts its process and answers 201', async () => {
    // when
    const response = await submit(citizen1, { bundleKey: 'newborn', data: newbornData() });

    // then
    expect(response.statusCode).toBe(201);
    const { id, status } = response.json();
    expect(status).toBe('submitted');
    const row = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id });
    expect(row.dataCipher).not.toContain(MOTHER_ID);
    expect(row.idNumberHashes).toContain(t.personalData.hash(MOTHER_ID));
    expect(row.processInstanceKey).toMatch(/^\d+$/);
    const instance = await t.engine.inspector.getProcessInstance(row.processInstanceKey ?? '');
    expect(instance).toMatchObject({ bpmnProcessId: 'onething-newborn', state: 'ACTIVE' });
    expect(instance?.variables[row.processInstanceKey ?? '']).toMatchObject({
      applicationId: id,
      bundleKey: 'newborn',
      applicant: { idNumber: CITIZEN1_ID },
      mother: { idNumber: MOTHER_ID },
      services: expect.arrayContaining(['birthCertificate', 'householdRegistration']),
      acceptDueAt: expect.stringMatching(/\+08:00$/),
    });
  });

  it('returns the first result for a retried submission with the same Idempotency-Key', async () => {
    // given
    const before = await countApplications();
    const first = await submit(citizen1, { bundleKey: 'newborn', data: newbornData() }, 'retry-1');

    // when
    const retried = await submit(citizen1, { bundleKey: 'newborn', data: newbornData() }, 'retry-1');

    // then
    expect(first.statusCode).toBe(201);
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual(first.json());
    expect(await countApplications()).toBe(before + 1);
  });

  it('refuses staff and signed-out callers', async () => {
    const clerk = await signIn(t.app, 'window1');
    expect((await submit(clerk, { bundleKey: 'newborn', data: newbornData() })).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { bundleKey: 'newborn', data: {} },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers an unknown bundle with 404 and an unknown service with 400', async () => {
    expect((await submit(citizen1, { bundleKey: 'moving-house', data: {} })).statusCode).toBe(404);
    const response = await submit(citizen1, {
      bundleKey: 'newborn',
      data: newbornData(),
      services: ['passport'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('SERVICE_SELECTION_INVALID');
  });
});

describe('GET /api/applications', () => {
  it('shows citizen1 their application in full, with parts and timeline, and audits the read', async () => {
    // given
    const { id } = (await submit(citizen1, { bundleKey: 'newborn', data: newbornData() })).json();

    // when
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: { cookie: citizen1 },
    });

    // then
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({ id, bundleKey: 'newborn', status: 'submitted' });
    expect(detail.data.mother.idNumber).toBe(MOTHER_ID);
    expect(detail.parts).toContainEqual({
      department: 'health',
      service: 'birthCertificate',
      status: 'pending',
      result: null,
      title: { 'zh-CN': '出生医学证明', en: 'Birth medical certificate' },
      dueDate: null,
    });
    expect(detail.timeline).toEqual([{ at: expect.any(String), event: 'application.submitted', by: '王芳' }]);
    const audited = await t.orm.em
      .fork()
      .count(AuditEventSchema, { action: 'application.read', target: id, outcome: 'success' });
    expect(audited).toBe(1);
  });

  it('answers 404 to citizen2 for citizen1 application', async () => {
    // given
    const { id } = (await submit(citizen1, { bundleKey: 'newborn', data: newbornData() })).json();

    // when
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: { cookie: citizen2 },
    });

    // then
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('lists only the citizen own applications, with ID numbers masked', async () => {
    // when
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/applications',
      headers: { cookie: citizen1 },
    });
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/applications',
      headers: { cookie: citizen2 },
    });

    // then
    expect(mine.statusCode).toBe(200);
    expect(mine.json().length).toBeGreaterThan(0);
    expect(mine.body).not.toContain(MOTHER_ID);
    expect(mine.json()[0].data.mother.idNumber).toBe(
      `${MOTHER_ID.slice(0, 6)}********${MOTHER_ID.slice(14)}`,
    );
    expect(theirs.json()).toEqual([]);
  });

  it('lists newborn applications to a tax clerk without what only other departments may see', async () => {
    // given
    await submit(citizen1, { bundleKey: 'newborn', data: newbornData() });

    // when
    const tax = await signIn(t.app, 'tax1');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/applications',
      headers: { cookie: tax },
    });

    // then
    expect(response.statusCode).toBe(200);
    const [first] = response.json();
    expect(first.bundleKey).toBe('newborn');
    expect(first.data.infantCare).toEqual({ claimant: 'mother', ratio: '100' });
    expect(first.data.household?.headName).toBeUndefined();
    expect(first.data.socialSecurityCard).toBeUndefined();
  });
});
