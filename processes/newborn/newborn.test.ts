import { describe, expect, it } from 'vitest';
import { describeBundle } from '../test/bundle-checks.ts';
import { flowElements, parseBpmn } from '../test/bpmn-model.ts';
import { loadBundle } from '../src/load-bundles.ts';

describeBundle('newborn');

describe('newborn process order', () => {
  it('registers the birth in a household only after the health part issued the birth certificate', async () => {
    // given
    const { definitions } = await parseBpmn(loadBundle('newborn').bpmnXml);
    const elements = definitions
      .elements('rootElements')
      .flatMap((e) => (e.type === 'bpmn:Process' ? flowElements(e) : []));

    // when
    const intoCivil = elements.find((e) => e.id === 'SubProcess_Civil')?.elements('incoming')[0];

    // then
    expect(intoCivil?.element('sourceRef')?.id).toBe('SubProcess_Health');
    const registerBirth = elements.find((e) => e.id === 'Task_HouseholdRegistration');
    expect(loadBundle('newborn').bpmnXml).toContain(
      '<zeebe:input source="=results.birthCertificate.birthCertificateNo" target="birthCertificateNo" />',
    );
    expect(registerBirth).toBeDefined();
  });
});
