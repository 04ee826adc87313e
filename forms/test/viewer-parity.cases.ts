import { dictionaryComponent } from '../src/dictionary/dictionary.ts';

/**
 * Forms and data on which `validateSubmission` must fail exactly the fields, and exactly the
 * rules, that the form-js viewer's own `validate()` fails. Data is given as a citizen's browser
 * would send it.
 */
export interface ParityCase {
  readonly name: string;
  readonly components: readonly Record<string, unknown>[];
  readonly data: Record<string, unknown>;
  /** The field ids (`/index` inside lists) the viewer fails: guards against a viewer that rendered nothing. */
  readonly failing: readonly string[];
}

const text = (id: string, key: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'textfield',
  key,
  ...extra,
});
const number = (id: string, key: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'number',
  key,
  ...extra,
});
const required = { validate: { required: true } };

function fromDictionary(key: string): Record<string, unknown> {
  const component = dictionaryComponent(key);
  if (!component) throw new Error(`no dictionary field ${key}`);
  return { ...component };
}

export const PARITY_CASES: readonly ParityCase[] = [
  {
    name: 'required fields left empty, of every kind',
    components: [
      text('Field_missing', 'missing', required),
      text('Field_blank', 'blank', required),
      number('Field_number', 'amount', required),
      { id: 'Field_check', type: 'checkbox', key: 'agreed', ...required },
      { id: 'Field_list', type: 'checklist', key: 'docs', values: [{ label: 'A', value: 'a' }], ...required },
      {
        id: 'Field_select',
        type: 'select',
        key: 'choice',
        values: [{ label: 'A', value: 'a' }],
        ...required,
      },
      { id: 'Field_date', type: 'datetime', subtype: 'date', key: 'day', ...required },
      text('Field_given', 'given', required),
    ],
    data: { blank: '', agreed: false, docs: [], choice: null, given: 'x' },
    failing: [
      'Field_missing',
      'Field_blank',
      'Field_number',
      'Field_check',
      'Field_list',
      'Field_select',
      'Field_date',
    ],
  },
  {
    name: 'lengths counted after trimming, and only on non-empty values',
    components: [
      text('Field_short', 'short', { validate: { minLength: 3 } }),
      text('Field_long', 'long', { validate: { maxLength: 4 } }),
      text('Field_ok', 'ok', { validate: { minLength: 2, maxLength: 4 } }),
      text('Field_empty', 'empty', { validate: { minLength: 2 } }),
    ],
    data: { short: '  ab  ', long: 'abcde', ok: ' abcd ', empty: '' },
    failing: ['Field_short', 'Field_long'],
  },
  {
    name: 'patterns test anywhere in the value unless anchored',
    components: [
      text('Field_anchored', 'anchored', { validate: { pattern: '^\\d{3}$' } }),
      text('Field_loose', 'loose', { validate: { pattern: '\\d{3}' } }),
      text('Field_fails', 'fails', { validate: { pattern: '^[A-Z]+$', patternErrorMessage: '大写字母' } }),
      text('Field_unset', 'unset', { validate: { pattern: '^x$' } }),
    ],
    data: { anchored: '1234', loose: 'ab123cd', fails: 'abc' },
    failing: ['Field_anchored', 'Field_fails'],
  },
  {
    name: 'min and max on numbers, including zero and FEEL bounds',
    components: [
      number('Field_low', 'low', { validate: { min: 18 } }),
      number('Field_high', 'high', { validate: { max: 100 } }),
      number('Field_zero', 'zero', { validate: { min: 1 } }),
      number('Field_edge', 'edge', { validate: { min: 0, max: 10 } }),
      number('Field_feel', 'feel', { validate: { min: '=limits.min' } }),
      number('Field_nofeel', 'nofeel', { validate: { max: '=limits.missing' } }),
      number('Field_digits', 'digits', { decimalDigits: 0 }),
      number('Field_step', 'step', { increment: '0.5' }),
    ],
    data: {
      low: 17,
      high: 100.5,
      zero: 0,
      edge: 10,
      feel: 4,
      nofeel: 1e9,
      digits: 2.5,
      step: 1.25,
      limits: { min: 5 },
    },
    failing: ['Field_low', 'Field_high', 'Field_zero', 'Field_feel', 'Field_digits', 'Field_step'],
  },
  {
    name: 'email and international phone numbers',
    components: [
      text('Field_email_bad', 'emailBad', { validate: { validationType: 'email' } }),
      text('Field_email_ok', 'emailOk', { validate: { validationType: 'email' } }),
      text('Field_phone_bad', 'phoneBad', { validate: { validationType: 'phone' } }),
      text('Field_phone_ok', 'phoneOk', { validate: { validationType: 'phone' } }),
      text('Field_phone_local', 'phoneLocal', { validate: { validationType: 'phone' } }),
    ],
    data: {
      emailBad: 'a@b@c',
      emailOk: 'zhang.san@example.cn',
      phoneBad: '+86',
      phoneOk: '+8613800138000',
      phoneLocal: '13800138000',
    },
    failing: ['Field_email_bad', 'Field_phone_bad', 'Field_phone_local'],
  },
  {
    name: 'hidden fields and fields in hidden groups are ignored, whatever their value',
    components: [
      {
        id: 'Field_kind',
        type: 'radio',
        key: 'kind',
        values: [
          { label: 'A', value: 'a' },
          { label: 'B', value: 'b' },
        ],
      },
      text('Field_hidden', 'onlyForB', {
        validate: { required: true, pattern: '^x$' },
        conditional: { hide: '=kind != "b"' },
      }),
      text('Field_shown', 'onlyForA', {
        validate: { required: true },
        conditional: { hide: '=kind != "a"' },
      }),
      {
        id: 'Group_b',
        type: 'group',
        conditional: { hide: '=kind = "a"' },
        components: [number('Field_in_group', 'inGroup', { validate: { required: true, min: 5 } })],
      },
      text('Field_broken', 'broken', { ...required, conditional: { hide: '=(((' } }),
    ],
    data: { kind: 'a', onlyForB: 'not x', inGroup: 1 },
    failing: ['Field_shown', 'Field_broken'],
  },
  {
    name: 'a condition that reads a hidden field sees it cleared',
    components: [
      text('Field_first', 'first', { conditional: { hide: '=true' } }),
      text('Field_second', 'second', { ...required, conditional: { hide: '=gate.trigger = "yes"' } }),
      text('Field_trigger', 'gate.trigger', { conditional: { hide: '=first = "hide"' } }),
      text('Field_nested', 'nested.value', { ...required, conditional: { hide: '=nested.flag = "hide"' } }),
      text('Field_flag', 'nested.flag', { conditional: { hide: '=true' } }),
      text('Field_other', 'nested.other'),
    ],
    data: { first: 'hide', gate: { trigger: 'yes' }, nested: { flag: 'hide', other: 'kept' } },
    failing: ['Field_nested'],
  },
  {
    name: 'nested keys, group paths and dictionary fields',
    components: [
      fromDictionary('mother.idNumber'),
      fromDictionary('mother.mobile'),
      fromDictionary('father.idNumber'),
      fromDictionary('employer.creditCode'),
      fromDictionary('child.birthWeight'),
      {
        id: 'Group_child',
        type: 'group',
        path: 'child',
        components: [text('Field_child_name', 'name', { validate: { required: true, maxLength: 4 } })],
      },
    ],
    data: {
      mother: { idNumber: '11010519491231002x', mobile: '1380013800' },
      father: { idNumber: '440524188001010014' },
      employer: { creditCode: '91350100M000100Y43' },
      child: { name: '欧阳小明明', birthWeight: 250 },
    },
    failing: ['Field_mother_idNumber', 'Field_mother_mobile', 'Field_child_birthWeight', 'Field_child_name'],
  },
  {
    name: 'dynamic lists validate each item and start with one empty item',
    components: [
      {
        id: 'List_children',
        type: 'dynamiclist',
        path: 'children',
        isRepeating: true,
        components: [
          text('Field_item_name', 'name', required),
          number('Field_item_age', 'age', {
            validate: { max: 17 },
            conditional: { hide: '=this.name = "skip"' },
          }),
        ],
      },
      {
        id: 'List_empty',
        type: 'dynamiclist',
        path: 'empty',
        isRepeating: true,
        components: [text('Field_e', 'e', required)],
      },
    ],
    data: {
      children: [
        { name: 'a', age: 20 },
        { name: '', age: 3 },
        { name: 'skip', age: 30 },
      ],
    },
    failing: ['Field_item_age/0', 'Field_item_name/1', 'Field_e/0'],
  },
  {
    name: 'disabled fields are not validated, read-only fields are',
    components: [
      text('Field_disabled', 'disabled', { ...required, disabled: true }),
      text('Field_readonly', 'readonly', { ...required, readonly: true }),
    ],
    data: {},
    failing: ['Field_readonly'],
  },
  {
    name: 'values of the wrong type are validated as the viewer sanitizes them',
    components: [
      number('Field_text_number', 'n', required),
      { id: 'Field_bad_option', type: 'select', key: 's', values: [{ label: 'A', value: 'a' }], ...required },
      text('Field_number_text', 't', { validate: { maxLength: 2 } }),
      { id: 'Field_bad_date', type: 'datetime', subtype: 'date', key: 'd', ...required },
    ],
    data: { n: 'abc', s: 'z', t: 12345, d: 'not a date' },
    failing: ['Field_text_number', 'Field_bad_option', 'Field_number_text', 'Field_bad_date'],
  },
  {
    name: 'conditions combined by the merge with and / or',
    components: [
      {
        id: 'Field_kind',
        type: 'radio',
        key: 'kind',
        values: [
          { label: 'A', value: 'a' },
          { label: 'B', value: 'b' },
        ],
      },
      text('Field_other', 'other'),
      text('Field_both', 'both', { ...required, conditional: { hide: '=(kind = "a") and (other = "b")' } }),
      text('Field_either', 'either', {
        ...required,
        conditional: { hide: '=(kind = "b") or (other = "c")' },
      }),
      text('Field_neither', 'neither', {
        ...required,
        conditional: { hide: '=(kind = "b") or (other = "b")' },
      }),
    ],
    data: { kind: 'a', other: 'c' },
    failing: ['Field_both', 'Field_neither'],
  },
];
