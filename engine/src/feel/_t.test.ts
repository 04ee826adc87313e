import { it } from 'vitest';
import { evaluateFeel } from './index.ts';
it('x', () => {
  for (const e of ['[1,2,3,4][even(item)]', 'duplicate values([1,2,3,2,1])', 'get value({x:1, y: {z:0}}, ["y", "z"])', 'duration("P5D") / duration("P1D")', 'duration("P1Y") / duration("P1M")', 'date and time(@"2020-07-31T14:27:30@Europe/Berlin", "America/Los_Angeles")', '[1,2,3][odd(item)]', '[1,2,3][item > 1 and true]', 'even(2)'])
    console.log(e, JSON.stringify(evaluateFeel(e, {}, { now: 0, zone: 'UTC' })));
});
