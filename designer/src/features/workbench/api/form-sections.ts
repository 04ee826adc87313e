import { isRecord } from '../../../app/json-guards.ts';

/** A label in both UI languages; `en` is null when the form carries no English label. */
export interface FieldLabel {
  'zh-CN': string;
  en: string | null;
}

/** One field (or dynamic list, as a whole) of the combined form, by the key the api knows it by. */
export interface FormField {
  key: string;
  label: FieldLabel;
  /** The services that ask it (`<department>:<service key>`); empty when the form does not say. */
  services: string[];
}

/** A section of the combined form (共同信息, one per department) with the fields it asks. */
export interface FormSection {
  id: string;
  /** Null for fields that sit outside any section. */
  title: FieldLabel | null;
  fields: FormField[];
}

/** The combined form keeps the English label beside the Chinese one (forms' dictionary). */
const ENGLISH_LABEL = 'onething:labelEn';
/** The merge notes on each field which services ask it, comma-separated. */
const SERVICES = 'onething:services';

function servicesOf(component: Record<string, unknown>): string[] {
  const value = isRecord(component.properties) ? component.properties[SERVICES] : undefined;
  return typeof value === 'string' ? value.split(',').filter((service) => service !== '') : [];
}

function labelOf(component: Record<string, unknown>, fallback: string): FieldLabel {
  const zh = typeof component.label === 'string' && component.label !== '' ? component.label : fallback;
  const en =
    isRecord(component.properties) && typeof component.properties[ENGLISH_LABEL] === 'string'
      ? component.properties[ENGLISH_LABEL]
      : null;
  return { 'zh-CN': zh, en: en === '' ? null : en };
}

/** Keyed fields and whole dynamic lists under `components`, with group paths prefixed. */
function fieldsOf(components: unknown, prefix: string): FormField[] {
  if (!Array.isArray(components)) return [];
  return components.filter(isRecord).flatMap((component): FormField[] => {
    if (typeof component.key === 'string' && component.key !== '') {
      const key = prefix + component.key;
      return [{ key, label: labelOf(component, key), services: servicesOf(component) }];
    }
    const path = typeof component.path === 'string' && component.path !== '' ? component.path : null;
    if (component.type === 'dynamiclist' && path !== null) {
      const key = prefix + path;
      return [{ key, label: labelOf(component, key), services: servicesOf(component) }];
    }
    return fieldsOf(component.components, path === null ? prefix : `${prefix}${path}.`);
  });
}

/**
 * The combined form's sections and their fields, in form order: what a clerk may name when
 * returning an application for correction. Sections without fields (texts only) are left out.
 */
export function formSections(form: unknown): FormSection[] {
  if (!isRecord(form) || !Array.isArray(form.components)) return [];
  const sections: FormSection[] = [];
  const loose: FormField[] = [];
  for (const component of form.components.filter(isRecord)) {
    const isSection =
      component.type === 'group' && (typeof component.path !== 'string' || component.path === '');
    if (!isSection) {
      loose.push(...fieldsOf([component], ''));
      continue;
    }
    const fields = fieldsOf(component.components, '');
    if (fields.length === 0) continue;
    const id = typeof component.id === 'string' ? component.id : `section-${sections.length}`;
    const title =
      typeof component.label === 'string' && component.label !== '' ? labelOf(component, '') : null;
    sections.push({ id, title, fields });
  }
  return loose.length > 0 ? [{ id: 'loose', title: null, fields: loose }, ...sections] : sections;
}

/**
 * The sections as far as the application's services ask them: an application for some of a
 * bundle's services has a combined form of those only, and the api accepts only its keys.
 * `services` null (not known) keeps everything.
 */
export function sectionsForServices(
  sections: readonly FormSection[],
  services: readonly string[] | null,
): FormSection[] {
  if (services === null) return [...sections];
  const asked = (field: FormField) =>
    field.services.length === 0 ||
    field.services.some((name) => services.some((key) => name === key || name.endsWith(`:${key}`)));
  return sections
    .map((section) => ({ ...section, fields: section.fields.filter(asked) }))
    .filter((section) => section.fields.length > 0);
}
