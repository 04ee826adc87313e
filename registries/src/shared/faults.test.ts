import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.ts';

function injector(rolls: number[]) {
  const slept: number[] = [];
  const faults = new FaultInjector(
    () => rolls.shift() ?? 0.99,
    async (ms) => {
      slept.push(ms);
    },
  );
  return { faults, slept };
}

describe('FaultInjector', () => {
  it('lets everything pass with no faults set', async () => {
    const { faults, slept } = injector([0]);
    expect(await faults.gate()).toBe('pass');
    expect(await faults.loseResponse()).toBe(false);
    expect(slept).toEqual([]);
  });

  it('adds latency with jitter from the random source', async () => {
    // given
    const { faults, slept } = injector([0.5]);
    faults.set({ latencyMs: 100, latencyJitterMs: 40 });
    // when
    await faults.gate();
    // then
    expect(slept).toEqual([120]);
  });

  it('fails when the roll is under the error rate, and hangs then times out under the timeout rate', async () => {
    const { faults, slept } = injector([0.2, 0.9, 0.1]);
    faults.set({ errorRate: 0.3, timeoutRate: 0.5, hangMs: 7 });
    expect(await faults.gate()).toBe('unavailable');
    expect(await faults.gate()).toBe('timeout');
    expect(slept).toEqual([7]);
  });

  it('withholds a committed response under the lost-response rate and forgets everything when cleared', async () => {
    const { faults } = injector([0.1]);
    faults.set({ lostResponseRate: 0.5, hangMs: 0, outage: true });
    expect(await faults.loseResponse()).toBe(true);
    faults.clear();
    expect(await faults.gate()).toBe('pass');
  });
});
