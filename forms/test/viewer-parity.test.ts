// @vitest-environment happy-dom
import { Form } from '@bpmn-io/form-js-viewer';
import { Form as DesignerForm } from 'form-js-viewer-1';
import { describe, expect, it } from 'vitest';
import { parseFormSchema } from '../src/schema/parse-form-schema.ts';
import type { ViewerRule } from '../src/validate/rules.types.ts';
import type { SubmissionResult } from '../src/validate/validate-submission.ts';
import { validateSubmission } from '../src/validate/validate-submission.ts';
import { mergeForms } from '../src/merge/merge-forms.ts';
import { BUNDLES, serviceForms } from './bundles.fixture.ts';
import { PARITY_CASES } from './viewer-parity.cases.ts';

// Runs the form-js viewer itself on each case and compares which fields fail which rules.

const VIEWER_MESSAGES: readonly [RegExp, ViewerRule][] = [
  [/^Field is required\.$/, 'required'],
  [/^Field must match pattern /, 'pattern'],
  [/^Field must have minimum value of |^Min validation value is not a valid number\.$/, 'min'],
  [/^Field must have maximum value of |^Max validation value is not a valid number\.$/, 'max'],
  [/^Field must have minimum length of /, 'minLength'],
  [/^Field must have maximum length of /, 'maxLength'],
  // 1.x writes two spaces before "international"
  [/^Field must be a valid\s+international phone number/, 'phone'],
  [/^Field must be a valid email\.$/, 'email'],
  [/^Value is not a number\.$/, 'notANumber'],
  [/^Value is expected to (be an integer|have at most)/, 'decimalDigits'],
  [/^Please select a valid value/, 'increment'],
];

function ruleOf(message: string, patternMessages: readonly string[]): string {
  if (patternMessages.includes(message)) return 'pattern';
  return VIEWER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? `unknown: ${message}`;
}

/** The viewer's errors `{ id: messages }` or, inside lists, `{ id: [messages per item] }`, flattened. */
function flattenViewerErrors(errors: unknown, patternMessages: readonly string[]): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  const visit = (value: unknown, key: string) => {
    if (!Array.isArray(value)) return;
    if (value.every((item) => typeof item === 'string')) {
      flat[key] = value.map((message: string) => ruleOf(message, patternMessages));
      return;
    }
    value.forEach((item: unknown, index) => visit(item, `${key}/${index}`));
  };
  for (const [id, value] of Object.entries(errors && typeof errors === 'object' ? errors : {}))
    visit(value, id);
  return flat;
}

const VIEWER_RULES = new Set<string>(VIEWER_MESSAGES.map(([, rule]) => rule));

function patternMessages(components: readonly unknown[]): string[] {
  return components.flatMap((component) => {
    if (!component || typeof component !== 'object') return [];
    const own = Reflect.get(component, 'validate')?.patternErrorMessage;
    const children: unknown = Reflect.get(component, 'components');
    return [
      ...(typeof own === 'string' ? [own] : []),
      ...patternMessages(Array.isArray(children) ? children : []),
    ];
  });
}

interface Viewer {
  importSchema(schema: object, data: object): Promise<unknown>;
  validate(): unknown;
  destroy(): void;
}

// The current viewer, and the 1.x viewer the designer ships to citizens' browsers.
const VIEWERS: readonly [string, (container: Element) => Viewer][] = [
  ['form-js-viewer 2', (container) => new Form({ container })],
  ['form-js-viewer 1.23', (container) => new DesignerForm({ container })],
];

async function viewerErrors(
  create: (container: Element) => Viewer,
  schema: object,
  data: object,
): Promise<unknown> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const viewer = create(container);
  try {
    await viewer.importSchema(structuredClone(schema), structuredClone(data));
    // let preact render the fields: the viewer validates the field instances it has rendered
    await new Promise((resolve) => setTimeout(resolve, 0));
    return viewer.validate();
  } finally {
    viewer.destroy();
    container.remove();
  }
}

function sharedRuleErrors(result: SubmissionResult): Record<string, string[]> {
  const actual: Record<string, string[]> = {};
  for (const [path, errors] of Object.entries(result.errors)) {
    const indexes = [...path.matchAll(/\[(\d+)\]/g)].map((match) => `/${match[1]}`).join('');
    const shared = errors.map((error) => error.rule).filter((rule) => VIEWER_RULES.has(rule));
    if (shared.length > 0) actual[`${result.fieldIds[path]}${indexes}`] = shared;
  }
  return actual;
}

describe.each(VIEWERS)('validateSubmission agrees with %s', (_viewer, create) => {
  it.each(PARITY_CASES)('$name', async ({ components, data, failing }) => {
    // given
    const raw = { type: 'default', id: 'Form_parity', schemaVersion: 19, components };
    const parsed = parseFormSchema(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));

    // when
    const expected = flattenViewerErrors(await viewerErrors(create, raw, data), patternMessages(components));
    const result = validateSubmission(parsed.schema, structuredClone(data), { today: '2026-11-29' });

    // then
    expect(Object.keys(expected).sort()).toEqual([...failing].sort());
    expect(sharedRuleErrors(result)).toEqual(expected);
  });
});

// A citizen who has filled in little, and that badly.
const CARELESS = {
  applicant: { idNumber: '11010519491231002x', name: '张'.repeat(60), mobile: '1380013800' },
  child: { name: '', sex: 'unknown', birthWeight: 100 },
  deceased: { idNumber: '123' },
  employer: { creditCode: 'abc' },
  employment: { monthlySalary: -1 },
  bankAccount: { number: '12' },
};

describe.each(VIEWERS.flatMap(([viewer, create]) => BUNDLES.map((bundle) => ({ viewer, create, bundle }))))(
  '$viewer on the $bundle bundle’s combined form',
  ({ create, bundle }) => {
    it.each([
      ['an empty submission', {}],
      ['a careless submission', CARELESS],
    ])('fails the same fields as the viewer for %s', async (_name, data) => {
      // given
      const merged = mergeForms(serviceForms(bundle), { id: `Form_${bundle}` });
      if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
      // when
      const expected = flattenViewerErrors(
        await viewerErrors(create, merged.form, data),
        patternMessages(merged.form.components),
      );
      const result = validateSubmission(merged.form, structuredClone(data), { today: '2026-11-29' });
      // then
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      expect(sharedRuleErrors(result)).toEqual(expected);
    });
  },
);
