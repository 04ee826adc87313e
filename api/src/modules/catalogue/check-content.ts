import {
  mergeForms,
  parseFormSchema,
  type FormSchema,
  type MergedField,
  type ServiceForm,
} from '@onething/forms';
import { parseBundleManifest, parseFormKey, type BundleManifest } from '@onething/processes';
import { formName, formPath, type BundleContent } from './bundle-content.ts';

/** One thing wrong with a bundle, as the Studio shows it beside the element, form or field. */
export interface ContentProblem {
  source: 'bundle' | 'form' | 'lint' | 'deploy';
  elementId?: string;
  formPath?: string;
  fieldKey?: string;
  message: string;
}

/** A bundle's content that passed the checks, ready to serve. */
export interface CheckedContent {
  manifest: BundleManifest;
  /** Every form by name (`birth-certificate`), checked by the forms package. */
  forms: Map<string, FormSchema>;
  /** The combined form (一表申请) of all services. */
  form: FormSchema;
  fields: readonly MergedField[];
}

export type CheckResult = { ok: true; value: CheckedContent } | { ok: false; problems: ContentProblem[] };

const FORM_PATH = /^forms\/[a-z][a-z0-9-]*\.form$/;

/**
 * Checks what the catalogue needs of a bundle besides its BPMN: a valid
 * `bundle.json` for this key, forms that parse, a form for every service,
 * every field key in the field dictionary and service forms that merge
 * without conflicts, and user tasks whose form keys name a form of the bundle.
 */
export function checkContent(key: string, content: BundleContent): CheckResult {
  const problems: ContentProblem[] = [];
  const manifest = parseBundleManifest(content.manifest);
  if (!manifest.ok) {
    problems.push(...manifest.problems.map((message) => ({ source: 'bundle' as const, message })));
  } else if (manifest.value.key !== key) {
    problems.push({ source: 'bundle', message: `key: expected "${key}", found "${manifest.value.key}"` });
  }

  const forms = new Map<string, FormSchema>();
  for (const [path, raw] of Object.entries(content.forms)) {
    if (!FORM_PATH.test(path)) {
      problems.push({
        source: 'form',
        formPath: path,
        message: 'a form path is forms/<kebab-case name>.form',
      });
      continue;
    }
    const parsed = parseFormSchema(raw);
    if (parsed.ok) forms.set(formName(path), parsed.schema);
    else
      problems.push(
        ...parsed.problems.map((p) => ({
          source: 'form' as const,
          formPath: path,
          message: p.path === '' ? p.message : `${p.path}: ${p.message}`,
        })),
      );
  }
  problems.push(...formKeyProblems(key, content.bpmn, new Set(Object.keys(content.forms))));
  if (manifest.ok && !processIds(content.bpmn).includes(manifest.value.processId)) {
    problems.push({
      source: 'bundle',
      message: `the BPMN has no process with the id "${manifest.value.processId}" that bundle.json names (processId)`,
    });
  }
  if (!manifest.ok || problems.length > 0) return { ok: false, problems };

  const serviceForms: (ServiceForm & { path: string })[] = [];
  for (const service of manifest.value.services) {
    const schema = forms.get(formName(service.form));
    if (schema === undefined) {
      problems.push({
        source: 'form',
        formPath: service.form,
        message: `service ${service.key} names ${service.form}, which the bundle does not have`,
      });
      continue;
    }
    serviceForms.push({
      service: `${service.department}:${service.key}`,
      department: service.department,
      schema,
      path: service.form,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const merged = mergeForms(serviceForms, { id: `Form_${key}` });
  if (!merged.ok) {
    return {
      ok: false,
      problems: merged.problems.flatMap((problem) =>
        problem.services.map((service) => ({
          source: 'form' as const,
          formPath: serviceForms.find((form) => form.service === service)?.path ?? service,
          fieldKey: problem.path,
          message: `${problem.code}: ${problem.message}`,
        })),
      ),
    };
  }
  return { ok: true, value: { manifest: manifest.value, forms, form: merged.form, fields: merged.fields } };
}

const PROCESS = /<(?:[\w-]+:)?process\b[^>]*?\bid="([^"]+)"/g;

function processIds(bpmn: string): string[] {
  return [...bpmn.matchAll(PROCESS)].map((match) => match[1] ?? '');
}

const USER_TASK = /<(?:[\w-]+:)?userTask\b[^>]*?\bid="([^"]+)"/g;
const FORM_KEY_ATTRIBUTE = /\bformKey="([^"]*)"/g;

/**
 * User tasks name their form with `onething:form:<bundle>/<name>`: it must be
 * a form of this bundle, or the clerk would get a task without a form. The
 * element is the user task the form key sits in (the last one opened before it).
 */
function formKeyProblems(key: string, bpmn: string, paths: ReadonlySet<string>): ContentProblem[] {
  const tasks = [...bpmn.matchAll(USER_TASK)].map((m) => ({ at: m.index, id: m[1] ?? '' }));
  const problems: ContentProblem[] = [];
  for (const match of bpmn.matchAll(FORM_KEY_ATTRIBUTE)) {
    const value = match[1] ?? '';
    const elementId = tasks.filter((task) => task.at < match.index).at(-1)?.id;
    const parsed = parseFormKey(value);
    const where = elementId === undefined ? {} : { elementId };
    if (parsed === undefined || parsed.bundleKey !== key) {
      problems.push({
        source: 'form',
        ...where,
        message: `form key "${value}" is not onething:form:${key}/<form name>`,
      });
    } else if (!paths.has(formPath(parsed.formName))) {
      problems.push({
        source: 'form',
        ...where,
        formPath: formPath(parsed.formName),
        message: `form key "${value}" names a form the bundle does not have`,
      });
    }
  }
  return problems;
}
