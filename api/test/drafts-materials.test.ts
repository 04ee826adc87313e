import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPeople } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import { ApplicationDraftSchema } from '../src/modules/drafts/application-draft.entity.ts';
import { MaterialSchema } from '../src/modules/materials/material.entity.ts';
import { EXE, PDF, PNG, multipartUpload } from './support/multipart.ts';
import { newbornData } from './support/newborn-application.ts';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';
import { signIn } from './support/test-app.ts';

let t: ProcessTestApp;
let materialsDir: string;
let citizen1: string;
let citizen2: string;
beforeAll(async () => {
  materialsDir = await mkdtemp(join(tmpdir(), 'onething-materials-'));
  t = await startProcessTestApp(['newborn'], { materialsDir });
  citizen1 = await signIn(t.app, 'citizen1');
  citizen2 = await signIn(t.app, 'citizen2');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const DRAFT = '/api/applications/drafts/newborn';

function request(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

function upload(url: string, cookie: string, file: Buffer, filename: string, kind = 'parents-id-cards') {
  const body = multipartUpload(file, { filename, kind });
  return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie } });
}

async function storedFiles(): Promise<string[]> {
  return (await readdir(materialsDir)).sort();
}

async function discardDraft(cookie: string) {
  await request('DELETE', DRAFT, cookie);
}

describe('drafts', () => {
  it('keeps only the combined form’s keys, encrypted, and gives the citizen back what was saved', async () => {
    // given
    await discardDraft(citizen1);
    const data = { ...newbornData(), isAdmin: true, child: { name: '陈思远', shoeSize: 12 } };

    // when
    const saved = await request('PUT', DRAFT, citizen1, { data, step: 'child' });
    const draft = await request('GET', DRAFT, citizen1);
    const list = await request('GET', '/api/applications/drafts', citizen1);

    // then
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ bundleKey: 'newborn', step: 'child' });
    expect(draft.json().data.child).toEqual({ name: '陈思远' });
    expect(draft.json().data.isAdmin).toBeUndefined();
    expect(draft.json().data.mother.idNumber).toBe(demoPeople.CITIZEN1.idNumber);
    expect(list.json()).toEqual([{ bundleKey: 'newborn', step: 'child', updatedAt: saved.json().updatedAt }]);
    const row = await t.orm.em.fork().findOneOrFail(ApplicationDraftSchema, { bundleKey: 'newborn' });
    expect(row.dataCipher).not.toContain(demoPeople.CITIZEN1.idNumber);
    expect(row.dataCipher).not.toContain('陈思远');
  });

  it('saving again replaces the draft: one per citizen and bundle', async () => {
    // given
    await request('PUT', DRAFT, citizen1, { data: { child: { name: '甲' } }, step: 'a' });

    // when
    await Promise.all([
      request('PUT', DRAFT, citizen1, { data: { child: { name: '乙' } }, step: 'b' }),
      request('PUT', DRAFT, citizen1, { data: { child: { name: '乙' } }, step: 'b' }),
    ]);

    // then
    const list = await request('GET', '/api/applications/drafts', citizen1);
    expect(list.json()).toHaveLength(1);
    expect((await request('GET', DRAFT, citizen1)).json()).toMatchObject({
      step: 'b',
      data: { child: { name: '乙' } },
    });
  });

  it('is another citizen’s to see only as 404, and unknown bundles are 404', async () => {
    await request('PUT', DRAFT, citizen1, { data: {} });
    expect((await request('GET', DRAFT, citizen2)).statusCode).toBe(404);
    expect((await request('DELETE', DRAFT, citizen2)).statusCode).toBe(404);
    expect(
      (await request('PUT', '/api/applications/drafts/no-such-bundle', citizen1, { data: {} })).statusCode,
    ).toBe(404);
  });
});

