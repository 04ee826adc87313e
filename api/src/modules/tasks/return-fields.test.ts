import { isContainer, isKeyed, type FormComponent } from '@onething/forms';
import { BUNDLE_KEYS, loadBundles } from '@onething/processes';
import { describe, expect, it } from 'vitest';
import { catalogueOfFolders } from '../catalogue/catalogue.ts';
import { combinedFormKeys } from '../catalogue/combined-form-keys.ts';
import { checkReturnFields } from './return-fields.ts';

const catalogue = catalogueOfFolders(loadBundles());

/** Value keys a form holds: fields by key, lists by path. */
function valueKeys(components: readonly FormComponent[]): string[] {
  return components.flatMap((component) => [
    ...(isKeyed(component) ? [component.key] : []),
    ...(isContainer(component) && component.type === 'dynamiclist' && component.path ? [component.path] : []),
    ...(isContainer(component) && component.type !== 'dynamiclist' ? valueKeys(component.components) : []),
  ]);
}

describe('the fields a return may name', () => {
  it.each(BUNDLE_KEYS)('are the keys of the combined form of %s with every service chosen', (key) => {
    // given
    const bundle = catalogue.get(key);
    if (bundle === undefined) throw new Error(`${key} is not shipped`);
    const services = bundle.manifest.services.map((service) => service.key);

    // when
    const keys = combinedFormKeys(bundle.fields, services);

    // then
    expect([...keys].sort()).toEqual([...new Set(valueKeys(bundle.form.components))].sort());
  });

  it('are the keys of the chosen services only', () => {
    // given
    const bundle = catalogue.get('newborn');
    if (bundle === undefined) throw new Error('newborn is not shipped');

    // when
    const keys = combinedFormKeys(bundle.fields, ['birthCertificate']);

    // then
    expect(keys).toContain('child.birthHospital');
    expect(keys).not.toContain('household.address');
    expect([...keys].sort()).toEqual(
      [...new Set(valueKeys(catalogue.formFor(bundle, ['birthCertificate']).components))].sort(),
    );
  });

  it('names the unknown keys, and passes known ones or none', () => {
    const known = new Set(['child.name', 'child.birthHospital']);
    expect(checkReturnFields([], known)).toBeUndefined();
    expect(checkReturnFields(['child.name'], known)).toBeUndefined();
    expect(checkReturnFields(['child.name', 'child.colour', 'x'], known)).toEqual({
      fields: "not fields of the application's form: child.colour, x",
    });
  });
});
