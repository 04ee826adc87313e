import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistoryReader, startConnectors, type RunningConnectors } from '@onething/engine';
import { demoPeople } from '@onething/registries';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startApplicationProgress,
  type ApplicationProgress,
} from '../src/modules/applications/progress/application-progress.ts';
import { PublishedVersions } from '../src/modules/catalogue/published-versions.ts';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { PDF, multipartUpload } from './support/multipart.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { startSandboxRegistries, type SandboxRegistries } from './support/sandbox-registries.ts';
import { signIn } from './support/test-app.ts';

// The story through HTTP: a citizen gets the prefilled newborn form,
// saves a draft, uploads a material and applies; the window clerk accepts;
// the department clerks review; the connectors register everything with the
// sandbox registries; the application completes with every part done, and
// the citizen's data-access log shows who asked and who read.

let registries: SandboxRegistries;
let t: ProcessTestApp;
let connectors: RunningConnectors;
let bridge: UserTaskBridge;
let progress: ApplicationProgress;
let pool: pg.Pool;
beforeAll(async () => {
  registries = await startSandboxRegistries();
  t = await startProcessTestApp(['newborn'], {
    registriesUrl: registries.url,
    materialsDir: await mkdtemp(join(tmpdir(), 'onething-story-materials-')),
  });
  connectors = startConnectors({
    zeebe: t.zeebe,
    registriesUrl: registries.url,
    pollInterval: 100,
    requestTimeoutMs: 5_000,
    retryPolicy: { baseMs: 100, maxMs: 1_000 },
  });
  bridge = startTestTaskBridge(t);
  pool = new pg.Pool({ connectionString: t.orm.config.get('clientUrl'), max: 2 });
  const versions = new PublishedVersions(t.orm);
  progress = startApplicationProgress({
    orm: t.orm,
    history: createHistoryReader(pool),
    manifestOf: async (application) => (await versions.of(application)).manifest,
    intervalMs: 200,
  });
}, 180_000);
afterAll(async () => {
  await progress?.stop();
  await bridge?.stop();
  await connectors?.stop();
  await pool?.end();
  await t?.close();
  await registries?.close();
});

type Cookie = string;
interface Part {
  service: string;
  status: string;
  result: Record<string, unknown> | null;
  title: { en: string };
}
interface Detail {
  status: string;
  parts: Part[];
  timeline: { event: string }[];
  materials: { id: string }[];
}

