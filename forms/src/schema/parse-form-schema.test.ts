import { describe, expect, it } from 'vitest';
import { parseFormSchema } from './parse-form-schema.ts';

const field = (id: string, key: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'textfield',
  key,
  ...extra,
});

describe('parseFormSchema', () => {
  it('returns a valid schema typed and keeps properties it does not interpret', () => {
    // given
    const input = {
      type: 'default',
      schemaVersion: 19,
      components: [
        field('Field_name', 'child.name', {
          label: '姓名',
          layout: { columns: 8 },
          validate: { required: true },
        }),
        {
          id: 'Group_mother',
          type: 'group',
          path: 'mother',
          components: [field('Field_mother_id', 'idNumber', { conditional: { hide: '=x = 1' } })],
        },
      ],
    };
    // when
    const result = parseFormSchema(input);
    // then
    expect(result).toEqual({ ok: true, schema: input });
  });

  it('reports every problem with its location instead of stopping at the first', () => {
    // given
    const input = {
      type: 'default',
      components: [
        field('Field_a', 'a', { validate: { required: 'yes', min: 'ten', pattern: '([' } }),
        field('Field_b', 'not a key'),
        field('Field_e', 'a.__proto__.polluted'),
        { id: 'Field_c', type: 'select', key: 'c', values: [{ label: 'A' }] },
        { id: 'Field_d', type: 'textfield', key: 'd', conditional: { hide: 'x = 1' } },
      ],
    };
    // when
    const result = parseFormSchema(input);
    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['FORM_SCHEMA_INVALID', 'components[0].validate.pattern'],
      ['FORM_SCHEMA_INVALID', 'components[0].validate.required'],
      ['FORM_SCHEMA_INVALID', 'components[0].validate.min'],
      ['FORM_SCHEMA_INVALID', 'components[1].key'],
      ['FORM_SCHEMA_INVALID', 'components[2].key'],
      ['FORM_SCHEMA_INVALID', 'components[3].values[0].value'],
      ['FORM_SCHEMA_INVALID', 'components[4].conditional.hide'],
    ]);
  });

  it('reports a key bound twice, also through a group path', () => {
    const result = parseFormSchema({
      type: 'default',
      components: [
        field('Field_a', 'mother.name'),
        { id: 'Group_m', type: 'group', path: 'mother', components: [field('Field_b', 'name')] },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'FORM_DUPLICATE_KEY', path: 'components[1].components[0].key' }],
    });
  });

  it('reports a key that lies inside another field’s value', () => {
    const result = parseFormSchema({
      type: 'default',
      components: [field('Field_a', 'gate'), field('Field_b', 'gate.trigger')],
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'FORM_DUPLICATE_KEY', path: 'components[1].key' }],
    });
  });

  it('allows the same key inside a dynamic list and outside it', () => {
    const result = parseFormSchema({
      type: 'default',
      components: [
        field('Field_a', 'name'),
        {
          id: 'List_c',
          type: 'dynamiclist',
          path: 'children',
          isRepeating: true,
          components: [field('Field_b', 'name')],
        },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('reports duplicate ids, unsupported components and non-schemas', () => {
    expect(
      parseFormSchema({
        type: 'default',
        components: [field('X', 'a'), field('X', 'b'), { id: 'Y', type: 'iframe' }],
      }),
    ).toMatchObject({
      ok: false,
      problems: [
        { code: 'FORM_DUPLICATE_ID', path: 'components[1].id' },
        { code: 'FORM_UNSUPPORTED_COMPONENT', path: 'components[2].type' },
      ],
    });
    expect(parseFormSchema('<form/>')).toMatchObject({
      ok: false,
      problems: [{ code: 'FORM_SCHEMA_INVALID' }],
    });
    expect(parseFormSchema({ type: 'default' })).toMatchObject({
      ok: false,
      problems: [{ path: 'components' }],
    });
  });
});
