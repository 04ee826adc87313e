import { createI18n } from 'vue-i18n';
import { en } from './en.ts';
import { zhCN, type MessageSchema } from './zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en };

const STORAGE_KEY = 'onething.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen earlier on this browser, else Chinese. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
});

/** Switches the language, remembers it on this browser and tells assistive technology. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  safeLocalStorage()?.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  const locale = i18n.global.locale.value;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** localStorage can be missing or throw (privacy modes); the language then just is not remembered. */
function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
