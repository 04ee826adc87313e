import { describe, expect, it } from 'vitest';
import { AREAS } from '../areas.ts';
import { GROUPS, ROLES } from '../session-user.ts';
import { ClientErrorCode } from '../../errors.ts';
import { LOCALES, messages, storedLocale } from './index.ts';

/** Every leaf of a message tree as `dotted.key → text`. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [leaf, text] of leaves(value, path)) result.set(leaf, text);
    } else {
      result.set(path, value);
    }
  }
  return result;
}

describe('messages', () => {
  const zh = leaves(messages['zh-CN']);
  const en = leaves(messages.en);

  it('has the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it.each(LOCALES)('has a non-empty text for every key in %s', (locale) => {
    for (const [key, text] of leaves(messages[locale])) {
      expect(typeof text === 'string' && text.trim() !== '', `${locale} ${key}`).toBe(true);
    }
  });

  it('names every area, role, group and client error code', () => {
    const needed = [
      ...AREAS.flatMap((area) => [`areas.${area.key}.title`, `areas.${area.key}.description`]),
      ...ROLES.map((role) => `roles.${role}`),
      ...GROUPS.map((group) => `groups.${group}`),
      ...Object.values(ClientErrorCode).map((code) => `errors.${code}`),
      ...LOCALES.map((locale) => `languages.${locale}`),
    ];
    for (const key of needed) expect(zh.has(key), key).toBe(true);
  });
});

describe('storedLocale', () => {
  it('uses the language saved on this browser', () => {
    expect(storedLocale({ getItem: () => 'en' })).toBe('en');
  });

  it('falls back to Chinese when nothing or something unknown is saved', () => {
    expect(storedLocale({ getItem: () => null })).toBe('zh-CN');
    expect(storedLocale({ getItem: () => 'fr' })).toBe('zh-CN');
  });
});
