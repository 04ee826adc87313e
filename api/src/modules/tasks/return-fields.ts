import {
  ENGLISH_LABEL_PROPERTY,
  FIELD_DICTIONARY,
  isContainer,
  isKeyed,
  type FormComponent,
  type FormSchema,
  type LocalizedText,
} from '@onething/forms';
import { STAFF_FORMS } from '@onething/processes';
import type { FieldErrors } from '../../errors.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { TaskForm } from './task-form.ts';

/** A field a clerk may name when returning an application: its key and label as the citizen saw them. */
export interface ReturnField {
  /** The value path in the application's data (`child.name`; a dynamic list by its path). */
  key: string;
  label: LocalizedText;
  /** The section of the combined form it sits in (共同信息, a department's), null outside any. */
  section: { id: string; title: LocalizedText } | null;
}

/**
 * The fields a return of the task may name, or null when the task cannot be
 * returned (only the window's acceptance can). They are the fields of the
 * application's own combined form: its bundle version, its chosen services,
 * in form order. A reader who sees only a department's share of the data
 * (`scope`, as task-access.ts decides it) may name only the dictionary fields
 * that department sees. Both the task detail and the return route ask this,
 * so the dialog offers exactly what the api accepts.
 */
export function returnFieldsOf(
  form: TaskForm | undefined,
  catalogue: Pick<Catalogue, 'formFor'>,
  scope: 'all' | readonly string[],
): ReturnField[] | null {
  if (form?.name !== STAFF_FORMS.windowAccept) return null;
  if (form.bundle === null || form.application === null) return [];
  const combined = catalogue.formFor(form.bundle, form.application.services);
  return combinedFormFields(combined).filter((field) => readerMayName(field.key, scope));
}

/** The keyed fields and whole dynamic lists of a combined form, in order, with their sections. */
export function combinedFormFields(form: FormSchema): ReturnField[] {
  return form.components.flatMap((component) => {
    const isSection = component.type === 'group' && isContainer(component) && !component.path;
    if (!isSection) return fieldsIn([component], '', null);
    const section = { id: component.id, title: labelOf(component, component.id) };
    return fieldsIn(component.components, '', section);
  });
}

function fieldsIn(
  components: readonly FormComponent[],
  prefix: string,
  section: ReturnField['section'],
): ReturnField[] {
  return components.flatMap((component): ReturnField[] => {
    if (isKeyed(component)) {
      const key = prefix + component.key;
      return [{ key, label: labelOf(component, key), section }];
    }
    if (!isContainer(component)) return [];
    const path = component.path ? `${prefix}${component.path}` : null;
    if (component.type === 'dynamiclist' && path !== null)
      return [{ key: path, label: labelOf(component, path), section }];
    return fieldsIn(component.components, path === null ? prefix : `${path}.`, section);
  });
}

/** The form's label; English from the property the merge writes, else the Chinese one. */
function labelOf(component: FormComponent, fallback: string): LocalizedText {
  const zh = component.label !== undefined && component.label !== '' ? component.label : fallback;
  const en = component.properties?.[ENGLISH_LABEL_PROPERTY];
  return { 'zh-CN': zh, en: en !== undefined && en !== '' ? en : zh };
}

function readerMayName(key: string, scope: 'all' | readonly string[]): boolean {
  if (scope === 'all') return true;
  const departments = FIELD_DICTIONARY.get(key)?.privacy.departments ?? [];
  return departments.some((department) => scope.includes(department));
}

/**
 * Checks the fields a clerk names with a return against those the return may
 * name: undefined when each is one of them, otherwise the error under
 * `fields` naming the others and the bundle version whose form was used.
 */
export function checkReturnFields(
  fields: readonly string[],
  returnable: readonly ReturnField[],
  bundleVersion: number | null,
): FieldErrors | undefined {
  const keys = new Set(returnable.map((field) => field.key));
  const unknown = fields.filter((field) => !keys.has(field));
  if (unknown.length === 0) return undefined;
  const form =
    bundleVersion === null ? "the application's form" : `the application's form (version ${bundleVersion})`;
  return { fields: `not fields of ${form} that this task may return: ${unknown.join(', ')}` };
}
