import { isRecord } from '../../../app/json-guards.ts';

/** A text the api sends in both shipped languages. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export function parseLocalizedText(value: unknown): LocalizedText | undefined {
  if (!isRecord(value)) return undefined;
  const zh = value['zh-CN'];
  const en = value.en;
  if (typeof zh !== 'string' || typeof en !== 'string') return undefined;
  return { 'zh-CN': zh, en };
}

/** The text in the UI language; Chinese when the English one is empty. */
export function pickText(text: LocalizedText, locale: string): string {
  return locale === 'en' && text.en !== '' ? text.en : text['zh-CN'];
}

/** Some fields (a data-access purpose) may be either a plain string or a LocalizedText. */
export function parseTextOrLocalized(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  return parseLocalizedText(value);
}
