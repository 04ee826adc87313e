import { describe, expect, it } from 'vitest';
import { describeBundle } from '../test/bundle-checks.ts';
import { inputs, predecessors, processElements } from '../test/process-order.ts';

describeBundle('retirement');

describe('retirement: eligibility, claim, then tax', () => {
  it('has an HR clerk review the claim after the automatic eligibility check', async () => {
    // given
    const elements = await processElements('retirement');

    // then
    expect(predecessors(elements, 'Gateway_PensionClaimSelected')).toEqual([
      'Gateway_PensionEligibilityDone',
    ]);
    expect(predecessors(elements, 'Task_PensionClaimReview')).toEqual(['Gateway_PensionClaimSelected']);
  });

  it('registers the pension’s tax exemption after HR, from the claimed pension', async () => {
    const elements = await processElements('retirement');
    expect(predecessors(elements, 'SubProcess_Tax')).toEqual(['SubProcess_Hr']);
    expect(inputs(elements, 'Task_PensionIncomeTax').pensionStartMonth).toBe(
      '=results.pensionClaim.startMonth',
    );
    expect(inputs(elements, 'Task_MedicalInsuranceContinuation').reason).toBe('retirement');
  });
});
