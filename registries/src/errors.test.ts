import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUSINESS_ERRORS, TECHNICAL_ERRORS } from './errors.ts';

const contract = readFileSync(new URL('../OPERATIONS.md', import.meta.url), 'utf8');

describe('error catalog', () => {
  it('documents every code in OPERATIONS.md', () => {
    const codes = [...Object.keys(BUSINESS_ERRORS), ...Object.keys(TECHNICAL_ERRORS)];
    expect(codes.filter((code) => !contract.includes(code))).toEqual([]);
  });

  it('knows every code OPERATIONS.md names', () => {
    const named = new Set(contract.match(/`[A-Z][A-Z_]{3,}`/g)?.map((code) => code.slice(1, -1)));
    // HTTP methods, eligibility reasons and environment variables are not error codes.
    const ignored = new Set(['AGE_NOT_REACHED', 'REGISTRIES_URL', 'GET', 'POST', 'PUT', 'DELETE']);
    const unknown = [...named].filter(
      (code) => !(code in BUSINESS_ERRORS) && !(code in TECHNICAL_ERRORS) && !ignored.has(code),
    );
    expect(unknown).toEqual([]);
  });
});
