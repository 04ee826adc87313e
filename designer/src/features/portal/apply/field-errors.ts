import { isRecord } from '../../../app/json-guards.ts';
import type { FieldErrors } from '../../../errors.ts';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import { childComponents, fieldKey, listPath, type FormComponent } from './form-components.ts';
import { stepOfPath, type WizardStep } from './wizard-steps.ts';

/** A server field error placed in the wizard: its step and the form-js field that shows it. */
export interface PlacedError {
  path: string;
  message: string;
  stepId: string | null;
  /** The component id in the step's schema; null when the form has no such field. */
  fieldId: string | null;
  /** For a field inside a dynamic list, the item's index. */
  index: number | null;
}

const LIST_ITEM = /^(.+?)\[(\d+)\]\.(.+)$/;

function findField(components: readonly FormComponent[], key: string): FormComponent | undefined {
  for (const component of components) {
    if (fieldKey(component) === key) return component;
    if (listPath(component)) continue;
    const inner = findField(childComponents(component), key);
    if (inner) return inner;
  }
  return undefined;
}

function findList(components: readonly FormComponent[], path: string): FormComponent | undefined {
  for (const component of components) {
    if (listPath(component) === path) return component;
    const inner = findList(childComponents(component), path);
    if (inner) return inner;
  }
  return undefined;
}

/** The component id and list index that show the error at a value path in a schema. */
export function locateField(
  schema: FormSchemaJson,
  path: string,
): { fieldId: string; index: number | null } | null {
  const components = schema.components.filter(isRecord);
  const item = LIST_ITEM.exec(path);
  if (item) {
    const [, list, index, key] = item;
    const container = list === undefined ? undefined : findList(components, list);
    const field = container && key !== undefined ? findField(childComponents(container), key) : undefined;
    return typeof field?.id === 'string' ? { fieldId: field.id, index: Number(index) } : null;
  }
  const field = findField(components, path);
  return typeof field?.id === 'string' ? { fieldId: field.id, index: null } : null;
}

/**
 * Places the api's `fields` (path → message, from a 400) on the wizard's steps, in the order
 * the steps come, so the wizard can open the first step with a problem.
 */
export function placeFieldErrors(steps: readonly WizardStep[], fields: FieldErrors): PlacedError[] {
  const order = (error: PlacedError) =>
    error.stepId === null ? steps.length : steps.findIndex((step) => step.id === error.stepId);
  return Object.entries(fields)
    .map(([path, message]): PlacedError => {
      const step = stepOfPath(steps, path);
      const located = step?.schema ? locateField(step.schema, path) : null;
      return {
        path,
        message,
        stepId: step?.id ?? null,
        fieldId: located?.fieldId ?? null,
        index: located?.index ?? null,
      };
    })
    .sort((a, b) => order(a) - order(b));
}

/** form-js's `errors` state for one step: `{ [fieldId]: [message] }`, list items by index. */
export function viewerErrors(errors: readonly PlacedError[]): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const error of errors) {
    if (error.fieldId === null) continue;
    if (error.index === null) {
      state[error.fieldId] = [error.message];
      continue;
    }
    const current = state[error.fieldId];
    const items: unknown[] = Array.isArray(current) ? current : [];
    items[error.index] = [error.message];
    state[error.fieldId] = items;
  }
  return state;
}
