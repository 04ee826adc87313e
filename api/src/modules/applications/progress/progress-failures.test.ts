import { describe, expect, it } from 'vitest';
import { failureMessage, retryDelayMs } from './progress-failures.ts';

describe('progress failures', () => {
  it('keeps only the message of an error, with resident ID numbers masked and its length capped', () => {
    // given
    const error = new Error('bad value for 11010519491231002X in part beta');

    // when
    const message = failureMessage(error);
    const long = failureMessage(new Error('x'.repeat(5_000)));

    // then
    expect(message).toBe('Error: bad value for 110105**********2X in part beta');
    expect(long).toHaveLength(1000);
  });

  it('doubles the wait after each failure of a series, up to the longest wait', () => {
    // given
    const policy = { maxAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 100_000 };

    // when
    const waits = [1, 2, 3, 4].map((failed) => retryDelayMs(policy, failed));

    // then
    expect(waits).toEqual([30_000, 60_000, 100_000, 100_000]);
  });
});
