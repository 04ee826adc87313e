import type { FormProblem } from '../errors.ts';
import { formProblem } from '../errors.ts';
import type { FormComponent, FormSchema } from './form-schema.types.ts';
import { CONTAINER_TYPES, KEYED_TYPES, PRESENTATION_TYPES } from './form-schema.types.ts';
import { parseConditional, parseProperties, parseValidate, parseValues } from './parse-component-parts.ts';
import {
  ProblemList,
  isValidKey,
  isRecord,
  optionalBoolean,
  optionalString,
  present,
  withoutKeys,
} from './parse-helpers.ts';

export type ParseResult = { ok: true; schema: FormSchema } | { ok: false; problems: FormProblem[] };

const COMMON_KEYS = ['id', 'type', 'label', 'description', 'conditional', 'properties'];
const KEYED_KEYS = [
  ...COMMON_KEYS,
  'key',
  'validate',
  'values',
  'valuesKey',
  'valuesExpression',
  'readonly',
  'disabled',
  'subtype',
  'decimalDigits',
  'increment',
  'serializeToString',
];
const SUBTYPES = ['date', 'time', 'datetime'] as const;
const CONTAINER_KEYS = [...COMMON_KEYS, 'path', 'isRepeating', 'components'];

interface Scope {
  /** Value path prefix from enclosing groups; `list[]` inside a dynamic list. */
  readonly prefix: string;
  readonly ids: Set<string>;
  readonly bindings: Set<string>;
  readonly problems: ProblemList;
}

/**
 * Checks an untrusted form-js schema (from a `.form` file, the Studio or a request) and returns it
 * typed, or every problem found with its location. Unknown component properties are kept.
 */
export function parseFormSchema(input: unknown): ParseResult {
  const problems = new ProblemList();
  if (!isRecord(input)) {
    problems.invalid('', 'Expected a form-js schema object.');
    return { ok: false, problems: problems.items };
  }
  if (input['type'] !== 'default') problems.invalid('type', 'Expected "default".');
  const scope: Scope = { prefix: '', ids: new Set(), bindings: new Set(), problems };
  const components = parseComponents(input['components'], 'components', scope);
  if (problems.items.length > 0 || components === undefined) return { ok: false, problems: problems.items };
  return { ok: true, schema: { ...withoutKeys(input, ['type', 'components']), type: 'default', components } };
}

function parseComponents(raw: unknown, path: string, scope: Scope): FormComponent[] | undefined {
  if (!Array.isArray(raw)) return scope.problems.invalid(path, 'Expected a list of components.');
  const components: FormComponent[] = [];
  raw.forEach((item: unknown, index) => {
    const component = parseComponent(item, `${path}[${index}]`, scope);
    if (component) components.push(component);
  });
  return components;
}

function parseComponent(raw: unknown, path: string, scope: Scope): FormComponent | undefined {
  const { problems } = scope;
  if (!isRecord(raw)) return problems.invalid(path, 'Expected a component object.');
  const id = raw['id'];
  if (typeof id !== 'string' || id === '') return problems.invalid(`${path}.id`, 'Expected a non-empty id.');
  if (scope.ids.has(id)) problems.items.push(formProblem('FORM_DUPLICATE_ID', `${path}.id`, `Id ${id}.`));
  scope.ids.add(id);
  const common = {
    id,
    ...present('label', optionalString(raw, 'label', path, problems)),
    ...present('description', optionalString(raw, 'description', path, problems)),
    ...present('conditional', parseConditional(raw['conditional'], `${path}.conditional`, problems)),
    ...present('properties', parseProperties(raw['properties'], `${path}.properties`, problems)),
  };
  const type = raw['type'];
  const keyed = KEYED_TYPES.find((known) => known === type);
  if (keyed)
    return { ...withoutKeys(raw, KEYED_KEYS), ...common, type: keyed, ...parseKeyed(raw, path, scope) };
  const container = CONTAINER_TYPES.find((known) => known === type);
  if (container) return parseContainer(raw, path, scope, { ...common, type: container });
  const presentation = PRESENTATION_TYPES.find((known) => known === type);
  if (presentation) return { ...withoutKeys(raw, COMMON_KEYS), ...common, type: presentation };
  problems.items.push(formProblem('FORM_UNSUPPORTED_COMPONENT', `${path}.type`, `Type ${String(type)}.`));
  return undefined;
}

