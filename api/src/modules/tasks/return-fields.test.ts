import { BUNDLE_KEYS, STAFF_FORMS, loadBundles } from '@onething/processes';
import { describe, expect, it } from 'vitest';
import { catalogueOfFolders, type CatalogueBundle } from '../catalogue/catalogue.ts';
import { combinedFormKeys } from '../catalogue/combined-form-keys.ts';
import { checkReturnFields, combinedFormFields, returnFieldsOf, type ReturnField } from './return-fields.ts';
import type { TaskForm } from './task-form.ts';

const catalogue = catalogueOfFolders(loadBundles());

function newborn(): CatalogueBundle {
  const bundle = catalogue.get('newborn');
  if (bundle === undefined) throw new Error('newborn is not shipped');
  return bundle;
}

/** The window's acceptance task of an application for some of the newborn services. */
function acceptance(services: readonly string[]): TaskForm {
  const bundle = newborn();
  const form = bundle.forms.get(STAFF_FORMS.windowAccept);
  if (form === undefined) throw new Error('newborn has no window-accept form');
  return { name: STAFF_FORMS.windowAccept, form, bundle, application: { id: 'a-1', services } };
}

const keys = (fields: readonly ReturnField[] | null) => fields?.map((field) => field.key) ?? null;

describe('the fields a return may name', () => {
  it.each(BUNDLE_KEYS)('are the keys a submission of %s is held to, every service chosen', (key) => {
    // given
    const bundle = catalogue.get(key);
    if (bundle === undefined) throw new Error(`${key} is not shipped`);
    const services = bundle.manifest.services.map((service) => service.key);

    // when
    const fields = combinedFormFields(bundle.form);

    // then
    expect(keys(fields)?.sort()).toEqual([...combinedFormKeys(bundle.fields, services)].sort());
  });

  it('are those of the chosen services only, in form order, labelled as the citizen saw them', () => {
    // when
    const fields = returnFieldsOf(acceptance(['birthCertificate']), catalogue, 'all');

    // then
    expect(keys(fields)?.sort()).toEqual(
      [...combinedFormKeys(newborn().fields, ['birthCertificate'])].sort(),
    );
    expect(keys(fields)).not.toContain('household.address');
    expect(fields?.find((field) => field.key === 'child.birthHospital')).toEqual({
      key: 'child.birthHospital',
      label: { 'zh-CN': '接生机构', en: 'Hospital of birth' },
      section: expect.objectContaining({ id: expect.stringMatching(/^Group_/) }),
    });
  });

  it('name the section each field sits in', () => {
    // when
    const fields = returnFieldsOf(
      acceptance(['birthCertificate', 'householdRegistration']),
      catalogue,
      'all',
    );

    // then: what both departments ask is shared, the rest is in the department's section
    expect(fields?.find((field) => field.key === 'child.name')?.section).toEqual({
      id: 'Group_shared',
      title: { 'zh-CN': '共同信息', en: 'Shared information' },
    });
    expect(fields?.find((field) => field.key === 'household.number')?.section?.id).toBe('Group_civil');
  });

  it("are a department's share for a reader who sees only that share", () => {
    // when
    const fields = returnFieldsOf(acceptance(['householdRegistration', 'socialSecurityCard']), catalogue, [
      'hr',
    ]);

    // then: hr sees the card's fields and the household number, not the head of household (civil)
    expect(keys(fields)).toContain('socialSecurityCard.bank');
    expect(keys(fields)).toContain('household.number');
    expect(keys(fields)).not.toContain('household.headName');
  });

  it('are none for a task that cannot be returned, and an empty list without an application', () => {
    // given
    const review = newborn().forms.get('review-birth-certificate');
    if (review === undefined) throw new Error('newborn has no review-birth-certificate form');
    const withoutApplication = { ...acceptance([]), application: null };

    // then
    expect(
      returnFieldsOf({ ...acceptance([]), name: 'review-birth-certificate', form: review }, catalogue, 'all'),
    ).toBeNull();
    expect(returnFieldsOf(undefined, catalogue, 'all')).toBeNull();
    expect(returnFieldsOf(withoutApplication, catalogue, 'all')).toEqual([]);
  });

  it('are checked naming the others and the version, passing known ones or none', () => {
    // given
    const returnable = returnFieldsOf(acceptance(['birthCertificate']), catalogue, 'all') ?? [];

    // then
    expect(checkReturnFields([], returnable, 3)).toBeUndefined();
    expect(checkReturnFields(['child.name'], returnable, 3)).toBeUndefined();
    expect(checkReturnFields(['child.name', 'household.address', 'x'], returnable, 3)).toEqual({
      fields:
        "not fields of the application's form (version 3) that this task may return: household.address, x",
    });
  });
});
