import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_DICTIONARY } from '../src/dictionary/dictionary.ts';
import { FORM_ERRORS } from '../src/errors.ts';

// The README is where bundle authors look keys up; it must not fall behind the dictionary.
const README = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('forms README', () => {
  it('lists every dictionary key', () => {
    const missing = [...FIELD_DICTIONARY.keys()].filter((key) => !README.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it('lists every error code', () => {
    const missing = Object.keys(FORM_ERRORS).filter((code) => !README.includes(code));
    expect(missing).toEqual([]);
  });
});