function parseKeyed(raw: Record<string, unknown>, path: string, scope: Scope) {
  const { problems } = scope;
  const key = raw['key'];
  if (typeof key !== 'string' || !isValidKey(key)) {
    problems.invalid(`${path}.key`, 'Expected a dotted key such as mother.idNumber.');
  } else {
    const binding = `${scope.prefix}${key}`;
    // form-js refuses a key bound twice, and a key inside another field's value (`a` and `a.b`)
    const clash = [...scope.bindings].find(
      (other) => other === binding || other.startsWith(`${binding}.`) || binding.startsWith(`${other}.`),
    );
    if (clash !== undefined) {
      problems.items.push(
        formProblem('FORM_DUPLICATE_KEY', `${path}.key`, `Key ${binding} clashes with ${clash}.`),
      );
    }
    scope.bindings.add(binding);
  }
  const readonly = raw['readonly'];
  if (readonly !== undefined && typeof readonly !== 'boolean' && typeof readonly !== 'string') {
    problems.invalid(`${path}.readonly`, 'Expected true, false or a FEEL expression.');
  }
  const decimalDigits = raw['decimalDigits'];
  if (decimalDigits !== undefined && !(Number.isInteger(decimalDigits) && Number(decimalDigits) >= 0)) {
    problems.invalid(`${path}.decimalDigits`, 'Expected a whole number of digits.');
  }
  const subtype = SUBTYPES.find((known) => known === raw['subtype']);
  if (raw['subtype'] !== undefined && subtype === undefined) {
    problems.invalid(`${path}.subtype`, 'Expected "date", "time" or "datetime".');
  }
  const increment = raw['increment'];
  if (increment !== undefined && typeof increment !== 'number' && typeof increment !== 'string') {
    problems.invalid(`${path}.increment`, 'Expected a number.');
  }
  return {
    key: typeof key === 'string' ? key : '',
    ...present('valuesKey', optionalString(raw, 'valuesKey', path, problems)),
    ...present('valuesExpression', optionalString(raw, 'valuesExpression', path, problems)),
    ...present('subtype', subtype),
    ...present(
      'increment',
      typeof increment === 'number' || typeof increment === 'string' ? increment : undefined,
    ),
    ...present('serializeToString', optionalBoolean(raw, 'serializeToString', path, problems)),
    ...present('validate', parseValidate(raw['validate'], `${path}.validate`, problems)),
    ...present('values', parseValues(raw['values'], `${path}.values`, problems)),
    ...present(
      'readonly',
      typeof readonly === 'boolean' || typeof readonly === 'string' ? readonly : undefined,
    ),
    ...present('disabled', optionalBoolean(raw, 'disabled', path, problems)),
    ...present('decimalDigits', typeof decimalDigits === 'number' ? decimalDigits : undefined),
  };
}

function parseContainer(
  raw: Record<string, unknown>,
  path: string,
  scope: Scope,
  common: { id: string; type: 'group' | 'dynamiclist' },
): FormComponent | undefined {
  const { problems } = scope;
  const valuePath = optionalString(raw, 'path', path, problems);
  if (valuePath !== undefined && valuePath !== '' && !isValidKey(valuePath)) {
    problems.invalid(`${path}.path`, 'Expected a dotted path.');
  }
  const repeating = common.type === 'dynamiclist' && raw['isRepeating'] !== false;
  if (repeating && !valuePath)
    problems.invalid(`${path}.path`, 'A dynamic list needs the path of its array.');
  const base = valuePath ? `${scope.prefix}${valuePath}` : scope.prefix.replace(/\.$/, '');
  const prefix = base === '' ? '' : repeating ? `${base}[].` : `${base}.`;
  if (repeating && valuePath) scope.bindings.add(base);
  const components = parseComponents(raw['components'], `${path}.components`, { ...scope, prefix });
  if (components === undefined) return undefined;
  return {
    ...withoutKeys(raw, CONTAINER_KEYS),
    ...common,
    ...present('path', valuePath),
    ...(common.type === 'dynamiclist' ? { isRepeating: repeating } : {}),
    components,
  };
}
