import { isRecord } from '../../../app/json-guards.ts';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import { childComponents, fieldKey, listPath, type FormComponent } from '../apply/form-components.ts';

function keep(component: FormComponent, keys: ReadonlySet<string>): FormComponent | null {
  const key = fieldKey(component) ?? listPath(component);
  if (key !== null) return keys.has(key) ? component : null;
  const children = childComponents(component);
  if (children.length === 0) return null;
  const kept = children.map((child) => keep(child, keys)).filter((child) => child !== null);
  return kept.length > 0 ? { ...component, components: kept } : null;
}

/**
 * The combined form cut down to the fields a clerk returned for correction, inside their
 * sections; headings and texts without such fields go. No keys means the whole form.
 */
export function correctionSchema(form: FormSchemaJson, returnedFields: readonly string[]): FormSchemaJson {
  if (returnedFields.length === 0) return form;
  const keys = new Set(returnedFields.map((path) => path.replace(/\[\d+\].*$/, '')));
  const components = form.components
    .filter(isRecord)
    .map((component) => keep(component, keys))
    .filter((component) => component !== null);
  return { ...form, id: `${String(form.id ?? 'Form')}_correction`, components };
}