function call(method: 'GET' | 'PUT' | 'POST', url: string, cookie: Cookie, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function detail(id: string, cookie: Cookie): Promise<Detail> {
  const response = await call('GET', `/api/applications/${id}`, cookie);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Waits for an open task of the application in the clerk's groups, claims and completes it. */
async function work(
  cookie: Cookie,
  applicationId: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const task = await until(`a task of ${applicationId}`, async () => {
    const list: { id: string; name: string; applicationId: string | null }[] = (
      await call('GET', '/api/tasks?state=open', cookie)
    ).json();
    return list.find((entry) => entry.applicationId === applicationId);
  });
  expect((await call('POST', `/api/tasks/${task.id}/claim`, cookie)).statusCode).toBe(204);
  const completed = await call('POST', `/api/tasks/${task.id}/complete`, cookie, { variables });
  expect(completed.statusCode, completed.body).toBe(204);
  return task.name;
}

/** Dotted form keys to nested data, as form-js stores it. */
function nested(values: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(values)) {
    const [group = '', field = ''] = key.split('.');
    data[group] = { ...data[group], [field]: value };
  }
  return data;
}

describe('the newborn story through HTTP', () => {
  it('goes from a prefilled form to a completed application with every part done', async () => {
    const citizen1 = await signIn(t.app, 'citizen1');
    const window1 = await signIn(t.app, 'window1');

    // given the prefilled form
    const prefill = await call('GET', '/api/bundles/newborn/prefill', citizen1);
    expect(prefill.statusCode).toBe(200);
    const known = nested(prefill.json().values);
    expect(known.father?.name).toBe(demoPeople.CITIZEN1_SPOUSE.name);
    const data = {
      ...known,
      applicant: { ...known.applicant, mobile: '13812345678', relationship: 'parent' },
      child: { ...known.child, name: '陈思远' },
      household: { ...known.household, entryParent: 'father' },
      infantCare: { claimant: 'mother', ratio: '100' },
      socialSecurityCard: { bank: '中国工商银行', deliveryAddress: '浙江省杭州市西湖区文三路 1 号' },
    };

    // when the citizen saves a draft, uploads a material and applies
    expect(
      (await call('PUT', '/api/applications/drafts/newborn', citizen1, { data, step: 'materials' }))
        .statusCode,
    ).toBe(200);
    const body = multipartUpload(PDF, { filename: '身份证.pdf', kind: 'parents-id-cards' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/applications/drafts/newborn/materials',
      payload: body.payload,
      headers: { ...body.headers, cookie: citizen1 },
    });
    expect(uploaded.statusCode).toBe(201);
    const submitted = await call('POST', '/api/applications', citizen1, { bundleKey: 'newborn', data });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id: string = submitted.json().id;

    // and the window clerk reads it, checks the material and accepts
    expect((await detail(id, window1)).materials.map((m) => m.id)).toEqual([uploaded.json().id]);
    const material = await call('GET', `/api/applications/${id}/materials/${uploaded.json().id}`, window1);
    expect(material.rawPayload.equals(PDF)).toBe(true);
    await work(window1, id, { acceptance: { decision: 'accept', materialsChecked: ['parents-id-cards'] } });

    // then the departments' work shows live: processing, the health review in progress
    const processing = await until('processing', async () => {
      const current = await detail(id, citizen1);
      return current.status === 'processing' ? current : undefined;
    });
    expect(processing.parts.find((part) => part.service === 'birthCertificate')?.status).toBe('in_progress');

    // when the department clerks review their services
    await work(await signIn(t.app, 'health1'), id, { review: { decision: 'approve' } });
    await work(await signIn(t.app, 'civil1'), id, { review: { decision: 'approve' } });

    // then the connectors register everything and every part is done with its numbers
    const done = await until('every part done', async () => {
      const current = await detail(id, citizen1);
      return current.parts.every((part) => part.status === 'done') ? current : undefined;
    });
    expect(done.parts.map((part) => part.service)).toEqual([
      'birthCertificate',
      'vaccinationRecord',
      'householdRegistration',
      'medicalInsurance',
      'socialSecurityCard',
      'infantCareDeduction',
    ]);
    expect(done.parts.find((part) => part.service === 'birthCertificate')?.result).toHaveProperty(
      'birthCertificateNo',
    );
    expect(done.parts.find((part) => part.service === 'householdRegistration')?.result).toEqual(
      expect.objectContaining({ childIdNumber: expect.stringMatching(/^\d{17}[\dX]$/) }),
    );

    // when the window delivers the results
    await work(window1, id, { delivery: { method: 'online' } });

    // then the application is completed, and its timeline (kept by the progress worker, which
    // reads the process to its end) soon tells each step
    const completed = await until('completed with every part done on the timeline', async () => {
      const current = await detail(id, citizen1);
      const partsDone = current.timeline.filter((entry) => entry.event === 'part.done').length;
      return current.status === 'completed' && partsDone === 6 ? current : undefined;
    });
    expect(completed.parts.every((part) => part.status === 'done' && part.result !== null)).toBe(true);
    const events = completed.timeline.map((entry) => entry.event);
    expect(events).toEqual(
      expect.arrayContaining(['application.submitted', 'application.accepted', 'application.processing']),
    );
    expect(events.filter((event) => event === 'part.started')).toHaveLength(6);
    expect(events.filter((event) => event === 'part.done')).toHaveLength(6);

    // and the citizen's log shows the registry queries and the window clerk's reads
    const log: { kind: string; registry?: string; actor: string; fields: string[] }[] = (
      await call('GET', '/api/me/data-access', citizen1)
    ).json();
    expect(
      new Set(log.filter((entry) => entry.kind === 'registry-query').map((entry) => entry.registry)),
    ).toEqual(new Set(['civil', 'health']));
    const staffReads = log.filter((entry) => entry.kind === 'staff-read');
    expect(staffReads.map((entry) => entry.fields.includes('materials.parents-id-cards'))).toContain(true);
    expect(staffReads.every((entry) => entry.actor === '综窗受理员 (window clerk)')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(demoPeople.CITIZEN1.idNumber);
  }, 180_000);
});
