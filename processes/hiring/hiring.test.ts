import { describe, expect, it } from 'vitest';
import { describeBundle } from '../test/bundle-checks.ts';
import { predecessors, processElements, successors } from '../test/process-order.ts';

describeBundle('hiring');

describe('hiring: HR and tax in parallel', () => {
  it('sends the application to HR and tax at once after acceptance', async () => {
    // given
    const elements = await processElements('hiring');

    // then
    expect(predecessors(elements, 'Gateway_Fork1')).toEqual(['Gateway_AcceptDecision']);
    expect(successors(elements, 'Gateway_Fork1').sort()).toEqual(['SubProcess_Hr', 'SubProcess_Tax']);
    expect(predecessors(elements, 'Gateway_Join1').sort()).toEqual(['SubProcess_Hr', 'SubProcess_Tax']);
  });

  it('enrols in social insurance only after the employment registration inside HR', async () => {
    const elements = await processElements('hiring');
    expect(predecessors(elements, 'Gateway_SocialInsuranceSelected')).toEqual([
      'Gateway_EmploymentRegistrationDone',
    ]);
  });
});
