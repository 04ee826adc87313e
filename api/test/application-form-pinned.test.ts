import { isContainer, isKeyed, parseFormSchema, validateSubmission, type FormSchema } from '@onething/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { newbornData } from './support/newborn-application.ts';
import {
  ADDED_FIELD,
  claimWindowTask,
  publishEdited,
  removeAndAddField,
  REMOVED_FIELD,
} from './support/publication.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { signIn } from './support/test-app.ts';

// The citizen corrects a returned application in the combined form of the
// bundle version it was filed under (GET /api/applications/:id/form), not in
// the catalogue's current one: after a republication that removed a field and
// added one, the form offered is the one the supplement is checked against.

let t: ProcessTestApp;
let bridge: UserTaskBridge;
let citizen1: string;
let onFirstVersion: string;
let birthCertificateOnly: string;

beforeAll(async () => {
  t = await startProcessTestApp(['newborn']);
  bridge = startTestTaskBridge(t);
  citizen1 = await signIn(t.app, 'citizen1');
  const window1 = await signIn(t.app, 'window1');
  const designer = await signIn(t.app, 'designer1');

  // given an application filed under version 1
  const filed = await post('/api/applications', citizen1, { bundleKey: 'newborn', data: newbornData() });
  expect(filed.statusCode, filed.body).toBe(201);
  onFirstVersion = filed.json().id;

  // and one filed under version 1 for the birth certificate alone
  const { applicant, mother, father, child } = newbornData();
  const alone = await post('/api/applications', citizen1, {
    bundleKey: 'newborn',
    data: { applicant, mother, father, child },
    services: ['birthCertificate'],
  });
  expect(alone.statusCode, alone.body).toBe(201);
  birthCertificateOnly = alone.json().id;

  // and version 2, published since, with one field removed and one added
  expect(await publishEdited(t.app, designer, 'newborn', removeAndAddField)).toBe(2);

  // and the window returning the application, asking to correct the removed field
  const task = await claimWindowTask(t.app, window1, onFirstVersion);
  const returned = await post(`/api/tasks/${task}/return`, window1, {
    reason: '请核对社保卡邮寄地址',
    fields: [REMOVED_FIELD],
  });
  expect(returned.statusCode, returned.body).toBe(204);
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  await t?.close();
});

function post(url: string, cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

/** A form as a form-js viewer would get it: checked by the forms package. */
function formOf(json: unknown): FormSchema {
  const parsed = parseFormSchema(json);
  if (!parsed.ok) throw new Error(`not a form: ${JSON.stringify(parsed.problems)}`);
  return parsed.schema;
}

/** The value keys a form asks, wherever they sit. */
function keysOf(components: FormSchema['components'], prefix = ''): string[] {
  return components.flatMap((component): string[] => {
    if (isKeyed(component)) return [prefix + component.key];
    if (!isContainer(component)) return [];
    return keysOf(component.components, component.path ? `${prefix}${component.path}.` : prefix);
  });
}

describe("the citizen's form of an application filed before a republication", () => {
  it("is the combined form of the application's own version and services", async () => {
    // when
    const answer = await get(`/api/applications/${onFirstVersion}/form`, citizen1);
    const detail = await get(`/api/applications/${onFirstVersion}`, citizen1);
    const current = await get('/api/bundles/newborn', citizen1);

    // then it asks the removed field and not the added one, unlike the catalogue's form
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ bundleKey: 'newborn', version: 1 });
    expect(body.services).toEqual(detail.json().services);
    const keys = keysOf(formOf(body.form).components);
    expect(keys).toContain(REMOVED_FIELD);
    expect(keys).not.toContain(ADDED_FIELD);
    const currentKeys = keysOf(formOf(current.json().form).components);
    expect(currentKeys).toContain(ADDED_FIELD);
    expect(currentKeys).not.toContain(REMOVED_FIELD);
  });

  it('asks only the fields of the services the application chose', async () => {
    // when
    const answer = await get(`/api/applications/${birthCertificateOnly}/form`, citizen1);

    // then
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ version: 1, services: ['birthCertificate'] });
    const keys = keysOf(formOf(answer.json().form).components);
    expect(keys).toContain('child.name');
    expect(keys).not.toContain('household.address');
    expect(keys).not.toContain(REMOVED_FIELD);
  });

  it('takes a supplement made in that form, with the removed field corrected', async () => {
    // given the citizen's answers with the address corrected, as the form submits them
    const form = formOf((await get(`/api/applications/${onFirstVersion}/form`, citizen1)).json().form);
    const detail = (await get(`/api/applications/${onFirstVersion}`, citizen1)).json();
    const corrected = {
      ...detail.data,
      socialSecurityCard: {
        ...detail.data.socialSecurityCard,
        deliveryAddress: '浙江省杭州市上城区解放路 8 号',
      },
    };
    const inForm = validateSubmission(form, corrected);
    expect(inForm.errors).toEqual({});

    // when
    const supplemented = await post(`/api/applications/${onFirstVersion}/supplement`, citizen1, {
      data: inForm.data,
    });

    // then the api accepts it and keeps the corrected address
    expect(supplemented.statusCode, supplemented.body).toBe(200);
    const after = (await get(`/api/applications/${onFirstVersion}`, citizen1)).json();
    expect(after.status).toBe('submitted');
    expect(after.data.socialSecurityCard.deliveryAddress).toBe('浙江省杭州市上城区解放路 8 号');
  });
});

describe('the form of an application the caller does not own', () => {
  it('is not found for another citizen, and refused to staff', async () => {
    // given
    const citizen2 = await signIn(t.app, 'citizen2');
    const hr1 = await signIn(t.app, 'hr1');

    // when
    const other = await get(`/api/applications/${onFirstVersion}/form`, citizen2);
    const staff = await get(`/api/applications/${onFirstVersion}/form`, hr1);

    // then
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('APPLICATION_NOT_FOUND');
    expect(staff.statusCode).toBe(403);
  });

  it('is not found for an unknown id and refused for a malformed one', async () => {
    // when
    const unknown = await get('/api/applications/00000000-0000-4000-8000-000000000000/form', citizen1);
    const malformed = await get('/api/applications/not-an-id/form', citizen1);

    // then
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
  });
});
