import { evaluate } from '@bpmn-io/feelin';
import { describe, expect, it } from 'vitest';
import { acceptanceDueAt, computeDueDates } from '../src/due-dates.ts';
import { BUNDLE_KEYS, loadBundle } from '../src/load-bundles.ts';
import { extension, flowElements, parseBpmn, text, type Element } from './bpmn-model.ts';
import { sampleApplications } from './fixtures/sample-applications.ts';

// Runs the FEEL of each process over a complete sample application, in the
// order the engine would: acceptance, due dates, each service's inputs,
// decisions and outputs. A typo in a variable path gives null here, long
// before an instance meets it.

type Context = Record<string, unknown>;

function feel(expression: string | undefined, context: Context): unknown {
  if (!expression?.startsWith('=')) throw new Error(`not a FEEL expression: ${expression}`);
  return evaluate(expression.slice(1), context).value;
}

function mappings(
  element: Element | undefined,
  kind: 'inputParameters' | 'outputParameters',
): [string, string][] {
  const io = element ? extension(element, 'zeebe:IoMapping') : undefined;
  return (io?.elements(kind) ?? []).map((p) => [text(p, 'target') ?? '', text(p, 'source') ?? '']);
}

function condition(elements: Element[], flowId: string): string | undefined {
  return text(elements.find((e) => e.id === flowId)?.element('conditionExpression'), 'body');
}

function sampleResponse(outputs: string): Context {
  // `={a: a, b: b}` → {a: "a-sample", b: "b-sample"}
  const fields = [...outputs.matchAll(/([A-Za-z]+): \1/g)].map((m) => m[1] ?? '');
  return Object.fromEntries(fields.map((field) => [field, `${field}-sample`]));
}

describe.each(BUNDLE_KEYS)('FEEL data flow of %s over a complete sample application', (key) => {
  it('accepts, dates every part and feeds every registry call a value for each request field', async () => {
    // given
    const bundle = loadBundle(key);
    const { definitions } = await parseBpmn(bundle.bpmnXml);
    const elements = definitions
      .elements('rootElements')
      .flatMap((e) => (e.type === 'bpmn:Process' ? flowElements(e) : []));
    const byId = (id: string) => elements.find((e) => e.id === id);
    const services = bundle.manifest.services.map((s) => s.key);
    const context: Context = {
      applicationId: 'app-1',
      bundleKey: key,
      ...sampleApplications[key],
      services,
      acceptDueAt: acceptanceDueAt('2026-09-30T09:00:00+08:00'),
      acceptance: { decision: 'accept' },
      ...computeDueDates(bundle.manifest, '2026-09-30T10:00:00+08:00', services),
      results: {},
    };

    // then the window accepts
    expect(feel(condition(elements, 'Flow_Accepted'), context)).toBe(true);
    expect(feel(condition(elements, 'Flow_Returned'), context)).toBe(false);
    expect(feel(condition(elements, 'Flow_Rejected'), context)).toBe(false);

    // and every part's timer and every clerk task's due date is a date-time
    for (const timer of elements.filter((e) => e.id.endsWith('Overdue') && e.type === 'bpmn:BoundaryEvent')) {
      const timeDate = timer.elements('eventDefinitions')[0]?.element('timeDate');
      expect(feel(text(timeDate, 'body'), context), timer.id).not.toBeNull();
    }
    for (const task of elements.filter((e) => e.type === 'bpmn:UserTask')) {
      const dueDate = text(extension(task, 'zeebe:TaskSchedule'), 'dueDate');
      if (dueDate) expect(feel(dueDate, context), task.id).toMatch(/T23:59:59\+08:00$/);
    }

    // and each service, in catalogue order, gets all of its request fields
    for (const service of bundle.manifest.services) {
      const P = service.key.charAt(0).toUpperCase() + service.key.slice(1);
      expect(feel(condition(elements, `Flow_${P}Requested`), context), service.key).toBe(true);
      if (service.mode === 'review') {
        const reviewed = { ...context, reviews: { [service.key]: { decision: 'approve' } } };
        expect(feel(condition(elements, `Flow_${P}Approved`), reviewed)).toBe(true);
        expect(feel(condition(elements, `Flow_${P}ReviewRejected`), reviewed)).toBe(false);
      }
      const task = byId(`Task_${P}`);
      for (const [target, source] of mappings(task, 'inputParameters')) {
        const value = feel(source, context);
        expect(value ?? undefined, `${service.key}: ${target} ← ${source}`).toBeDefined();
      }
      const [output] = mappings(task, 'outputParameters');
      expect(output?.[0]).toBe(`results.${service.key}`);
      const response = sampleResponse(output?.[1] ?? '');
      expect(feel(output?.[1], { ...context, ...response })).toEqual(response);
      context.results = { ...(context.results as Context), [service.key]: response };
    }
  });
});

describe('unemployment: reasons for leaving', () => {
  it('maps every dictionary reason to one of the registry’s four categories', async () => {
    const bundle = loadBundle('unemployment');
    const { definitions } = await parseBpmn(bundle.bpmnXml);
    const elements = definitions
      .elements('rootElements')
      .flatMap((e) => (e.type === 'bpmn:Process' ? flowElements(e) : []));
    const source = mappings(
      elements.find((e) => e.id === 'Task_UnemploymentRegistration'),
      'inputParameters',
    ).find(([target]) => target === 'separationReason')?.[1];
    const expected: Record<string, string> = {
      'contract-expired': 'contract-ended',
      'employer-terminated': 'dismissed',
      'mutual-agreement': 'dismissed',
      'employer-bankrupt': 'employer-closed',
      'employee-for-cause': 'dismissed',
      voluntary: 'resigned',
    };
    for (const [reason, category] of Object.entries(expected)) {
      expect(feel(source, { unemployment: { separationReason: reason } }), reason).toBe(category);
    }
  });
});

describe.each(BUNDLE_KEYS)('form conditions of %s', (key) => {
  it('evaluate to a boolean whether or not the field they depend on is filled', () => {
    const bundle = loadBundle(key);
    for (const [name, schema] of bundle.forms) {
      for (const component of schema.components) {
        const conditional = component.conditional;
        if (typeof conditional !== 'object' || conditional === null || !('hide' in conditional)) continue;
        const hide = typeof conditional.hide === 'string' ? conditional.hide : undefined;
        expect(typeof feel(hide, {}), `${name} ${component.id}`).toBe('boolean');
        expect(typeof feel(hide, sampleApplications[key] ?? {}), `${name} ${component.id}`).toBe('boolean');
      }
    }
  });
});
