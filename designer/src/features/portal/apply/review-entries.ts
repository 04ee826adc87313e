import { isRecord } from '../../../app/json-guards.ts';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import {
  childComponents,
  fieldKey,
  getPath,
  isEmptyValue,
  listPath,
  type FormComponent,
} from './form-components.ts';

/** One answer as the review page lists it. */
export interface ReviewEntry {
  key: string;
  label: string;
  /** The answer as shown (option labels, not values); null when not given. */
  value: string | null;
}

export interface ReviewTexts {
  yes: string;
  no: string;
}

function optionLabel(component: FormComponent, value: unknown): string {
  const options = Array.isArray(component.values) ? component.values : [];
  for (const option of options) {
    if (typeof option === 'object' && option !== null && 'value' in option && option.value === value) {
      const label = 'label' in option ? option.label : undefined;
      if (typeof label === 'string') return label;
    }
  }
  return String(value);
}

function display(component: FormComponent, value: unknown, texts: ReviewTexts): string | null {
  if (isEmptyValue(value)) return null;
  if (component.type === 'checkbox') return value === true ? texts.yes : texts.no;
  if (Array.isArray(value)) return value.map((item) => optionLabel(component, item)).join('、');
  if (Array.isArray(component.values)) return optionLabel(component, value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function listDisplay(list: FormComponent, value: unknown, texts: ReviewTexts): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const fields = childComponents(list).filter((child) => fieldKey(child) !== null);
  return value
    .map((item, index) => {
      const record = isRecord(item) ? item : {};
      const parts = fields.map((field) => {
        const key = fieldKey(field) ?? '';
        const shown = display(field, getPath(record, key), texts);
        return `${String(field.label ?? key)}：${shown ?? '—'}`;
      });
      return `${index + 1}. ${parts.join('，')}`;
    })
    .join('；');
}

/** The answers of a (localized) step schema in form order, for the review page. */
export function reviewEntries(
  schema: FormSchemaJson,
  data: Record<string, unknown>,
  texts: ReviewTexts,
): ReviewEntry[] {
  const walk = (components: readonly FormComponent[]): ReviewEntry[] =>
    components.flatMap((component) => {
      const key = fieldKey(component);
      if (key !== null) {
        return [
          {
            key,
            label: String(component.label ?? key),
            value: display(component, getPath(data, key), texts),
          },
        ];
      }
      const list = listPath(component);
      if (list !== null) {
        return [
          {
            key: list,
            label: String(component.label ?? list),
            value: listDisplay(component, getPath(data, list), texts),
          },
        ];
      }
      return walk(childComponents(component));
    });
  return walk(schema.components.filter(isRecord));
}
