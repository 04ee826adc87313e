import type {
  ContainerComponent,
  FormComponent,
  FormSchema,
  KeyedComponent,
} from '../schema/form-schema.types.ts';
import { isContainer, isKeyed } from '../schema/form-schema.types.ts';
import type { ExpressionScope } from './feel.ts';
import { expressionContext, isHidden } from './feel.ts';
import { emptyValue, sanitizeValue } from './sanitize-value.ts';
import type { ValuePath } from './value-path.ts';
import { cloneData, getAt, isPlainRecord, setAt, splitKey } from './value-path.ts';

/** A field as the viewer renders it: one per field, one per field and list item inside dynamic lists. */
export interface FieldInstance {
  readonly component: KeyedComponent;
  readonly path: ValuePath;
  readonly scope: ExpressionScope;
}

export interface FormState {
  /** The data as the viewer holds it after import: sanitized, with defaults and empty values. */
  readonly data: Record<string, unknown>;
  /** The visible fields, in form order. Hidden fields, and fields in hidden groups, are absent. */
  readonly instances: readonly FieldInstance[];
}

function isRepeating(component: ContainerComponent): boolean {
  return component.type === 'dynamiclist' && component.isRepeating !== false;
}

function containerPath(base: ValuePath, component: ContainerComponent): ValuePath {
  return [...base, ...splitKey(component.path ?? '')];
}

/** Imports `input` and renders `schema` the way the form-js viewer does, without a DOM. */
export function formState(schema: FormSchema, input: Record<string, unknown>): FormState {
  const data = initialize(schema.components, input);
  // The viewer evaluates visibility on the data with hidden fields removed, over the initial data.
  const filtered = { ...data, ...withoutHidden(schema.components, data) };
  const instances: FieldInstance[] = [];
  render(schema.components, [], { data: filtered, this: filtered, parent: null, i: [] }, data, instances);
  return { data, instances };
}

function initialize(
  components: readonly FormComponent[],
  input: Record<string, unknown>,
): Record<string, unknown> {
  const output = cloneData(input);
  const visit = (list: readonly FormComponent[], base: ValuePath) => {
    for (const component of list) {
      if (isKeyed(component)) {
        const path = [...base, ...splitKey(component.key)];
        const given = getAt(input, path);
        const value = given === undefined ? undefined : sanitizeValue(component, given, input);
        const fallback =
          component.defaultValue !== undefined ? component.defaultValue : emptyValue(component.type);
        setAt(output, path, value !== undefined ? value : fallback);
      } else if (isContainer(component)) {
        const path = containerPath(base, component);
        if (!isRepeating(component)) {
          visit(component.components, path);
          continue;
        }
        const given = getAt(input, path);
        const repetitions =
          typeof component['defaultRepetitions'] === 'number' ? component['defaultRepetitions'] : 1;
        const items = Array.isArray(given) ? given : Array.from({ length: repetitions }, () => ({}));
        setAt(
          output,
          path,
          items.map((item: unknown) => (isPlainRecord(item) ? item : {})),
        );
        items.forEach((_, index) => visit(component.components, [...path, index]));
      }
    }
  };
  visit(components, []);
  return output;
}

/** The viewer's `ConditionChecker.applyConditions(data, data)`: hidden values cleared. */
function withoutHidden(
  components: readonly FormComponent[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const working = cloneData(data);
  const visit = (
    list: readonly FormComponent[],
    base: ValuePath,
    scope: ExpressionScope,
    parentHidden: boolean,
  ) => {
    for (const component of list) {
      if (!isKeyed(component) && !isContainer(component)) continue;
      const hidden = parentHidden || isHidden(component.conditional?.hide, expressionContext(scope));
      if (isKeyed(component)) {
        if (hidden) clearPath(working, [...base, ...splitKey(component.key)]);
        continue;
      }
      const path = containerPath(base, component);
      if (!isRepeating(component)) {
        visit(component.components, path, scope, hidden);
      } else if (hidden) {
        clearPath(working, path);
      } else {
        const items = getAt(data, path);
        if (!Array.isArray(items)) continue;
        items.forEach((item: unknown, index) =>
          visit(
            component.components,
            [...path, index],
            { data, this: item, parent: scope.this, i: [...scope.i, index + 1] },
            false,
          ),
        );
      }
    }
  };
  visit(components, [], { data, this: data, parent: null, i: [] }, false);
  return working;
}

/** Clears a value and then every parent object or list left empty by it. */
function clearPath(data: Record<string, unknown>, path: ValuePath): void {
  const working = [...path];
  for (;;) {
    setAt(data, working, undefined);
    working.pop();
    if (working.length === 0) return;
    const parent = getAt(data, working);
    const empty = isPlainRecord(parent)
      ? Object.keys(parent).length === 0
      : Array.isArray(parent) && parent.every((item: unknown) => item === undefined);
    if (!empty) return;
  }
}

function render(
  list: readonly FormComponent[],
  base: ValuePath,
  scope: ExpressionScope,
  data: Record<string, unknown>,
  instances: FieldInstance[],
): void {
  for (const component of list) {
    if (isHidden(component.conditional?.hide, expressionContext(scope))) continue;
    if (isKeyed(component)) {
      instances.push({ component, path: [...base, ...splitKey(component.key)], scope });
    } else if (isContainer(component)) {
      const path = containerPath(base, component);
      if (!isRepeating(component)) {
        render(component.components, path, scope, data, instances);
        continue;
      }
      const items = getAt(data, path);
      if (!Array.isArray(items)) continue;
      const parent = expressionContext({ ...scope, data: scope.this });
      items.forEach((item: unknown, index) =>
        render(
          component.components,
          [...path, index],
          { data: scope.data, this: item, parent, i: [...scope.i, index + 1] },
          data,
          instances,
        ),
      );
    }
  }
}
