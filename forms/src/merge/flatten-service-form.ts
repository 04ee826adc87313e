import type { Department } from '../dictionary/dictionary.types.ts';
import type { FormComponent } from '../schema/form-schema.types.ts';
import { isContainer, isKeyed } from '../schema/form-schema.types.ts';
import { combineHide } from './hide-conditions.ts';

/** A service's form as the merge sees it: one entry per field (or dynamic list), with full keys. */
export interface ServiceForm {
  /** Stable service name, e.g. `health:issue-birth-certificate`. */
  readonly service: string;
  readonly department: Department;
  readonly schema: { readonly components: readonly FormComponent[] };
}

export interface FormEntry {
  readonly kind: 'field' | 'list' | 'static';
  /** The full value path (group paths included); for static components, their id. */
  readonly key: string;
  /** The component with `key` (fields) or `path` (lists) made absolute and `conditional` made effective. */
  readonly component: FormComponent;
  /** Effective hide condition: the component's own or any enclosing group's. */
  readonly hide: string | undefined;
  readonly service: string;
  readonly department: Department;
}

/**
 * Lifts every field out of its groups. A group's `path` becomes part of its fields' keys and a
 * group's `conditional.hide` part of theirs, so that the combined form can regroup fields freely.
 * Dynamic lists stay whole. Buttons are dropped: the combined form has one submit of its own.
 */
export function flattenServiceForm(form: ServiceForm): FormEntry[] {
  const entries: FormEntry[] = [];
  const visit = (components: readonly FormComponent[], prefix: string, inheritedHide: string | undefined) => {
    for (const component of components) {
      const hide = combineHide('or', [inheritedHide, component.conditional?.hide]);
      const conditional = hide === undefined ? {} : { conditional: { hide } };
      const base = { service: form.service, department: form.department, hide };
      if (isKeyed(component)) {
        const key = `${prefix}${component.key}`;
        const { conditional: _own, ...rest } = component;
        entries.push({ ...base, kind: 'field', key, component: { ...rest, ...conditional, key } });
      } else if (
        isContainer(component) &&
        component.type === 'dynamiclist' &&
        component.isRepeating !== false
      ) {
        const key = `${prefix}${component.path ?? ''}`;
        const { conditional: _own, ...rest } = component;
        entries.push({ ...base, kind: 'list', key, component: { ...rest, ...conditional, path: key } });
      } else if (isContainer(component)) {
        visit(component.components, component.path ? `${prefix}${component.path}.` : prefix, hide);
      } else if (component.type !== 'button') {
        const { conditional: _own, ...rest } = component;
        entries.push({ ...base, kind: 'static', key: component.id, component: { ...rest, ...conditional } });
      }
    }
  };
  visit(form.schema.components, '', undefined);
  return entries;
}
