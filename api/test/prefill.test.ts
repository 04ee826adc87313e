import { demoPeople } from '@onething/registries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxRegistries, type SandboxRegistries } from './support/sandbox-registries.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

const { CITIZEN1, CITIZEN1_SPOUSE } = demoPeople;

let registries: SandboxRegistries;
let t: TestApp;
beforeAll(async () => {
  registries = await startSandboxRegistries();
  t = await startTestApp({ registriesUrl: registries.url });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await registries?.close();
});

interface DataAccessEntry {
  kind: string;
  registry?: string;
  subject: string;
  subjectId?: string;
  fields: string[];
  purpose: { 'zh-CN': string; en: string };
  actor: string;
  at: string;
}

async function prefill(cookie: string, bundle = 'newborn') {
  return t.app.inject({ method: 'GET', url: `/api/bundles/${bundle}/prefill`, headers: { cookie } });
}

async function dataAccess(cookie: string, query = ''): Promise<DataAccessEntry[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/me/data-access${query}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('GET /api/bundles/:key/prefill', () => {
  it('fills the newborn form from the civil and health registries about the mother, her husband and the baby', async () => {
    // given
    const citizen1 = await signIn(t.app, 'citizen1');

    // when
    const response = await prefill(citizen1);

    // then
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unavailable).toEqual([]);
    expect(body.values).toMatchObject({
      'applicant.idNumber': CITIZEN1.idNumber,
      'applicant.name': CITIZEN1.name,
      'mother.idNumber': CITIZEN1.idNumber,
      'mother.name': CITIZEN1.name,
      'father.idNumber': CITIZEN1_SPOUSE.idNumber,
      'father.name': CITIZEN1_SPOUSE.name,
      'child.sex': 'female',
      'child.birthDate': '2026-11-10',
      'household.headName': CITIZEN1_SPOUSE.name,
    });
    expect(typeof body.values['household.number']).toBe('string');
    expect(body.sources['father.name']).toMatchObject({ registry: 'civil', subject: 'spouse' });
    expect(body.sources['child.birthDate']).toMatchObject({ registry: 'health', subject: 'child' });
    expect(body.sources['household.number']).toMatchObject({ registry: 'civil', subject: 'applicant' });
  });

  it('records every registry query in the citizen’s data-access log, with ID numbers masked', async () => {
    // given
    const citizen2 = await signIn(t.app, 'citizen2');
    const before = await dataAccess(citizen2);

    // when
    await prefill(citizen2, 'retirement');
    const after = await dataAccess(citizen2);

    // then
    const added = after.slice(0, after.length - before.length);
    expect(added.map((entry) => `${entry.registry} ${entry.subject}`).sort()).toEqual([
      'civil applicant',
      'hr applicant',
    ]);
    for (const entry of added) {
      expect(entry).toMatchObject({ kind: 'registry-query', actor: demoPeople.CITIZEN2.name });
      expect(entry.purpose.en).toContain('Retirement');
      expect(entry.subjectId).toMatch(/^330105\*+\d{2}$/);
    }
    expect(added.find((entry) => entry.registry === 'hr')?.fields).toEqual(['retirement.contributionMonths']);
    expect(JSON.stringify(after)).not.toContain(demoPeople.CITIZEN2.idNumber);
  });

  it('leaves out the fields of a registry that does not answer and names it, without failing', async () => {
    // given
    const citizen1 = await signIn(t.app, 'citizen1');
    await registries.faults('health', { outage: true });

    // when
    const response = await prefill(citizen1).finally(() => registries.clearFaults('health'));

    // then
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unavailable).toEqual(['health']);
    expect(body.values['child.birthDate']).toBeUndefined();
    expect(body.values['father.name']).toBe(CITIZEN1_SPOUSE.name);
  });

  it('answers 404 for an unknown bundle and 403 for staff', async () => {
    const citizen1 = await signIn(t.app, 'citizen1');
    const window1 = await signIn(t.app, 'window1');
    expect((await prefill(citizen1, 'no-such-bundle')).statusCode).toBe(404);
    expect((await prefill(window1)).statusCode).toBe(403);
  });
});

describe('GET /api/me/data-access', () => {
  it('pages back from the given time, newest first, and shows only the citizen’s own entries', async () => {
    // given
    const citizen1 = await signIn(t.app, 'citizen1');
    await prefill(citizen1);
    const all = await dataAccess(citizen1);

    // when
    const oldest = all.at(-1);
    const newest = all[0];
    const older = await dataAccess(citizen1, `?before=${encodeURIComponent(newest?.at ?? '')}`);

    // then
    expect(all.length).toBeGreaterThan(1);
    expect([...all].sort((a, b) => b.at.localeCompare(a.at))).toEqual(all);
    expect(older.every((entry) => entry.at < (newest?.at ?? ''))).toBe(true);
    expect(older.at(-1)).toEqual(oldest);
    expect(all.every((entry) => entry.actor === CITIZEN1.name)).toBe(true);
  });
});
