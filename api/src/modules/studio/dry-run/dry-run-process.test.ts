import { loadBundle } from '@onething/processes';
import { describe, expect, it } from 'vitest';
import { dryRunBpmn, dryRunProcessId, isDryRunProcess } from './dry-run-process.ts';

describe('dry-run process', () => {
  it('renames the process and its diagram plane, and nothing else', () => {
    // given
    const bundle = loadBundle('newborn');
    const processId = bundle.manifest.processId;

    // when
    const renamed = dryRunBpmn(bundle.bpmnXml, processId);

    // then
    expect(renamed).toContain(`<bpmn:process id="${dryRunProcessId(processId)}"`);
    expect(renamed).toContain(`bpmnElement="${dryRunProcessId(processId)}"`);
    expect(renamed).not.toMatch(new RegExp(`"${processId}"`));
    expect(renamed.replaceAll(dryRunProcessId(processId), processId)).toBe(bundle.bpmnXml);
  });

  it('tells dry-run processes from catalogue processes by their id', () => {
    expect(isDryRunProcess(dryRunProcessId('onething-newborn'))).toBe(true);
    expect(isDryRunProcess('onething-newborn')).toBe(false);
  });
});
