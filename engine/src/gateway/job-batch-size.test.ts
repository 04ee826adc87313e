import { describe, expect, it } from 'vitest';
import type { ActivatedJob } from '../service.ts';
import { fitToMessage } from './job-batch-size.ts';

function job(key: string, variablesBytes: number): ActivatedJob {
  return {
    key,
    type: 'work',
    processInstanceKey: '1',
    bpmnProcessId: 'process',
    processDefinitionVersion: 1,
    processDefinitionKey: '2',
    elementId: 'Task_Work',
    elementInstanceKey: '3',
    customHeaders: '{}',
    worker: 'w',
    retries: 3,
    deadline: 0,
    variables: `{"blob":"${'x'.repeat(variablesBytes)}"}`,
    tenantId: '<default>',
  };
}

describe('fitToMessage', () => {
  it('keeps every job of a batch that fits', () => {
    // given
    const jobs = [job('1', 100), job('2', 100)];

    // when
    const { fits, rest } = fitToMessage(jobs, 10_000);

    // then
    expect(fits).toEqual(jobs);
    expect(rest).toEqual([]);
  });

  it('cuts the batch where the next job would pass the limit, keeping job order', () => {
    // given
    const jobs = [job('1', 3_000), job('2', 3_000), job('3', 3_000)];

    // when
    const { fits, rest } = fitToMessage(jobs, 10_000);

    // then
    expect(fits.map((each) => each.key)).toEqual(['1', '2']);
    expect(rest.map((each) => each.key)).toEqual(['3']);
  });

  it('always sends the first job, even one larger than the limit', () => {
    // when
    const { fits, rest } = fitToMessage([job('1', 20_000), job('2', 10)], 8_000);

    // then
    expect(fits.map((each) => each.key)).toEqual(['1']);
    expect(rest.map((each) => each.key)).toEqual(['2']);
  });
});
