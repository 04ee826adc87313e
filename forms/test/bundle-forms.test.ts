import { describe, expect, it } from 'vitest';
import { mergeForms } from '../src/merge/merge-forms.ts';
import { parseFormSchema } from '../src/schema/parse-form-schema.ts';
import { validateSubmission } from '../src/validate/validate-submission.ts';
import { BUNDLES, keysOf, serviceForms } from './bundles.fixture.ts';

it('finds the bundles in processes/', () => {
  expect(BUNDLES).toContain('newborn');
});

describe.each(BUNDLES)('the %s bundle’s combined form', (bundle) => {
  it('merges its services’ forms without conflicts and asks every key once', () => {
    // given
    const forms = serviceForms(bundle);
    // when
    const result = mergeForms(forms, { id: `Form_${bundle}` });
    // then
    if (!result.ok) expect(result.problems).toEqual([]);
    if (!result.ok) return;
    const keys = keysOf(result.form.components);
    expect(keys.length).toBe(new Set(keys).size);
    expect(new Set(keys)).toEqual(new Set(forms.flatMap((form) => keysOf(form.schema.components))));
    expect(parseFormSchema(result.form)).toMatchObject({ ok: true });
  });

  it('rejects an empty submission with the required fields named', () => {
    const result = mergeForms(serviceForms(bundle));
    if (!result.ok) return;
    const validation = validateSubmission(result.form, {});
    expect(validation.valid).toBe(false);
    expect(Object.keys(validation.errors)).toContain('applicant.idNumber');
  });
});
