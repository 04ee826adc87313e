import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { InstancesQuery } from '../api/monitor.api.ts';
import { INSTANCE_STATES, type InstanceState } from '../api/monitor.types.ts';

/** The instance list's filters as the page URL keeps them (`?process=…&state=…`). */
export interface InstanceFilters {
  /** A BPMN process id; a bundle's is `onething-<bundle key>`. */
  process: string | null;
  state: InstanceState | null;
}

const PROCESS_ID = /^[A-Za-z_][\w.-]{0,255}$/;
const BUNDLE_PREFIX = 'onething-';

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

/** Reads the filters from the URL; anything malformed is dropped rather than sent to the api. */
export function filtersFromQuery(query: LocationQuery): InstanceFilters {
  const process = single(query.process);
  const state = single(query.state);
  return {
    process: process !== null && PROCESS_ID.test(process) ? process : null,
    state: INSTANCE_STATES.find((known) => known === state) ?? null,
  };
}

export function filtersToQuery(filters: InstanceFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.process !== null) query.process = filters.process;
  if (filters.state !== null) query.state = filters.state;
  return query;
}

export function filtersToApi(filters: InstanceFilters, cursor?: string): InstancesQuery {
  return {
    ...(filters.process === null ? {} : { bpmnProcessId: filters.process }),
    ...(filters.state === null ? {} : { state: filters.state }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

/** The catalogue's rule (processes/README.md): a bundle's process id is `onething-<key>`. */
export function processIdOfBundle(bundleKey: string): string {
  return BUNDLE_PREFIX + bundleKey;
}

export function bundleKeyOfProcess(processId: string): string | null {
  return processId.startsWith(BUNDLE_PREFIX) ? processId.slice(BUNDLE_PREFIX.length) : null;
}
