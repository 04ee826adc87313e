import { Linter } from '@camunda/linting';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOperationTemplate } from '../scripts/bpmn/element-templates.ts';
import { STAFF_FORMS, parseFormKey, reviewFormName } from '../src/form-keys.ts';
import { FORM_KEY_PATTERN, formKeys } from '../src/form-schema.ts';
import { loadBundle, type Bundle } from '../src/load-bundles.ts';
import { extension, flowElements, parseBpmn, text, type Element } from './bpmn-model.ts';

/** What ZEEBE-COMPAT.md §3 supports at P0/P1 and the bundles may use. */
const SUPPORTED = new Set([
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:EventBasedGateway',
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
  'bpmn:SubProcess',
  'bpmn:SequenceFlow',
]);

export const FORM_SCHEMA_VERSION = 19;

interface Loaded {
  bundle: Bundle;
  process: Element;
  elements: Element[];
  diElements: Set<string>;
}

async function load(key: string): Promise<Loaded> {
  const bundle = loadBundle(key);
  const { definitions, warnings } = await parseBpmn(bundle.bpmnXml);
  expect(warnings).toEqual([]);
  const process = definitions.elements('rootElements').find((e) => e.type === 'bpmn:Process');
  if (!process) throw new Error('no process');
  const plane = definitions.elements('diagrams')[0]?.element('plane');
  const diElements = new Set(
    (plane?.elements('planeElement') ?? []).map((di) => di.element('bpmnElement')?.id ?? ''),
  );
  return { bundle, process, elements: flowElements(process), diElements };
}

function of(elements: Element[], type: string): Element[] {
  return elements.filter((e) => e.type === type);
}

function header(task: Element, key: string): string | undefined {
  const found = extension(task, 'zeebe:TaskHeaders')
    ?.elements('values')
    .find((h) => text(h, 'key') === key);
  return text(found, 'value');
}

function successorsOf(element: Element | undefined): string[] {
  return (element?.elements('outgoing') ?? []).map((f) => f.element('targetRef')?.id ?? '');
}

/** `Task_<Service>`: the connector task of a service. */
function taskId(serviceKey: string): string {
  return `Task_${serviceKey.charAt(0).toUpperCase()}${serviceKey.slice(1)}`;
}

function groups(task: Element | undefined): string | undefined {
  return task ? text(extension(task, 'zeebe:AssignmentDefinition'), 'candidateGroups') : undefined;
}

