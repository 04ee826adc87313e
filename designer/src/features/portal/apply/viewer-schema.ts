import { getDictionaryField } from '@onething/forms';
import { isRecord } from '../../../app/json-guards.ts';
import type { FormSchemaJson } from '../catalogue/catalogue.api.ts';
import { childComponents, englishLabel, fieldKey, type FormComponent } from './form-components.ts';

export interface ViewerSchemaOptions {
  locale: string;
  /** Prefilled keys with the text that says where the value came from. */
  prefilled: ReadonlyMap<string, string>;
  /** When set, only these keys may be changed (a return for correction); the rest is read-only. */
  editable?: ReadonlySet<string> | null;
}

/** The dictionary's pattern messages (written in Chinese into the forms) in English. */
const ENGLISH_PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  请输入18位公民身份号码: 'Enter the 18-character resident ID number.',
  请输入11位手机号码: 'Enter an 11-digit mobile number.',
  请输入18位统一社会信用代码: 'Enter the 18-character unified social credit code.',
};

/** Labels, option labels and pattern messages in English, from the field dictionary. */
function inEnglish(component: FormComponent, decorated: FormComponent): void {
  const label = englishLabel(component);
  if (label) decorated.label = label;
  const key = fieldKey(component);
  const options = key === null ? undefined : getDictionaryField(key)?.options;
  if (options && Array.isArray(component.values)) {
    decorated.values = component.values.map((value: unknown) => {
      if (!isRecord(value)) return value;
      const option = options.find((candidate) => candidate.value === value.value);
      return option ? { ...value, label: option.label.en } : value;
    });
  }
  const validate = component.validate;
  if (isRecord(validate) && typeof validate.patternErrorMessage === 'string') {
    const english = ENGLISH_PATTERN_MESSAGES[validate.patternErrorMessage];
    if (english) decorated.validate = { ...validate, patternErrorMessage: english };
  }
}

function decorate(component: FormComponent, options: ViewerSchemaOptions): FormComponent {
  const decorated: FormComponent = { ...component };
  if (options.locale === 'en') inEnglish(component, decorated);
  // Section texts open with a markdown heading; inside the step's own <h2> it must be an <h3>.
  if (component.type === 'text' && typeof component.text === 'string' && /^#{1,5} /.test(component.text)) {
    decorated.text = `#${component.text}`;
  }
  const key = fieldKey(component);
  if (key !== null) {
    const origin = options.prefilled.get(key);
    if (origin !== undefined) {
      decorated.readonly = true;
      decorated.description = origin;
    } else if (options.editable && !options.editable.has(key)) {
      decorated.readonly = true;
    }
  }
  const children = childComponents(component);
  if (children.length > 0) decorated.components = children.map((child) => decorate(child, options));
  return decorated;
}

/**
 * The schema the viewer renders: labels in the UI language, prefilled fields read-only with
 * their origin as the field's description (the viewer links it to the input for screen
 * readers), and during a correction everything but the returned fields read-only.
 */
export function viewerSchema(schema: FormSchemaJson, options: ViewerSchemaOptions): FormSchemaJson {
  return {
    ...schema,
    components: schema.components.map((component) =>
      isRecord(component) ? decorate(component, options) : component,
    ),
  };
}
