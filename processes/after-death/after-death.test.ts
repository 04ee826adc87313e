import { describe, expect, it } from 'vitest';
import { describeBundle } from '../test/bundle-checks.ts';
import { inputs, predecessors, processElements, successors } from '../test/process-order.ts';

describeBundle('after-death');

describe('after-death: the death certificate first, then civil, HR and tax in parallel', () => {
  it('fans out after the health part to every other department', async () => {
    // given
    const elements = await processElements('after-death');

    // then
    expect(predecessors(elements, 'Gateway_Fork2')).toEqual(['SubProcess_Health']);
    expect(successors(elements, 'Gateway_Fork2').sort()).toEqual([
      'SubProcess_Civil',
      'SubProcess_Hr',
      'SubProcess_Tax',
    ]);
  });

  it('passes the death certificate number to every later registry call', async () => {
    const elements = await processElements('after-death');
    for (const task of [
      'Task_HouseholdCancellation',
      'Task_PensionStop',
      'Task_FuneralGrant',
      'Task_DeductionClosure',
    ]) {
      expect(inputs(elements, task).deathCertificateNo, task).toBe(
        '=results.deathCertificate.deathCertificateNo',
      );
    }
  });
});