describe('materials of a draft', () => {
  it('stores a PNG named .pdf as a PNG and gives back the same bytes as an attachment', async () => {
    // given
    await discardDraft(citizen1);

    // when
    const created = await upload(`${DRAFT}/materials`, citizen1, PNG, '户口簿.pdf', 'household-register');
    const material = created.json();
    const download = await request('GET', `${DRAFT}/materials/${material.id}`, citizen1);

    // then
    expect(created.statusCode).toBe(201);
    expect(material).toMatchObject({
      kind: 'household-register',
      filename: '户口簿.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(await storedFiles()).toContain(material.id);
  });

  it('refuses an executable renamed .pdf (415), an unknown kind (400) and a file over 10 MB (413), keeping nothing, not even a draft', async () => {
    // given
    await discardDraft(citizen1);
    const before = await storedFiles();

    // when
    const exe = await upload(`${DRAFT}/materials`, citizen1, EXE, 'scan.pdf');
    const kind = await upload(`${DRAFT}/materials`, citizen1, PDF, 'scan.pdf', 'passport');
    const large = await upload(
      `${DRAFT}/materials`,
      citizen1,
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      'big.pdf',
    );

    // then
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'MATERIAL_TYPE']);
    expect([kind.statusCode, Object.keys(kind.json().error.fields)]).toEqual([400, ['kind']]);
    expect([large.statusCode, large.json().error.code]).toEqual([413, 'MATERIAL_TOO_LARGE']);
    expect(await storedFiles()).toEqual(before);
    expect((await request('GET', DRAFT, citizen1)).statusCode).toBe(404);
  });

  it('holds at most 20 materials', async () => {
    // given
    await discardDraft(citizen1);
    for (let i = 0; i < 20; i += 1) {
      expect((await upload(`${DRAFT}/materials`, citizen1, PDF, `p${i}.pdf`)).statusCode).toBe(201);
    }

    // when
    const oneMore = await upload(`${DRAFT}/materials`, citizen1, PDF, 'p20.pdf');

    // then
    expect([oneMore.statusCode, oneMore.json().error.code]).toEqual([409, 'MATERIAL_LIMIT']);
    expect((await request('GET', DRAFT, citizen1)).json().materials).toHaveLength(20);
  });

  it('is removed with its file, alone or with the draft, and is 404 to another citizen', async () => {
    // given
    await discardDraft(citizen1);
    const kept = (await upload(`${DRAFT}/materials`, citizen1, PDF, 'a.pdf')).json();
    const removed = (await upload(`${DRAFT}/materials`, citizen1, PNG, 'b.png')).json();

    // when
    const otherCitizen = await request('GET', `${DRAFT}/materials/${kept.id}`, citizen2);
    const otherDelete = await request('DELETE', `${DRAFT}/materials/${kept.id}`, citizen2);
    const deleted = await request('DELETE', `${DRAFT}/materials/${removed.id}`, citizen1);
    const afterOne = await storedFiles();
    await discardDraft(citizen1);

    // then
    expect(otherCitizen.statusCode).toBe(404);
    expect(otherDelete.statusCode).toBe(404);
    expect(deleted.statusCode).toBe(204);
    expect(afterOne).toContain(kept.id);
    expect(afterOne).not.toContain(removed.id);
    expect(await storedFiles()).not.toContain(kept.id);
    expect(await t.orm.em.fork().count(MaterialSchema, { id: { $in: [kept.id, removed.id] } })).toBe(0);
  });

  it('is not served when the file no longer matches its checksum', async () => {
    // given
    await discardDraft(citizen1);
    const material = (await upload(`${DRAFT}/materials`, citizen1, PDF, 'a.pdf')).json();
    await writeFile(join(materialsDir, material.id), Buffer.from('%PDF-tampered'));

    // when
    const download = await request('GET', `${DRAFT}/materials/${material.id}`, citizen1);

    // then
    expect([download.statusCode, download.json().error.code]).toEqual([500, 'MATERIAL_CORRUPTED']);
  });
});

describe('submitting with a draft', () => {
  it('refuses invalid form data with the fields named, storing nothing and keeping the draft', async () => {
    // given
    await discardDraft(citizen1);
    await request('PUT', DRAFT, citizen1, { data: newbornData() });
    const before = await t.orm.em.fork().count(ApplicationSchema, {});
    const data = newbornData();
    data.mother = { idNumber: '330106199608150245', name: demoPeople.CITIZEN1.name };

    // when
    const response = await request('POST', '/api/applications', citizen1, { bundleKey: 'newborn', data });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('FORM_SUBMISSION_INVALID');
    expect(Object.keys(response.json().error.fields)).toEqual(['mother.idNumber']);
    expect(await t.orm.em.fork().count(ApplicationSchema, {})).toBe(before);
    expect((await request('GET', DRAFT, citizen1)).statusCode).toBe(200);
  });

  it('deletes the draft and moves its materials to the application, where the owner adds more', async () => {
    // given
    await discardDraft(citizen1);
    await request('PUT', DRAFT, citizen1, { data: newbornData(), step: 'review' });
    const material = (await upload(`${DRAFT}/materials`, citizen1, PDF, 'ids.pdf')).json();

    // when
    const submitted = await request('POST', '/api/applications', citizen1, {
      bundleKey: 'newborn',
      data: newbornData(),
    });
    const id: string = submitted.json().id;
    const added = await upload(
      `/api/applications/${id}/materials`,
      citizen1,
      PNG,
      'marriage.png',
      'marriage-certificate',
    );
    const detail = await request('GET', `/api/applications/${id}`, citizen1);

    // then
    expect(submitted.statusCode).toBe(201);
    expect((await request('GET', DRAFT, citizen1)).statusCode).toBe(404);
    expect(added.statusCode).toBe(201);
    expect(detail.json().materials.map((m: { id: string }) => m.id)).toEqual([material.id, added.json().id]);
    const download = await request('GET', `/api/applications/${id}/materials/${material.id}`, citizen1);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await request('GET', `/api/applications/${id}/materials/${material.id}`, citizen2)).statusCode,
    ).toBe(404);
    expect((await upload(`/api/applications/${id}/materials`, citizen2, PDF, 'x.pdf')).statusCode).toBe(404);
  });
});
