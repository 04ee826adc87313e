import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartUpload, PDF } from './support/multipart.ts';
import { newbornData } from './support/newborn-application.ts';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';
import {
  ADDED_MATERIAL,
  publishEdited,
  REMOVED_MATERIAL,
  removeAndAddMaterial,
} from './support/publication.ts';
import { signIn } from './support/test-app.ts';

// An application's materials follow the bundle version it was filed under:
// after a republication that removed one material kind and added another, an
// application of version 1 still takes the removed kind and not the new one,
// and an application of version 2 the reverse; its form answer lists them.

let t: ProcessTestApp;
let materialsDir: string;
let citizen1: string;
let onFirstVersion: string;
let onSecondVersion: string;

beforeAll(async () => {
  materialsDir = await mkdtemp(join(tmpdir(), 'onething-materials-pinned-'));
  t = await startProcessTestApp(['newborn'], { materialsDir });
  citizen1 = await signIn(t.app, 'citizen1');
  const designer = await signIn(t.app, 'designer1');

  // given an application filed under version 1
  onFirstVersion = await file();

  // and version 2, published since, without one material kind and with a new one
  expect(await publishEdited(t.app, designer, 'newborn', removeAndAddMaterial)).toBe(2);

  // and an application filed under version 2
  onSecondVersion = await file();
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (materialsDir !== undefined) await rm(materialsDir, { recursive: true, force: true });
});

async function file(): Promise<string> {
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie: citizen1 },
    payload: { bundleKey: 'newborn', data: newbornData() },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  return filed.json().id;
}

function upload(applicationId: string, kind: string) {
  const body = multipartUpload(PDF, { filename: 'scan.pdf', kind });
  return t.app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/materials`,
    headers: { cookie: citizen1, ...body.headers },
    payload: body.payload,
  });
}

async function materialKeys(applicationId: string): Promise<string[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/applications/${applicationId}/form`,
    headers: { cookie: citizen1 },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().materials.map((material: { key: string }) => material.key);
}

describe('materials of an application after a republication', () => {
  it('an application filed under version 1 accepts the kind version 2 removed', async () => {
    // when
    const response = await upload(onFirstVersion, REMOVED_MATERIAL);

    // then
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().kind).toBe(REMOVED_MATERIAL);
  });

  it('an application filed under version 1 refuses the kind version 2 added, naming it', async () => {
    // when
    const response = await upload(onFirstVersion, ADDED_MATERIAL);

    // then
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.kind).toContain(`"${ADDED_MATERIAL}"`);
    expect(error.fields.kind).toContain(REMOVED_MATERIAL);
  });

  it('an application filed under version 2 accepts the added kind and refuses the removed one', async () => {
    // when
    const added = await upload(onSecondVersion, ADDED_MATERIAL);
    const removed = await upload(onSecondVersion, REMOVED_MATERIAL);

    // then
    expect(added.statusCode, added.body).toBe(201);
    expect(removed.statusCode).toBe(400);
    expect(removed.json().error.fields.kind).toContain(`"${REMOVED_MATERIAL}"`);
    expect(removed.json().error.fields.kind).toContain(ADDED_MATERIAL);
  });

  it('keeps only the accepted uploads on each application', async () => {
    // when
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${onFirstVersion}`,
      headers: { cookie: citizen1 },
    });
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${onSecondVersion}`,
      headers: { cookie: citizen1 },
    });

    // then
    const kinds = (body: string) => JSON.parse(body).materials.map((m: { kind: string }) => m.kind);
    expect(kinds(first.body)).toEqual([REMOVED_MATERIAL]);
    expect(kinds(second.body)).toEqual([ADDED_MATERIAL]);
  });

  it("answers each application's form with the materials of its own version", async () => {
    // when
    const first = await materialKeys(onFirstVersion);
    const second = await materialKeys(onSecondVersion);

    // then
    expect(first).toContain(REMOVED_MATERIAL);
    expect(first).not.toContain(ADDED_MATERIAL);
    expect(second).toContain(ADDED_MATERIAL);
    expect(second).not.toContain(REMOVED_MATERIAL);
  });

  it('lets a new draft upload only the kinds of the current version', async () => {
    // when
    const send = (kind: string) => {
      const body = multipartUpload(PDF, { filename: 'scan.pdf', kind });
      return t.app.inject({
        method: 'POST',
        url: '/api/applications/drafts/newborn/materials',
        headers: { cookie: citizen1, ...body.headers },
        payload: body.payload,
      });
    };
    const removed = await send(REMOVED_MATERIAL);
    const added = await send(ADDED_MATERIAL);

    // then
    expect(removed.statusCode).toBe(400);
    expect(added.statusCode, added.body).toBe(201);
  });
});
