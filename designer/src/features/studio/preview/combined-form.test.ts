import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { combinedForm } from './combined-form.ts';

const newbornDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../processes/newborn');

/** The newborn bundle as the Studio gets it from the api: bundle.json and its forms by path. */
function newbornDraft() {
  const bundle: Record<string, unknown> = JSON.parse(readFileSync(join(newbornDir, 'bundle.json'), 'utf8'));
  const forms: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(join(newbornDir, 'forms'))) {
    forms[`forms/${file}`] = JSON.parse(readFileSync(join(newbornDir, 'forms', file), 'utf8'));
  }
  return { bundle, forms };
}

function keysOf(components: readonly unknown[]): string[] {
  return components.flatMap((component) => {
    if (typeof component !== 'object' || component === null) return [];
    const own = 'key' in component && typeof component.key === 'string' ? [component.key] : [];
    const nested =
      'components' in component && Array.isArray(component.components) ? keysOf(component.components) : [];
    return [...own, ...nested];
  });
}

describe('combined form preview', () => {
  it('merges the newborn service forms into one form that asks each shared key once', () => {
    // given
    const { bundle, forms } = newbornDraft();

    // when
    const result = combinedForm('newborn', bundle, forms);

    // then
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const keys = keysOf(result.schema.components);
    expect(keys.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports a service form the draft does not have instead of previewing a partial form', () => {
    // given
    const { bundle, forms } = newbornDraft();
    delete forms['forms/medical-insurance.form'];

    // when
    const result = combinedForm('newborn', bundle, forms);

    // then
    expect(result).toEqual({
      ok: false,
      problems: [
        { formPath: 'forms/medical-insurance.form', message: 'forms/medical-insurance.form: missing' },
      ],
    });
  });

  it('reports a field whose definition conflicts with the dictionary', () => {
    // given
    const { bundle, forms } = newbornDraft();
    const form = forms['forms/medical-insurance.form'];
    const components = Array.isArray(form?.components) ? form.components : [];
    components.push({ id: 'Field_Odd', type: 'number', key: 'childName', label: '姓名' });

    // when
    const result = combinedForm('newborn', bundle, forms);

    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((problem) => problem.message.includes('childName'))).toBe(true);
  });
});
