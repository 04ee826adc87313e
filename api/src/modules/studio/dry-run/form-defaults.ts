import { validateSubmission, type FormSchema, type SubmissionResult } from '@onething/forms';

/** What a filled-in value may be taken from besides the field's own definition. */
export interface DefaultHints {
  /** Today in China (`YYYY-MM-DD`): dates are filled with it. */
  today: string;
  /** A valid resident ID number and mobile for fields that check one (the test citizen's). */
  idNumber: string;
  mobile: string;
}

interface FieldDefinition {
  id?: unknown;
  type?: unknown;
  subtype?: unknown;
  defaultValue?: unknown;
  values?: unknown;
  validate?: unknown;
  properties?: unknown;
  components?: unknown;
}

/** Rounds of filling: a filled field can reveal others (conditionals), a handful is plenty. */
const MAX_ROUNDS = 8;

/**
 * Fills every visible required field that has no value the way a person in a
 * hurry would: the field's default, its first option, today, the smallest
 * allowed number, a valid ID number or mobile, or a short text. It fills
 * required fields only (as a person would leave optional ones empty), and
 * only those the form itself validates as missing, so hidden fields stay
 * empty. Returns the validation of the result: what it could not fill is in
 * its errors.
 */
export function fillRequired(
  form: FormSchema,
  data: Record<string, unknown>,
  hints: DefaultHints,
): SubmissionResult {
  const filled = structuredClone(data);
  const components = componentsById(form.components);
  let result = validateSubmission(form, filled, { today: hints.today });
  for (let round = 0; round < MAX_ROUNDS && !result.valid; round += 1) {
    let changed = false;
    for (const [path, failures] of Object.entries(result.errors)) {
      if (failures[0]?.rule !== 'required' || !/^[\w.]+$/.test(path)) continue;
      const id = result.fieldIds[path];
      const component = id === undefined ? undefined : components.get(id);
      const value = component === undefined ? undefined : defaultValue(component, hints);
      if (value === undefined) continue;
      setPath(filled, path.split('.'), value);
      changed = true;
    }
    if (!changed) break;
    result = validateSubmission(form, filled, { today: hints.today });
  }
  return result;
}

function defaultValue(component: FieldDefinition, hints: DefaultHints): unknown {
  if (component.defaultValue !== undefined && component.defaultValue !== null) return component.defaultValue;
  const options = Array.isArray(component.values) ? component.values : [];
  const first: unknown = isRecord(options[0]) ? options[0]['value'] : undefined;
  const validate = isRecord(component.validate) ? component.validate : {};
  const properties = isRecord(component.properties) ? component.properties : {};
  switch (component.type) {
    case 'select':
    case 'radio':
      return first;
    case 'checklist':
    case 'taglist':
      return first === undefined ? undefined : [first];
    case 'checkbox':
      return true;
    case 'number':
      return typeof validate['min'] === 'number' ? validate['min'] : 1;
    case 'datetime':
      if (component.subtype === 'time') return '09:00';
      return component.subtype === 'datetime' ? `${hints.today}T09:00` : hints.today;
    case 'textfield':
    case 'textarea': {
      const kind = properties['onething:validation'];
      if (kind === 'idNumber') return hints.idNumber;
      if (kind === 'mobile' || validate['validationType'] === 'phone') return hints.mobile;
      if (kind === 'pastDate') return hints.today;
      return '试运行 dry run';
    }
    default:
      return undefined;
  }
}

function componentsById(components: readonly unknown[]): Map<string, FieldDefinition> {
  const found = new Map<string, FieldDefinition>();
  for (const component of components) {
    if (!isRecord(component)) continue;
    if (typeof component['id'] === 'string') found.set(component['id'], component);
    const children = component['components'];
    if (Array.isArray(children)) for (const [id, child] of componentsById(children)) found.set(id, child);
  }
  return found;
}

/** Sets a value at a dotted path, creating objects on the way (paths come from the form, not the request). */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined || head === '__proto__' || head === 'constructor' || head === 'prototype') return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child: Record<string, unknown> = isRecord(next) ? next : {};
  target[head] = child;
  setPath(child, rest, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
