import { describe, expect, it } from 'vitest';
import { describeBundle } from '../test/bundle-checks.ts';
import { inputs, predecessors, processElements, successors } from '../test/process-order.ts';

describeBundle('newborn');

describe('newborn: what each department waits for', () => {
  it('registers the birth only after the health part issued the birth certificate, using its number', async () => {
    // given
    const elements = await processElements('newborn');

    // then
    expect(predecessors(elements, 'SubProcess_Civil')).toEqual(['SubProcess_Health']);
    expect(inputs(elements, 'Task_HouseholdRegistration').birthCertificateNo).toBe(
      '=results.birthCertificate.birthCertificateNo',
    );
  });

  it('fans out to HR and tax in parallel once the child has an ID number', async () => {
    const elements = await processElements('newborn');
    expect(predecessors(elements, 'Gateway_Fork3')).toEqual(['SubProcess_Civil']);
    expect(successors(elements, 'Gateway_Fork3').sort()).toEqual(['SubProcess_Hr', 'SubProcess_Tax']);
    expect(inputs(elements, 'Task_MedicalInsurance').idNumber).toBe(
      '=results.householdRegistration.childIdNumber',
    );
    expect(inputs(elements, 'Task_InfantCareDeduction').childIdNumber).toBe(
      '=results.householdRegistration.childIdNumber',
    );
  });
});
