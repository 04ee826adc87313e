import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';
import { newbornData } from './support/newborn-application.ts';
import { signIn } from './support/test-app.ts';

let t: ProcessTestApp;
let designer: string;
let citizen1: string;

beforeAll(async () => {
  t = await startProcessTestApp(['newborn', 'hiring']);
  designer = await signIn(t.app, 'designer1');
  citizen1 = await signIn(t.app, 'citizen1');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

interface Draft {
  key: string;
  version: number;
  bpmn: string;
  forms: Record<string, { components: { key?: string }[] }>;
  bundle: Record<string, unknown>;
  published: { version: number; processDefinitionKey: string } | null;
}

async function draftOf(key: string): Promise<Draft> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/studio/bundles/${key}`,
    headers: { cookie: designer },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

function save(key: string, draft: Draft, cookie = designer) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/studio/bundles/${key}`,
    headers: { cookie },
    payload: { version: draft.version, bpmn: draft.bpmn, forms: draft.forms, bundle: draft.bundle },
  });
}

function publish(key: string, version: number, cookie = designer) {
  return t.app.inject({
    method: 'POST',
    url: `/api/studio/bundles/${key}/publish`,
    headers: { cookie },
    payload: { version },
  });
}

/** Saves the draft with `change` applied and returns the saved draft. */
async function saveChanged(key: string, change: (draft: Draft) => void): Promise<Draft> {
  const draft = await draftOf(key);
  change(draft);
  const response = await save(key, draft);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function catalogueVersion(key: string): Promise<number> {
  const bundles: { key: string; version: number }[] = (
    await t.app.inject({ method: 'GET', url: '/api/bundles' })
  ).json();
  const bundle = bundles.find((b) => b.key === key);
  if (bundle === undefined) throw new Error(`${key} is not in the catalogue`);
  return bundle.version;
}

async function submitNewborn(): Promise<{ id: string; bundleVersion: string; instance: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie: citizen1 },
    payload: { bundleKey: 'newborn', data: newbornData() },
  });
  expect(response.statusCode).toBe(201);
  const row = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: response.json().id });
  return { id: row.id, bundleVersion: row.bundleVersion, instance: row.processInstanceKey ?? '' };
}

async function definitionOf(processInstanceKey: string): Promise<string | undefined> {
  return (await t.engine.inspector.getProcessInstance(processInstanceKey))?.processDefinitionKey;
}

