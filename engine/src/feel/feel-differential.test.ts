import { describe, expect, it } from 'vitest';
import { builtinGroups } from './feel-differential-builtins.cases.ts';
import { languageGroups } from './feel-differential.cases.ts';
import { evaluateFeel } from './index.ts';

const differentialGroups = [...languageGroups, ...builtinGroups];

// A fixed clock and zone: no row depends on them, but the evaluation must be deterministic.
const options = { now: Date.UTC(2024, 5, 1, 12, 0, 0), zone: 'UTC' };

describe('FEEL gives the results feel-scala 1.17 gives (stored as Zeebe stores them)', () => {
  for (const group of differentialGroups) {
    describe(group.name, () => {
      for (const { expression, variables, expected } of group.cases) {
        const label = variables ? `${expression} with ${JSON.stringify(variables)}` : expression;
        it(label, () => {
          // when
          const outcome = evaluateFeel(expression, variables ?? {}, options);
          // then
          if (expected !== null && typeof expected === 'object' && 'failure' in expected) {
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) expect(outcome.message).toContain(expected.failure);
          } else {
            expect(outcome).toEqual({ ok: true, value: expected });
          }
        });
      }
    });
  }

  it('covers at least 120 expressions', () => {
    const count = differentialGroups.reduce((sum, group) => sum + group.cases.length, 0);
    expect(count).toBeGreaterThanOrEqual(120);
  });
});

describe('random number()', () => {
  it('returns a number from 0 up to 1', () => {
    const outcome = evaluateFeel('random number()', {}, options);
    expect(outcome.ok && typeof outcome.value === 'number' && outcome.value >= 0 && outcome.value < 1).toBe(
      true,
    );
  });
});
