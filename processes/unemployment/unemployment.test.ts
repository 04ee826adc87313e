import { describe, expect, it } from 'vitest';
import { describeBundle } from '../test/bundle-checks.ts';
import { inputs, predecessors, processElements } from '../test/process-order.ts';

describeBundle('unemployment');

describe('unemployment: registration first', () => {
  it('grants the benefit from the unemployment registration after a clerk’s review', async () => {
    // given
    const elements = await processElements('unemployment');

    // then
    expect(predecessors(elements, 'Gateway_UnemploymentBenefitSelected')).toEqual([
      'Gateway_UnemploymentRegistrationDone',
    ]);
    expect(inputs(elements, 'Task_UnemploymentBenefit').unemploymentRegistrationNo).toBe(
      '=results.unemploymentRegistration.unemploymentRegistrationNo',
    );
  });

  it('passes the citizen’s reason for leaving and continues medical insurance for unemployment', async () => {
    const elements = await processElements('unemployment');
    expect(inputs(elements, 'Task_UnemploymentRegistration').separationReason).toBe(
      '=unemployment.separationReason',
    );
    expect(inputs(elements, 'Task_MedicalInsuranceContinuation').reason).toBe('unemployment');
  });
});
