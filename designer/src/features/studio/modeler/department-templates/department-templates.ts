import type { ElementTemplate } from '../../studio.types.ts';

/** A template's category, e.g. `{ id: 'onething-health', name: '卫健（health）' }`. */
export interface TemplateGroup {
  id: string;
  name: string;
}

const OTHER_GROUP: TemplateGroup = { id: 'onething-other', name: '其他 / Other' };

export function templateGroup(template: ElementTemplate): TemplateGroup {
  const category = template.category;
  if (typeof category === 'object' && category !== null && 'id' in category && 'name' in category) {
    const { id, name } = category;
    if (typeof id === 'string' && typeof name === 'string') return { id, name };
  }
  return OTHER_GROUP;
}

/** Whether the template can be applied to an element of this BPMN type (its `appliesTo`). */
export function appliesTo(template: ElementTemplate, isType: (type: string) => boolean): boolean {
  const types = template.appliesTo;
  return Array.isArray(types) && types.some((type) => typeof type === 'string' && isType(type));
}

/** Words the popup menu's search matches besides the name: keywords and description. */
export function searchTerms(template: ElementTemplate): string {
  const keywords = Array.isArray(template.keywords)
    ? template.keywords.filter((word) => typeof word === 'string')
    : [];
  const description = typeof template.description === 'string' ? template.description : '';
  return [...keywords, description].join(' ');
}

/** Only the latest version of each template id is offered for new tasks. */
export function latestVersions(templates: readonly ElementTemplate[]): ElementTemplate[] {
  const latest = new Map<string, ElementTemplate>();
  for (const template of templates) {
    const current = latest.get(template.id);
    if (current === undefined || version(template) > version(current)) latest.set(template.id, template);
  }
  return [...latest.values()];
}

function version(template: ElementTemplate): number {
  return typeof template.version === 'number' ? template.version : 0;
}
