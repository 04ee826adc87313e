import { loadBundle } from '@onething/processes';
import { parseFormSchema, type FormSchema } from '@onething/forms';
import { describe, expect, it } from 'vitest';
import { fillRequired } from './form-defaults.ts';

const hints = { today: '2026-11-29', idNumber: '330106199608150244', mobile: '13800000001' };

function form(name: string): FormSchema {
  const parsed = parseFormSchema(loadBundle('newborn').forms.get(name));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.schema;
}

describe('fillRequired', () => {
  it('takes the first option of a required choice and leaves hidden and optional fields empty', () => {
    // when
    const result = fillRequired(form('window-accept'), {}, hints);

    // then
    expect(result.valid).toBe(true);
    expect(result.data['acceptance']).toEqual({ decision: 'accept', materialsChecked: [], comment: '' });
  });

  it('keeps the values given and fills what a revealed field then requires', () => {
    // given: a rejection reveals the required comment
    const given = { review: { decision: 'reject' } };

    // when
    const result = fillRequired(form('review-birth-certificate'), given, hints);

    // then
    expect(result.valid).toBe(true);
    expect(result.data['review']).toEqual({ decision: 'reject', comment: '试运行 dry run' });
  });

  it('reports what it cannot fill instead of inventing it', () => {
    // given: a required code with a pattern no default can guess
    const parsed = parseFormSchema({
      type: 'default',
      components: [
        {
          type: 'textfield',
          id: 'Field_code',
          key: 'permit.code',
          validate: { required: true, pattern: '^[0-9]{6}$' },
        },
      ],
    });
    if (!parsed.ok) throw new Error('the form does not parse');

    // when
    const result = fillRequired(parsed.schema, {}, hints);

    // then
    expect(result.valid).toBe(false);
    expect(Object.keys(result.errors)).toEqual(['permit.code']);
  });
});
