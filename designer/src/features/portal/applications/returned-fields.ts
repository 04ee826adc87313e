import { getDictionaryField } from '@onething/forms';
import { isRecord } from '../../../app/json-guards.ts';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import {
  childComponents,
  englishLabel,
  fieldKey,
  listPath,
  type FormComponent,
} from '../apply/form-components.ts';

function findByKey(components: readonly FormComponent[], key: string): FormComponent | null {
  for (const component of components) {
    if ((fieldKey(component) ?? listPath(component)) === key) return component;
    const inside = findByKey(childComponents(component), key);
    if (inside) return inside;
  }
  return null;
}

function labelOf(component: FormComponent | null, key: string, locale: string): string {
  if (locale === 'en') {
    const english = (component && englishLabel(component)) ?? getDictionaryField(key)?.label.en;
    if (english) return english;
  }
  return component && typeof component.label === 'string' && component.label !== '' ? component.label : key;
}

/**
 * The fields a clerk returned for correction, named as the citizen sees them in the form (in
 * the UI language), in the order the clerk gave; a key the form does not have is shown as is.
 */
export function returnedFieldLabels(
  form: FormSchemaJson | null,
  returnedFields: readonly string[],
  locale: string,
): string[] {
  const components = (form?.components ?? []).filter(isRecord);
  const keys = [...new Set(returnedFields.map((path) => path.replace(/\[\d+\].*$/, '')))];
  return keys.map((key) => labelOf(findByKey(components, key), key, locale));
}
