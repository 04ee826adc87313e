import { describe, expect, it } from 'vitest';
import { newbornLikeForm } from '../apply/newborn-form.test-support.ts';
import { returnedFieldLabels } from './returned-fields.ts';

describe('returnedFieldLabels', () => {
  it('names the returned fields by their labels in the form, lists as a whole', () => {
    // when
    const labels = returnedFieldLabels(
      newbornLikeForm(),
      ['child.name', 'children[0].name', 'children'],
      'zh-CN',
    );

    // then
    expect(labels).toEqual(['新生儿姓名', '子女']);
  });

  it('names them in English from the form, else from the field dictionary', () => {
    // when
    const labels = returnedFieldLabels(newbornLikeForm(), ['applicant.name', 'applicant.mobile'], 'en');

    // then: the form carries the first English label, the dictionary the second
    expect(labels[0]).toBe('Applicant name');
    expect(labels[1]).toMatch(/mobile/i);
  });

  it('shows a key the form does not have as it is, rather than hiding it', () => {
    expect(returnedFieldLabels(newbornLikeForm(), ['pet.name'], 'zh-CN')).toEqual(['pet.name']);
    expect(returnedFieldLabels(null, ['child.name'], 'zh-CN')).toEqual(['child.name']);
  });
});
