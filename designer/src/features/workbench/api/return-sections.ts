/** A label in both UI languages, as the application's form has it. */
export interface FieldLabel {
  'zh-CN': string;
  en: string;
}

/**
 * A field a return for correction may name (`GET /api/tasks/:id` `returnFields`): a field of
 * the application's own combined form (its bundle version, its services), as the api lists it.
 */
export interface ReturnField {
  key: string;
  label: FieldLabel;
  /** The form section it sits in (共同信息, a department's); null outside any. */
  section: { id: string; title: FieldLabel } | null;
}

/** The return fields of one section, for the dialog's groups. */
export interface ReturnSection {
  id: string;
  /** Null for fields that sit outside any section. */
  title: FieldLabel | null;
  fields: ReturnField[];
}

/**
 * The return fields grouped by their sections, in the order the api lists them (form order):
 * a section's place is where its first field is.
 */
export function returnSections(fields: readonly ReturnField[]): ReturnSection[] {
  const sections = new Map<string, ReturnSection>();
  for (const field of fields) {
    const id = field.section?.id ?? '';
    const section = sections.get(id) ?? { id, title: field.section?.title ?? null, fields: [] };
    section.fields.push(field);
    sections.set(id, section);
  }
  return [...sections.values()];
}