/** The checks every bundle must pass; bundle-specific tests add their own. */
export function describeBundle(key: string): void {
  describe(`bundle ${key}: catalogue entry, forms and process`, () => {
    let loaded: Loaded;
    beforeAll(async () => {
      loaded = await load(key);
    });

    it('has a valid bundle.json whose process id is the BPMN process id', () => {
      expect(loaded.bundle.manifest.processId).toBe(`onething-${key}`);
      expect(loaded.process.id).toBe(loaded.bundle.manifest.processId);
      expect(loaded.process.get('isExecutable')).toBe(true);
    });

    it('passes the Camunda 8.3 lint rules (@camunda/linting) without errors or warnings', async () => {
      const reports = await new Linter({ modeler: 'desktop', type: 'cloud' }).lint(loaded.bundle.bpmnXml);
      expect(reports.map((r) => `${r.category} ${r.id}: ${r.message} (${r.rule})`)).toEqual([]);
    });

    it('uses only the BPMN elements the engine supports', () => {
      const unsupported = loaded.elements
        .filter((e) => !SUPPORTED.has(e.type))
        .map((e) => `${e.id} ${e.type}`);
      expect(unsupported).toEqual([]);
    });

    it('lays out every element and flow in the diagram', () => {
      const missing = loaded.elements.filter((e) => !loaded.diElements.has(e.id)).map((e) => e.id);
      expect(missing).toEqual([]);
    });

    it('runs each service as a connector task with the job type and element template of its operation', () => {
      const tasks = of(loaded.elements, 'bpmn:ServiceTask');
      for (const service of loaded.bundle.manifest.services) {
        const task = tasks.find((t) => t.id === taskId(service.key));
        expect(task, service.key).toBeDefined();
        if (!task) continue;
        expect(text(extension(task, 'zeebe:TaskDefinition'), 'type')).toBe(service.operation);
        expect(`onething:${header(task, 'registry')}:${header(task, 'operation')}`).toBe(service.operation);
        expect(text(task, 'modelerTemplate')).toBe(service.operation.replaceAll(':', '.'));
        const outputs = (extension(task, 'zeebe:IoMapping')?.elements('outputParameters') ?? []).map(
          (p) => text(p, 'target') ?? '',
        );
        expect(outputs.length).toBeGreaterThan(0);
        for (const target of outputs)
          expect(target).toMatch(new RegExp(`^results\\.${service.key}\\.[a-zA-Z]+$`));
      }
      expect(tasks).toHaveLength(loaded.bundle.manifest.services.length);
    });

    it('matches each connector task to its element template: version, retries, request and response fields', () => {
      for (const service of loaded.bundle.manifest.services) {
        const task = of(loaded.elements, 'bpmn:ServiceTask').find((t) => t.id === taskId(service.key));
        if (!task) throw new Error(`no task for ${service.key}`);
        const template = readOperationTemplate(service.operation);
        expect(task.get('modelerTemplateVersion'), service.key).toBe(template.version);
        expect(text(extension(task, 'zeebe:TaskDefinition'), 'retries')).toBe(String(template.retries));
        const io = extension(task, 'zeebe:IoMapping');
        const inputs = (io?.elements('inputParameters') ?? []).map((p) => text(p, 'target'));
        const required = template.inputs.filter((i) => !i.optional).map((i) => i.name);
        expect(
          inputs.filter((name) => !template.inputs.some((i) => i.name === name)),
          service.key,
        ).toEqual([]);
        expect(
          required.filter((name) => !inputs.includes(name)),
          service.key,
        ).toEqual([]);
        const sources = (io?.elements('outputParameters') ?? []).map((p) => text(p, 'source'));
        expect(sources).toEqual(template.outputs.map((field) => `=${field}`));
      }
    });

    it('asks the citizen for every value the registry calls and the reviewers read', () => {
      // given every key of the citizen's service forms
      const asked = new Set(
        loaded.bundle.manifest.services.flatMap((service) => {
          const schema = loaded.bundle.forms.get(service.form.slice('forms/'.length, -'.form'.length));
          return schema ? formKeys(schema) : [];
        }),
      );
      const paths = (source: string) =>
        [...source.replace(/"[^"]*"/g, '').matchAll(/\b[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+/g)]
          .map((m) => m[0])
          .filter((path) => !path.startsWith('results.'));

      // then each dotted path a connector input reads is one of them
      for (const task of of(loaded.elements, 'bpmn:ServiceTask')) {
        for (const input of extension(task, 'zeebe:IoMapping')?.elements('inputParameters') ?? []) {
          for (const path of paths(text(input, 'source') ?? ''))
            expect(asked.has(path), `${task.id}: ${path}`).toBe(true);
        }
      }
      // and so is each application field a review form shows
      for (const [name, schema] of loaded.bundle.forms) {
        if (!name.startsWith('review-')) continue;
        for (const key of formKeys(schema).filter((k) => !k.startsWith('review.'))) {
          if (!key.startsWith('results.')) expect(asked.has(key), `${name}: ${key}`).toBe(true);
        }
      }
    });

    it('catches registry rejections on every connector task and routes them to a clerk of its department', () => {
      const boundaries = of(loaded.elements, 'bpmn:BoundaryEvent');
      for (const task of of(loaded.elements, 'bpmn:ServiceTask')) {
        const service = loaded.bundle.manifest.services.find((s) => taskId(s.key) === task.id);
        const catcher = boundaries.find(
          (b) =>
            b.element('attachedToRef')?.id === task.id &&
            b.elements('eventDefinitions')[0]?.type === 'bpmn:ErrorEventDefinition',
        );
        expect(catcher, task.id).toBeDefined();
        const next = catcher?.elements('outgoing')[0]?.element('targetRef');
        expect(next?.type).toBe('bpmn:UserTask');
        expect(groups(next)).toBe(service?.department);
      }
    });

    it('gives review services a review task for the department before the connector', () => {
      for (const service of loaded.bundle.manifest.services.filter((s) => s.mode === 'review')) {
        const review = of(loaded.elements, 'bpmn:UserTask').find((t) =>
          text(extension(t, 'zeebe:FormDefinition'), 'formKey')?.endsWith(`/${reviewFormName(service.key)}`),
        );
        expect(review, service.key).toBeDefined();
        expect(groups(review)).toBe(service.department);
      }
    });

    it('gives every user task candidate groups and a form key that names a form of this bundle', () => {
      for (const task of of(loaded.elements, 'bpmn:UserTask')) {
        expect(groups(task), task.id).toMatch(/^(window|hr|tax|health|civil|supervisor)$/);
        const formKey = parseFormKey(text(extension(task, 'zeebe:FormDefinition'), 'formKey') ?? '');
        expect(formKey?.bundleKey, task.id).toBe(key);
        expect(loaded.bundle.forms.has(formKey?.formName ?? ''), task.id).toBe(true);
        expect(extension(task, 'zeebe:TaskDefinition'), task.id).toBeUndefined();
      }
    });

    it('merges user task results into variables the task’s own form values cannot shadow', () => {
      // A dotted output target `a.b` merges into `a` as seen from the task; if the
      // form also completes the task with a local `a`, the merge reads that instead.
      for (const task of of(loaded.elements, 'bpmn:UserTask')) {
        const formName =
          parseFormKey(text(extension(task, 'zeebe:FormDefinition'), 'formKey') ?? '')?.formName ?? '';
        const schema = loaded.bundle.forms.get(formName);
        const locals = new Set((schema ? formKeys(schema) : []).map((k) => k.split('.')[0]));
        const targets = (extension(task, 'zeebe:IoMapping')?.elements('outputParameters') ?? []).map(
          (p) => text(p, 'target') ?? '',
        );
        for (const target of targets.filter((t) => t.includes('.'))) {
          expect(locals.has(target.split('.')[0]), `${task.id} → ${target}`).toBe(false);
        }
      }
    });

    it('watches each department part with a non-interrupting timer on its due date that escalates to supervisors', () => {
      const boundaries = of(loaded.elements, 'bpmn:BoundaryEvent');
      for (const department of loaded.bundle.manifest.departments) {
        const partId = `SubProcess_${department.charAt(0).toUpperCase()}${department.slice(1)}`;
        const timer = boundaries.find(
          (b) =>
            b.elements('eventDefinitions')[0]?.type === 'bpmn:TimerEventDefinition' &&
            b.element('attachedToRef')?.id === partId,
        );
        expect(timer, department).toBeDefined();
        expect(timer?.get('cancelActivity')).toBe(false);
        const timeDate = timer?.elements('eventDefinitions')[0]?.element('timeDate');
        expect(text(timeDate, 'body')).toBe(`=date and time(parts.${department}.dueAt)`);
        const next = timer?.elements('outgoing')[0]?.element('targetRef');
        expect(groups(next)).toBe('supervisor');
      }
    });

    it('has window acceptance that can accept, reject, or return for correction until the supplement or its deadline', () => {
      const accept = loaded.elements.find((e) => e.id === 'Task_WindowAccept');
      expect(groups(accept)).toBe('window');
      const flows = of(loaded.elements, 'bpmn:SequenceFlow').filter(
        (f) => f.element('sourceRef')?.id === 'Gateway_AcceptDecision',
      );
      expect(flows.map((f) => f.id).sort()).toEqual(['Flow_Accepted', 'Flow_Rejected', 'Flow_Returned']);
      const awaiting = flows.find((f) => f.id === 'Flow_Returned')?.element('targetRef');
      expect(awaiting?.type).toBe('bpmn:EventBasedGateway');
      const events = (awaiting?.elements('outgoing') ?? []).map((f) => f.element('targetRef'));
      const definitions = events.map((e) => e?.elements('eventDefinitions')[0]);
      const timer = definitions.find((d) => d?.type === 'bpmn:TimerEventDefinition');
      expect(text(timer?.element('timeDate'), 'body')).toBe('=date and time(acceptance.supplementDueAt)');
      const wait = events.find(
        (e) => e?.elements('eventDefinitions')[0]?.type === 'bpmn:MessageEventDefinition',
      );
      expect(successorsOf(wait)).toEqual(['Task_WindowAccept']);
      const message = wait?.elements('eventDefinitions')[0]?.element('messageRef');
      expect(text(message, 'name')).toBe('application-supplemented');
      const subscription = message ? extension(message, 'zeebe:Subscription') : undefined;
      expect(text(subscription, 'correlationKey')).toBe('=applicationId');
    });

    it('ends by delivering every result at the window', () => {
      const deliver = loaded.elements.find((e) => e.id === 'Task_DeliverResults');
      const end = deliver?.elements('outgoing')[0]?.element('targetRef');
      expect(end?.type).toBe('bpmn:EndEvent');
    });

    it('has forms in the installed form-js schema version with dotted lowerCamelCase keys', () => {
      for (const [name, schema] of loaded.bundle.forms) {
        expect(schema.schemaVersion, name).toBe(FORM_SCHEMA_VERSION);
        for (const formKey of formKeys(schema)) expect(formKey, name).toMatch(FORM_KEY_PATTERN);
      }
      for (const name of Object.values(STAFF_FORMS)) expect(loaded.bundle.forms.has(name), name).toBe(true);
    });
  });
}
