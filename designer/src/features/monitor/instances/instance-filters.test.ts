import { describe, expect, it } from 'vitest';
import {
  bundleKeyOfProcess,
  filtersFromQuery,
  filtersToApi,
  filtersToQuery,
  processIdOfBundle,
} from './instance-filters.ts';

describe('instance filters', () => {
  it('reads the process and state from the URL and sends them to the api with the page cursor', () => {
    // given
    const filters = filtersFromQuery({ process: 'onething-newborn', state: 'ACTIVE' });

    // when
    const query = filtersToApi(filters, '50');

    // then
    expect(filters).toEqual({ process: 'onething-newborn', state: 'ACTIVE' });
    expect(query).toEqual({ bpmnProcessId: 'onething-newborn', state: 'ACTIVE', cursor: '50' });
  });

  it('drops an unknown state and a malformed process id instead of sending them', () => {
    // when
    const filters = filtersFromQuery({ process: '../../admin', state: 'RUNNING' });

    // then
    expect(filters).toEqual({ process: null, state: null });
    expect(filtersToApi(filters)).toEqual({});
  });

  it('takes the first of repeated parameters and writes back only what is set', () => {
    // when
    const filters = filtersFromQuery({ state: ['COMPLETED', 'ACTIVE'], process: '' });

    // then
    expect(filters).toEqual({ process: null, state: 'COMPLETED' });
    expect(filtersToQuery(filters)).toEqual({ state: 'COMPLETED' });
  });

  it("maps a bundle to its process id and back, as the catalogue's rule says", () => {
    expect(processIdOfBundle('newborn')).toBe('onething-newborn');
    expect(bundleKeyOfProcess('onething-after-death')).toBe('after-death');
    expect(bundleKeyOfProcess('Process_DryRun')).toBeNull();
  });
});
