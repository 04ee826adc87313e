import { describe, expect, it } from 'vitest';
import { FORM_ERRORS, formProblem } from './errors.ts';

describe('error catalog', () => {
  it('names every code FORM_* in upper snake case with a sentence for people', () => {
    for (const [code, message] of Object.entries(FORM_ERRORS)) {
      expect(code).toMatch(/^FORM_[A-Z_]+$/);
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('adds the detail after the catalog message', () => {
    expect(formProblem('FORM_UNKNOWN_KEY', 'child.colour', 'Used by health.')).toEqual({
      code: 'FORM_UNKNOWN_KEY',
      path: 'child.colour',
      message: 'The field key is not in the field dictionary. Used by health.',
    });
  });
});
