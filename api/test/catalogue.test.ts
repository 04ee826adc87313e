import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_KEYS } from '@onething/processes';
import { startProcessTestApp, type ProcessTestApp } from './support/process-app.ts';

let t: ProcessTestApp;
beforeAll(async () => {
  t = await startProcessTestApp(BUNDLE_KEYS);
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/bundles', () => {
  it('lists the five bundles to anyone, without signing in', async () => {
    // when
    const response = await t.app.inject({ method: 'GET', url: '/api/bundles' });

    // then
    expect(response.statusCode).toBe(200);
    const bundles: { key: string }[] = response.json();
    expect(bundles.map((bundle) => bundle.key)).toEqual([
      'newborn',
      'hiring',
      'retirement',
      'unemployment',
      'after-death',
    ]);
    expect(bundles[0]).toEqual({
      key: 'newborn',
      title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' },
      summary: { 'zh-CN': expect.any(String), en: expect.any(String) },
      departments: ['health', 'civil', 'hr', 'tax'],
      materials: expect.arrayContaining([
        expect.objectContaining({ key: 'parents-id-cards', required: true }),
      ]),
      timeLimitDays: 10,
      version: 1,
    });
  });
});

describe('GET /api/bundles/:key', () => {
  it('returns a bundle with its combined form, each shared field asked once', async () => {
    // when
    const response = await t.app.inject({ method: 'GET', url: '/api/bundles/newborn' });

    // then
    expect(response.statusCode).toBe(200);
    const bundle = response.json();
    expect(bundle.services.map((service: { key: string }) => service.key)).toContain('birthCertificate');
    expect(bundle.form).toMatchObject({ type: 'default', components: expect.any(Array) });
    const keys = fieldKeys(bundle.form.components);
    expect(keys).toContain('mother.idNumber');
    expect(keys).toContain('child.name');
    expect(keys.filter((key) => key === 'mother.idNumber')).toHaveLength(1);
    expect(bundle.form.components.map((c: { id: string }) => c.id)).toContain('Group_shared');
  });

  it('answers an unknown bundle with 404 BUNDLE_NOT_FOUND and a path-like key with 400', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/bundles/moving-house' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('BUNDLE_NOT_FOUND');

    const hostile = await t.app.inject({ method: 'GET', url: '/api/bundles/..%2Fapi' });
    expect(hostile.statusCode).toBe(400);
  });
});

interface Component {
  key?: string;
  components?: Component[];
}

function fieldKeys(components: readonly Component[]): string[] {
  return components.flatMap((component) => [
    ...(component.key ? [component.key] : []),
    ...fieldKeys(component.components ?? []),
  ]);
}
