import { describe, expect, it } from 'vitest';
import { parseBundleManifest } from './bundle-manifest.ts';

const text = { 'zh-CN': '文本', en: 'text' };
const service = {
  key: 'birthCertificate',
  title: text,
  department: 'health',
  mode: 'review',
  timeLimitDays: 3,
  operation: 'onething:health:issue-birth-certificate',
  form: 'forms/birth-certificate.form',
  requires: [],
};
const manifest = {
  key: 'newborn',
  processId: 'onething-newborn',
  title: text,
  summary: text,
  departments: ['health'],
  timeLimitDays: 5,
  materials: [{ key: 'id-card', name: text, description: text, required: true }],
  services: [service],
};

describe('bundle.json', () => {
  it('accepts a complete manifest', () => {
    expect(parseBundleManifest(manifest)).toMatchObject({ ok: true, value: { key: 'newborn' } });
  });

  it('reports each problem with its path', () => {
    // given
    const broken = {
      ...manifest,
      processId: 'newborn',
      services: [
        { ...service, operation: 'onething:civil:register-birth', timeLimitDays: 9, requires: ['nothing'] },
        { ...service, mode: 'manual' },
      ],
    };

    // when
    const result = parseBundleManifest(broken);

    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'processId: expected "onething-newborn"',
      'services[0].operation: onething:civil:register-birth is not an operation of health',
      'services[1].mode: expected "automatic" or "review"',
      "services[0].timeLimitDays: exceeds the bundle's 5 days",
      'services[1].key: "birthCertificate" is used twice',
      'services[0].requires: "nothing" is not another service of this bundle',
    ]);
  });

  it('rejects a department without services and a title without English', () => {
    const result = parseBundleManifest({
      ...manifest,
      departments: ['health', 'tax'],
      title: { 'zh-CN': '标题' },
    });
    expect(result).toEqual({
      ok: false,
      problems: ['title.en: expected a non-empty string', 'departments: tax has no service'],
    });
  });
});
