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

/** A mapping source or expression: FEEL after `=`, otherwise a string literal (as Zeebe reads it). */
function feel(expression: string | undefined, context: Context): unknown {
  if (expression === undefined) throw new Error('no expression');
  return expression.startsWith('=') ? evaluate(expression.slice(1), context).value : expression;
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
    };
    const results: Context = {};
    context.results = results;

    // then the window accepts
    expect(feel(condition(elements, 'Flow_Accepted'), context)).toBe(true);
    expect(feel(condition(elements, 'Flow_Returned'), context)).toBe(false);
    expect(feel(condition(elements, 'Flow_Rejected'), context)).toBe(false);

    // a returned application lapses at its supplement due date
    const returned = {
      ...context,
      acceptance: { decision: 'return', supplementDueAt: '2026-10-16T23:59:59+08:00' },
    };
    expect(feel(condition(elements, 'Flow_Returned'), returned)).toBe(true);
    const lapse = byId('Event_SupplementExpired')?.elements('eventDefinitions')[0]?.element('timeDate');
    expect(feel(text(lapse, 'body'), returned)).not.toBeNull();

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
      // the registry answers every response field the task maps out
      const outputs = mappings(task, 'outputParameters');
      const response = Object.fromEntries(
        outputs.map(([, source]) => [source.slice(1), `${source.slice(1)}-sample`]),
      );
      const result: Context = {};
      for (const [target, source] of outputs) {
        result[target.split('.')[2] ?? target] = feel(source, { ...context, ...response });
      }
      expect(
        Object.values(result).every((value) => typeof value === 'string' && value.endsWith('-sample')),
      ).toBe(true);
      results[service.key] = result;
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
