import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import { ServedPrefillSchema } from '../src/modules/prefill/served-prefill.entity.ts';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';
import { startSandboxRegistries, type SandboxRegistries } from './support/sandbox-registries.ts';
import { signIn } from './support/test-app.ts';

// The Monitor's prefilled share is measured, not claimed: at submission the
// api compares the data with what its own prefill served the citizen.

let registries: SandboxRegistries;
let t: ProcessTestApp;
let citizen1: string;
let citizen2: string;
let served: Record<string, string | number | boolean>;
beforeAll(async () => {
  registries = await startSandboxRegistries();
  t = await startProcessTestApp(['newborn'], { registriesUrl: registries.url });
  citizen1 = await signIn(t.app, 'citizen1');
  citizen2 = await signIn(t.app, 'citizen2');
  const prefill = await call('GET', '/api/bundles/newborn/prefill', citizen1);
  expect(prefill.statusCode).toBe(200);
  served = prefill.json().values;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await registries?.close();
});

function call(method: 'GET' | 'POST', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

/** Dotted keys to nested data, as form-js keeps it. */
function nested(values: Readonly<Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(values)) {
    const [group = '', field = ''] = key.split('.');
    data[group] = { ...data[group], [field]: value };
  }
  return data;
}

/** The prefilled newborn form completed with what the registries do not know. */
function completed(values: Readonly<Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const known = nested(values);
  return {
    ...known,
    applicant: { ...known.applicant, mobile: '13812345678', relationship: 'parent' },
    child: { ...known.child, name: '陈思远' },
    household: { ...known.household, entryParent: 'father' },
    infantCare: { claimant: 'mother', ratio: '100' },
    socialSecurityCard: { bank: '中国工商银行', deliveryAddress: '浙江省杭州市西湖区文三路 1 号' },
  };
}

function leaves(data: Record<string, Record<string, unknown>>): number {
  return Object.values(data).reduce((sum, group) => sum + Object.keys(group).length, 0);
}

async function submit(cookie: string, data: Record<string, unknown>) {
  const response = await call('POST', '/api/applications', cookie, { bundleKey: 'newborn', data });
  expect(response.statusCode, response.body).toBe(201);
  return t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: response.json().id });
}

describe('the fields an application took from prefill', () => {
  it('counts every prefilled value the submission kept', async () => {
    // given
    const data = completed(served);

    // when
    const row = await submit(citizen1, data);

    // then
    expect(Object.keys(served).length).toBeGreaterThan(5);
    expect(row.prefilledFields).toBe(Object.keys(served).length);
    expect(row.filledFields).toBe(leaves(data));
  });

  it('does not count a prefilled value the citizen changed', async () => {
    // given the child's birth place corrected
    expect(served['child.birthPlace']).toEqual(expect.any(String));
    const data = completed({ ...served, 'child.birthPlace': '浙江省杭州市上城区' });

    // when
    const row = await submit(citizen1, data);

    // then
    expect(row.prefilledFields).toBe(Object.keys(served).length - 1);
    expect(row.filledFields).toBe(leaves(data));
  });

  it('keeps keyed hashes of what it served, not the values', async () => {
    // when
    const kept = await t.orm.em.fork().find(ServedPrefillSchema, {});

    // then
    expect(kept).toHaveLength(1);
    expect(Object.keys(kept[0]?.valueHashes ?? {}).sort()).toEqual(Object.keys(served).sort());
    const stored = JSON.stringify(kept);
    for (const value of Object.values(served)) expect(stored).not.toContain(String(value));
  });

  it('counts nothing for a citizen the prefill served nothing, even with the same values', async () => {
    // given citizen2 sends what citizen1 was served, never having asked for prefill
    const data = completed(served);

    // when
    const row = await submit(citizen2, data);

    // then
    expect(row.prefilledFields).toBe(0);
    expect(row.filledFields).toBe(leaves(data));
  });

  it('gives the Monitor the share of filled fields that came from prefill', async () => {
    // given applications with and without prefilled values, counted at submission
    await submit(citizen1, completed(served));
    await submit(citizen2, completed(served));
    const rows = await t.orm.em.fork().find(ApplicationSchema, { filledFields: { $ne: null } });
    const prefilled = rows.reduce((sum, row) => sum + (row.prefilledFields ?? 0), 0);
    const filled = rows.reduce((sum, row) => sum + (row.filledFields ?? 0), 0);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    // when
    const stats = await call(
      'GET',
      `/api/monitor/stats?from=${today}&to=${today}`,
      await signIn(t.app, 'supervisor1'),
    );
    const before = await call(
      'GET',
      '/api/monitor/stats?from=2026-01-01&to=2026-01-31',
      await signIn(t.app, 'supervisor1'),
    );

    // then
    expect(stats.statusCode).toBe(200);
    expect(stats.json().prefilledShare).toBeCloseTo(prefilled / filled, 10);
    expect(stats.json().prefilledShare).toBeGreaterThan(0);
    expect(stats.json().prefilledShare).toBeLessThan(1);
    expect(before.json().prefilledShare).toBeNull();
  });
});
