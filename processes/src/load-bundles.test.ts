import { describe, expect, it } from 'vitest';
import { ProcessesError } from './errors.ts';
import { formKeys } from './form-schema.ts';
import { loadBundle, loadBundles } from './load-bundles.ts';

describe('loading the catalogue', () => {
  it('loads each bundle with its manifest, BPMN and every form', () => {
    // when
    const bundles = loadBundles();

    // then
    expect(bundles.map((b) => b.manifest.key)).toEqual([
      'newborn',
      'hiring',
      'retirement',
      'unemployment',
      'after-death',
    ]);
    const newborn = bundles.find((b) => b.manifest.key === 'newborn');
    expect(newborn?.bpmnXml).toContain('<bpmn:process id="onething-newborn"');
    expect([...(newborn?.forms.keys() ?? [])]).toContain('window-accept');
    expect(
      formKeys(
        newborn?.forms.get('birth-certificate') ?? { id: '', type: '', schemaVersion: 0, components: [] },
      ),
    ).toContain('mother.idNumber');
  });

  it('refuses a key that would name a path outside the catalogue', () => {
    for (const key of ['../newborn', 'newborn/../hiring', '/etc', 'NEWBORN']) {
      expect(() => loadBundle(key), key).toThrow(/BUNDLE_NOT_FOUND/);
    }
  });

  it('reports an unknown bundle with a coded error', () => {
    expect(() => loadBundle('no-such-bundle')).toThrow(ProcessesError);
    try {
      loadBundle('no-such-bundle');
    } catch (error) {
      expect(error instanceof ProcessesError && error.code).toBe('BUNDLE_NOT_FOUND');
    }
  });
});
