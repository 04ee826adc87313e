import { describe, expect, it } from 'vitest';
import { ProcessesError, processesErrorCodes } from './errors.ts';

describe('processes error catalog', () => {
  it('uses stable upper-snake-case codes, each with a description', () => {
    // given
    const entries = Object.entries(processesErrorCodes);

    // then
    for (const [code, description] of entries) {
      expect(code).toMatch(/^(CALENDAR|BUNDLE)_[A-Z_]+$/);
      expect(description.length).toBeGreaterThan(10);
    }
  });

  it('carries its code and detail in the message', () => {
    // when
    const error = new ProcessesError('CALENDAR_YEAR_NOT_COVERED', '2030-01-01');

    // then
    expect(error.code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(error.message).toBe('CALENDAR_YEAR_NOT_COVERED: 2030-01-01');
  });
});
