import { isRecord } from '../../../app/json-guards.ts';
import { describe, expect, it } from 'vitest';
import { newbornLikeForm } from '../apply/newborn-form.test-support.ts';
import { valuePaths } from '../apply/form-components.ts';
import { correctionSchema } from './correction-schema.ts';

describe('correctionSchema', () => {
  it('keeps only the returned fields, inside their sections, and drops sections left empty', () => {
    // when
    const schema = correctionSchema(newbornLikeForm(), ['applicant.mobile', 'children[0].name']);

    // then
    const sections = schema.components.filter(isRecord).map((component) => component.id);
    expect(sections).toEqual(['Group_shared', 'Group_tax']);
    expect(valuePaths(schema.components.filter(isRecord))).toEqual(['applicant.mobile', 'children']);
  });

  it('asks the whole form again when the clerk named no fields', () => {
    // given
    const form = newbornLikeForm();

    // then
    expect(correctionSchema(form, [])).toBe(form);
  });
});