describe('the Studio drafts', () => {
  it('lists every bundle of the catalogue with its draft and published version', async () => {
    // when
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/studio/bundles',
      headers: { cookie: designer },
    });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'hiring',
          title: expect.objectContaining({ 'zh-CN': expect.any(String) }),
          publishedVersion: 1,
          draftVersion: 1,
          draftUpdatedBy: 'system',
          hasUnpublishedChanges: false,
          shippedUpdate: false,
        }),
      ]),
    );
  });

  it('returns a draft with its BPMN, forms and bundle.json and the published version', async () => {
    // when
    const draft = await draftOf('hiring');

    // then
    expect(draft.bpmn).toContain('onething-hiring');
    expect(Object.keys(draft.forms)).toContain('forms/window-accept.form');
    expect(draft.bundle).toMatchObject({ key: 'hiring', processId: 'onething-hiring' });
    expect(draft.published).toMatchObject({
      version: 1,
      processDefinitionKey: expect.stringMatching(/^\d+$/),
    });
  });

  it('saves a draft as the next version, and refuses a save on a stale version naming who saved', async () => {
    // given designer1 and admin both opened version v
    const opened = await draftOf('hiring');
    const admin = await signIn(t.app, 'admin');

    // when designer1 saves first
    const first = await save('hiring', {
      ...opened,
      bpmn: opened.bpmn.replace('员工录用', '员工录用（草稿）'),
    });

    // then
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: opened.version + 1, updatedBy: 'designer1' });

    // when admin saves what they opened
    const second = await save('hiring', opened, admin);

    // then
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'DRAFT_CONFLICT',
      version: opened.version + 1,
      updatedBy: 'designer1',
    });
    expect((await draftOf('hiring')).bpmn).toContain('员工录用（草稿）');
  });

  it('refuses BPMN with a DOCTYPE or entities with 400, and keeps the draft', async () => {
    // given
    const draft = await draftOf('hiring');
    const hostile = draft.bpmn.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>',
    );

    // when
    const response = await save('hiring', { ...draft, bpmn: hostile });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'BPMN_REJECTED',
      fields: { bpmn: expect.stringContaining('DOCTYPE') },
    });
    expect((await draftOf('hiring')).version).toBe(draft.version);
  });

  it('answers 404 for a bundle the catalogue does not have', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/studio/bundles/moving-house',
      headers: { cookie: designer },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('publishing a bundle', () => {
  it('publishes the draft as a new version: new applications run on it, running ones stay on theirs', async () => {
    // given an application submitted on version 1
    const before = await submitNewborn();
    expect(before.bundleVersion).toBe('1');
    const draft = await saveChanged('newborn', (d) => {
      d.bpmn = d.bpmn.replace('name="签发出生医学证明"', 'name="签发出生医学证明（电子证照）"');
    });

    // when
    const response = await publish('newborn', draft.version);

    // then the catalogue serves version 2
    expect(response.statusCode).toBe(201);
    const published = response.json();
    expect(published).toMatchObject({ version: 2, processDefinitionKey: expect.stringMatching(/^\d+$/) });
    expect(await catalogueVersion('newborn')).toBe(2);
    expect(draft.published?.processDefinitionKey).not.toBe(published.processDefinitionKey);

    // and a new application runs on version 2, while the first stays on version 1
    const after = await submitNewborn();
    expect(after.bundleVersion).toBe('2');
    expect(await definitionOf(after.instance)).toBe(published.processDefinitionKey);
    expect(await definitionOf(before.instance)).toBe(draft.published?.processDefinitionKey);
    const studio = await draftOf('newborn');
    expect(studio.published).toMatchObject({
      version: 2,
      processDefinitionKey: published.processDefinitionKey,
    });
  });

  it('rejects a draft that breaks a lint rule, naming the element, and publishes nothing', async () => {
    // given the birth certificate task lost its job type
    const draft = await saveChanged('newborn', (d) => {
      d.bpmn = d.bpmn.replace(
        '<zeebe:taskDefinition type="onething:health:issue-birth-certificate" retries="5" />',
        '',
      );
    });
    const version = await catalogueVersion('newborn');

    // when
    const response = await publish('newborn', draft.version);

    // then
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'PUBLISH_REJECTED',
      problems: expect.arrayContaining([
        expect.objectContaining({ source: 'lint', elementId: 'Task_BirthCertificate' }),
      ]),
    });
    expect(await catalogueVersion('newborn')).toBe(version);
  });

  it('rejects a form field whose key is not in the field dictionary', async () => {
    // given
    const draft = await saveChanged('newborn', (d) => {
      const form = d.forms['forms/birth-certificate.form'];
      const field = form?.components.find((c) => c.key === 'child.name');
      if (field === undefined) throw new Error('the birth certificate form has no child.name');
      field.key = 'child.nickname';
    });

    // when
    const response = await publish('newborn', draft.version);

    // then
    expect(response.statusCode).toBe(422);
    expect(response.json().error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'form',
          formPath: 'forms/birth-certificate.form',
          fieldKey: 'child.nickname',
        }),
      ]),
    );
  });

  it("rejects what the engine refuses at deploy, with the element's id", async () => {
    // given a header key the engine reserves for itself
    const draft = await saveChanged('hiring', (d) => {
      d.bpmn = d.bpmn.replace(
        '<zeebe:header key="registry" value="hr" />',
        '<zeebe:header key="registry" value="hr" /><zeebe:header key="io.camunda.zeebe:assignee" value="x" />',
      );
    });
    expect(draft.bpmn).toContain('io.camunda.zeebe:assignee');
    const version = await catalogueVersion('hiring');

    // when
    const response = await publish('hiring', draft.version);

    // then
    expect(response.statusCode).toBe(422);
    const { problems } = response.json().error;
    expect(problems).toEqual([
      expect.objectContaining({ source: 'deploy', elementId: expect.stringMatching(/^Task_/) }),
    ]);
    expect(await catalogueVersion('hiring')).toBe(version);
  });

  it('refuses to publish a draft version that is not the current one', async () => {
    const draft = await draftOf('hiring');
    const response = await publish('hiring', draft.version - 1);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'DRAFT_CONFLICT', version: draft.version });
  });
});

describe('who may use the Studio', () => {
  it.each(['citizen1', 'window1', 'supervisor1'])('refuses %s with 403', async (username) => {
    const cookie = await signIn(t.app, username);
    for (const url of [
      '/api/studio/bundles',
      '/api/studio/bundles/newborn',
      '/api/studio/templates',
      '/api/studio/dictionary',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, url).toBe(403);
    }
    expect((await publish('newborn', 1, cookie)).statusCode).toBe(403);
  });

  it('serves the element templates and the field dictionary to designers and admins', async () => {
    const admin = await signIn(t.app, 'admin');
    const templates = await t.app.inject({
      method: 'GET',
      url: '/api/studio/templates',
      headers: { cookie: admin },
    });
    expect(templates.statusCode).toBe(200);
    expect(templates.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'onething.health.issue-birth-certificate' })]),
    );
    const dictionary = await t.app.inject({
      method: 'GET',
      url: '/api/studio/dictionary',
      headers: { cookie: designer },
    });
    expect(dictionary.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'mother.idNumber', type: 'textfield', sensitive: true }),
      ]),
    );
  });
});
