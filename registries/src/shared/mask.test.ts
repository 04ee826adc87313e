import { describe, expect, it } from 'vitest';
import { maskIdNumbers } from './mask.ts';

describe('maskIdNumbers', () => {
  it('hides the birth date of every ID number in a URL', () => {
    expect(maskIdNumbers('/registries/civil/persons/11010519491231002X/relations')).toBe(
      '/registries/civil/persons/110105********002X/relations',
    );
  });
});
