import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, type Bundle } from '@onething/processes';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { seedCatalogue } from '../src/modules/catalogue/seed-catalogue.ts';
import { createOrm, type Orm } from '../src/orm.ts';
import { Readiness } from '../src/readiness.ts';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';
import { signIn } from './support/test-app.ts';

const silent = pino({ level: 'silent' });

let t: ProcessTestApp;
let designer: string;
let replicaOrm: Orm;
let replica: FastifyInstance;

beforeAll(async () => {
  t = await startProcessTestApp(['newborn', 'hiring']);
  designer = await signIn(t.app, 'designer1');
  // A second api replica on the same database, as behind a load balancer.
  replicaOrm = await createOrm(t.orm.config.get('clientUrl') ?? '');
  replica = await buildApp({
    orm: replicaOrm,
    readiness: new Readiness(),
    personalData: t.personalData,
    zeebe: t.zeebe,
    spaRoot: await mkdtemp(join(tmpdir(), 'onething-no-spa-')),
  });
  await replica.ready();
}, 120_000);
afterAll(async () => {
  await replica?.close();
  await replicaOrm?.close();
  await t?.close();
});

/** The bundle folder as a platform upgrade would ship it: the same bundle with a changed process. */
function shippedUpgrade(key: string, label: string): Bundle {
  const bundle = loadBundle(key);
  return { ...bundle, bpmnXml: bundle.bpmnXml.replace('name="综窗受理"', `name="综窗受理（${label}）"`) };
}

/** What a start does: seed from the given folders (the catalogue unit). */
function restart(bundles: Bundle[]) {
  return seedCatalogue({ orm: t.orm, zeebe: t.zeebe, logger: silent, bundles });
}

async function versionServed(app: FastifyInstance, key: string): Promise<number | undefined> {
  const bundles: { key: string; version: number }[] = (
    await app.inject({ method: 'GET', url: '/api/bundles' })
  ).json();
  return bundles.find((bundle) => bundle.key === key)?.version;
}

async function publishChange(key: string, from: string, to: string): Promise<number> {
  const draft = (
    await t.app.inject({ method: 'GET', url: `/api/studio/bundles/${key}`, headers: { cookie: designer } })
  ).json();
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/studio/bundles/${key}`,
    headers: { cookie: designer },
    payload: {
      version: draft.version,
      bpmn: draft.bpmn.replace(from, to),
      forms: draft.forms,
      bundle: draft.bundle,
    },
  });
  expect(saved.statusCode).toBe(200);
  const published = await t.app.inject({
    method: 'POST',
    url: `/api/studio/bundles/${key}/publish`,
    headers: { cookie: designer },
    payload: { version: saved.json().version },
  });
  expect(published.statusCode).toBe(201);
  return published.json().version;
}

describe('seeding the catalogue at start', () => {
  it('changes nothing when restarted with the same files', async () => {
    // when
    const outcomes = await restart([loadBundle('newborn'), loadBundle('hiring')]);

    // then
    expect(outcomes).toEqual({ newborn: 'unchanged', hiring: 'unchanged' });
    expect(await versionServed(t.app, 'hiring')).toBe(1);
  });

  it('publishes shipped changes of a bundle nobody changed in the Studio (a platform upgrade)', async () => {
    // when
    const outcomes = await restart([shippedUpgrade('hiring', 'v2'), loadBundle('newborn')]);

    // then
    expect(outcomes.hiring).toBe('upgraded');
    await t.app.catalogue.reload();
    expect(await versionServed(t.app, 'hiring')).toBe(2);
    const draft = (
      await t.app.inject({ method: 'GET', url: '/api/studio/bundles/hiring', headers: { cookie: designer } })
    ).json();
    expect(draft).toMatchObject({ version: 2, updatedBy: 'system', published: { version: 2 } });
    expect(draft.bpmn).toContain('综窗受理（v2）');
  });

  it('never overwrites a Studio publish on restart, even when the shipped files changed', async () => {
    // given a designer published version 2 of newborn
    const published = await publishChange(
      'newborn',
      'name="签发出生医学证明"',
      'name="签发出生医学证明（工作室）"',
    );
    expect(published).toBe(2);

    // when the platform restarts with the old files, then with new shipped ones
    const same = await restart([loadBundle('newborn')]);
    const upgraded = await restart([shippedUpgrade('newborn', 'shipped')]);

    // then the Studio's version stays the catalogue's, and the Studio learns of the shipped update
    expect(same.newborn).toBe('unchanged');
    expect(upgraded.newborn).toBe('kept');
    await t.app.catalogue.reload();
    expect(await versionServed(t.app, 'newborn')).toBe(2);
    const draft = (
      await t.app.inject({ method: 'GET', url: '/api/studio/bundles/newborn', headers: { cookie: designer } })
    ).json();
    expect(draft.bpmn).toContain('签发出生医学证明（工作室）');
    expect(draft.bpmn).not.toContain('综窗受理（shipped）');
    const list: { key: string; shippedUpdate: boolean }[] = (
      await t.app.inject({ method: 'GET', url: '/api/studio/bundles', headers: { cookie: designer } })
    ).json();
    expect(list.find((b) => b.key === 'newborn')?.shippedUpdate).toBe(true);
  });
});

describe('the catalogue of another api replica', () => {
  it('serves a version published on this replica once the notification arrives', async () => {
    // given
    const before = await versionServed(replica, 'hiring');

    // when
    const published = await publishChange('hiring', '员工录用', '员工录用（新版）');

    // then
    expect(published).toBe((before ?? 0) + 1);
    await expect.poll(() => versionServed(replica, 'hiring'), { timeout: 10_000 }).toBe(published);
  });
});
