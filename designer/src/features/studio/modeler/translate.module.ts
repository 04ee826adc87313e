import { zhCNTranslations } from './zh-cn.translations.ts';

export type Translate = (template: string, replacements?: Record<string, string>) => string;

/**
 * A bpmn-js `translate` that looks the English template up in a dictionary (falling back to the
 * template itself) and then fills `{placeholders}`, as diagram-js's own translate does.
 */
export function createTranslate(dictionary: Readonly<Record<string, string>>): Translate {
  return (template, replacements = {}) => {
    const text = dictionary[template] ?? template;
    return text.replace(/{([^}]+)}/g, (whole, name: string) => replacements[name] ?? whole);
  };
}

/**
 * The modeler module that replaces diagram-js's `translate` service: Chinese for `zh-CN`,
 * the library's English for any other language.
 */
export function translateModule(locale: string): { translate: readonly ['value', Translate] } {
  const dictionary = locale === 'zh-CN' ? zhCNTranslations : {};
  return { translate: ['value', createTranslate(dictionary)] };
}
