import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { newbornData } from './support/newborn-application.ts';
import {
  ADDED_FIELD as ADDED,
  claimWindowTask,
  publishEdited,
  removeAndAddField,
  REMOVED_FIELD as REMOVED,
} from './support/publication.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { signIn } from './support/test-app.ts';

// The fields a clerk may name when returning an application are those of the
// combined form of the bundle version the application was filed under, not
// of the catalogue's current version: the task detail lists them, and the
// return accepts exactly those.

interface ReturnField {
  key: string;
  label: { 'zh-CN': string; en: string };
  section: { id: string; title: { 'zh-CN': string; en: string } } | null;
}

let t: ProcessTestApp;
let bridge: UserTaskBridge;
let citizen1: string;
let window1: string;
let onFirstVersion: string;
let onSecondVersion: string;

beforeAll(async () => {
  t = await startProcessTestApp(['newborn']);
  bridge = startTestTaskBridge(t);
  citizen1 = await signIn(t.app, 'citizen1');
  window1 = await signIn(t.app, 'window1');
  const designer = await signIn(t.app, 'designer1');

  // given an application filed under version 1
  onFirstVersion = await apply(newbornData());

  // and version 2, published since, with one field removed and one added
  const version = await publishEdited(t.app, designer, 'newborn', removeAndAddField);
  expect(version).toBe(2);

  // and an application filed under version 2
  onSecondVersion = await apply(onVersion2());
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  await t?.close();
});

/** A newborn application as version 2 asks it: no delivery address, the birth weight. */
function onVersion2(): Record<string, unknown> {
  const data = newbornData();
  const child = typeof data.child === 'object' && data.child !== null ? data.child : {};
  return { ...data, child: { ...child, birthWeight: 3200 }, socialSecurityCard: { bank: '中国工商银行' } };
}

function post(url: string, cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}

async function apply(data: Record<string, unknown>): Promise<string> {
  const response = await post('/api/applications', citizen1, { bundleKey: 'newborn', data });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function returnFields(taskId: string): Promise<ReturnField[]> {
  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/tasks/${taskId}`,
    headers: { cookie: window1 },
  });
  expect(detail.statusCode, detail.body).toBe(200);
  return detail.json().returnFields;
}

const keys = (fields: readonly ReturnField[]) => fields.map((field) => field.key);

describe('the window task of an application filed before a republication', () => {
  let taskId: string;
  beforeAll(async () => {
    taskId = await claimWindowTask(t.app, window1, onFirstVersion);
  });

  it("offers the fields of the application's own version, labelled as its form labels them", async () => {
    // when
    const fields = await returnFields(taskId);

    // then
    expect(keys(fields)).toContain(REMOVED);
    expect(keys(fields)).not.toContain(ADDED);
    expect(fields.find((field) => field.key === REMOVED)).toEqual({
      key: REMOVED,
      label: { 'zh-CN': '社保卡邮寄地址', en: 'Card delivery address' },
      section: { id: 'Group_hr', title: expect.objectContaining({ 'zh-CN': expect.any(String) }) },
    });
    expect(fields.find((field) => field.key === 'child.name')?.section?.id).toBe('Group_shared');
  });

  it('refuses a return naming a field only the new version has, naming it and the version', async () => {
    // when
    const refused = await post(`/api/tasks/${taskId}/return`, window1, {
      reason: '请填写新生儿出生体重',
      fields: ['child.name', ADDED],
    });

    // then
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.fields).toContain(ADDED);
    expect(error.fields.fields).toContain('version 1');
    expect(error.fields.fields).not.toContain('child.name');
  });

  it('accepts a return naming fields of its version, the removed one included', async () => {
    // when
    const returned = await post(`/api/tasks/${taskId}/return`, window1, {
      reason: '请核对社保卡邮寄地址',
      fields: [REMOVED, 'child.name'],
    });

    // then the citizen is asked to correct exactly those
    expect(returned.statusCode, returned.body).toBe(204);
    const application = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${onFirstVersion}`,
      headers: { cookie: citizen1 },
    });
    expect(application.json()).toMatchObject({ status: 'returned', returnedFields: [REMOVED, 'child.name'] });
  });
});

describe('the window task of an application filed after the republication', () => {
  it('offers the new version’s fields and refuses the removed one', async () => {
    // given
    const taskId = await claimWindowTask(t.app, window1, onSecondVersion);

    // when
    const fields = await returnFields(taskId);
    const refused = await post(`/api/tasks/${taskId}/return`, window1, {
      reason: '请核对社保卡邮寄地址',
      fields: [REMOVED],
    });

    // then
    expect(keys(fields)).toContain(ADDED);
    expect(keys(fields)).not.toContain(REMOVED);
    expect(fields.find((field) => field.key === ADDED)?.label).toEqual({
      'zh-CN': '出生体重（克）',
      en: 'Birth weight (g)',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.fields).toContain(REMOVED);
    expect(refused.json().error.fields.fields).toContain('version 2');
  });
});
