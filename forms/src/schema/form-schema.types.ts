/**
 * The subset of the form-js schema (schemaVersion 16–19) OneThing reads and writes.
 * Properties we do not interpret (layout, appearance, …) are kept as they are, hence the
 * index signatures: a schema round-trips through parse → merge → JSON unchanged.
 */

export const KEYED_TYPES = [
  'textfield',
  'textarea',
  'number',
  'datetime',
  'select',
  'radio',
  'checkbox',
  'checklist',
  'taglist',
] as const;
export const CONTAINER_TYPES = ['group', 'dynamiclist'] as const;
export const PRESENTATION_TYPES = ['text', 'html', 'image', 'separator', 'spacer', 'button'] as const;

export type KeyedType = (typeof KEYED_TYPES)[number];
export type ContainerType = (typeof CONTAINER_TYPES)[number];
export type PresentationType = (typeof PRESENTATION_TYPES)[number];

/** A number, or a FEEL expression (`=…`) the viewer evaluates at validation time. */
export type NumberOrExpression = number | string;

export interface FormValidate {
  readonly required?: boolean;
  readonly minLength?: NumberOrExpression;
  readonly maxLength?: NumberOrExpression;
  readonly min?: NumberOrExpression;
  readonly max?: NumberOrExpression;
  readonly pattern?: string;
  readonly patternErrorMessage?: string;
  /** `custom` (or empty) means: only the pattern, if any. */
  readonly validationType?: 'email' | 'phone' | 'custom' | '';
}

export interface Conditional {
  /** A FEEL unary test (`=…`); the field is hidden when it is exactly `true`. */
  readonly hide?: string;
}

export interface ValueOption {
  readonly value: string | number | boolean;
  readonly label: string;
}

interface ComponentBase {
  readonly id: string;
  readonly label?: string;
  readonly description?: string;
  readonly conditional?: Conditional;
  /** Free key/value pairs; OneThing uses `onething:*` keys (e.g. `onething:validation`). */
  readonly properties?: Readonly<Record<string, string>>;
  readonly [preserved: string]: unknown;
}

export interface KeyedComponent extends ComponentBase {
  readonly type: KeyedType;
  /** Dotted value path, relative to the enclosing groups' `path`s. */
  readonly key: string;
  readonly validate?: FormValidate;
  readonly values?: readonly ValueOption[];
  readonly valuesKey?: string;
  readonly valuesExpression?: string;
  readonly defaultValue?: unknown;
  readonly readonly?: boolean | string;
  readonly disabled?: boolean;
  readonly subtype?: 'date' | 'time' | 'datetime';
  readonly decimalDigits?: number;
  readonly increment?: string | number;
  readonly serializeToString?: boolean;
}

export interface ContainerComponent extends ComponentBase {
  readonly type: ContainerType;
  /** Value path prefix for the children; for a dynamic list, the path of the array. */
  readonly path?: string;
  readonly isRepeating?: boolean;
  readonly components: readonly FormComponent[];
}

export interface PresentationComponent extends ComponentBase {
  readonly type: PresentationType;
}

export type FormComponent = KeyedComponent | ContainerComponent | PresentationComponent;

export interface FormSchema {
  readonly type: 'default';
  readonly id?: string;
  readonly schemaVersion?: number;
  readonly components: readonly FormComponent[];
  readonly [preserved: string]: unknown;
}

export function isKeyed(component: FormComponent): component is KeyedComponent {
  return KEYED_TYPES.some((type) => type === component.type);
}

export function isContainer(component: FormComponent): component is ContainerComponent {
  return CONTAINER_TYPES.some((type) => type === component.type);
}
