import { expect, it } from 'vitest';
import { maskIdNumbers } from './mask-id-numbers.ts';

it('keeps three leading and four trailing characters of every ID number in a message', () => {
  expect(maskIdNumbers('mother 11010519491231002X and child 330106202611100028 not found')).toBe(
    'mother 110***********002X and child 330***********0028 not found',
  );
});
