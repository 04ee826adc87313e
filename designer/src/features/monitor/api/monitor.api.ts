import { http, type HttpClient } from '../../../app/http.ts';
import {
  parseBreaches,
  parseBundles,
  parseBundleServices,
  parseIncidents,
  parseInstanceDetail,
  parseInstancesPage,
  parseProgressFailure,
  parseProgressFailures,
  parseResolveResult,
  parseStats,
} from './monitor.parsers.ts';
import type {
  Breach,
  BundleEntry,
  Incident,
  IncidentState,
  InstanceDetail,
  InstancesPage,
  InstanceState,
  MonitorStats,
  ProgressFailure,
  ResolveResult,
  ServiceEntry,
} from './monitor.types.ts';

export interface InstancesQuery {
  bpmnProcessId?: string;
  state?: InstanceState;
  limit?: number;
  cursor?: string;
}

export interface StatsRange {
  /** `YYYY-MM-DD`, inclusive */
  from: string;
  to: string;
}

const BUNDLE_KEY = /^[a-z][a-z0-9-]{0,62}$/;

/** Anything shaped like an engine key, so a hand-edited URL never builds another path. */
const ENGINE_KEY = /^[0-9]{1,19}$/;

/** Applications are named by their UUID; anything else would build another path. */
const APPLICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function engineKey(key: string): string {
  if (!ENGINE_KEY.test(key)) throw new RangeError(`not an engine key: ${key}`);
  return key;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The BPMN XML as the api sends it: the body itself, not JSON. */
function parseXml(body: unknown): string | undefined {
  return typeof body === 'string' && body.trimStart().startsWith('<') ? body : undefined;
}

/** The Monitor's calls; `client` is replaceable for tests. */
export function createMonitorApi(client: HttpClient = http) {
  return {
    instances: (filter: InstancesQuery = {}, signal?: AbortSignal): Promise<InstancesPage> =>
      client.get(`/api/monitor/instances${query({ ...filter })}`, { parse: parseInstancesPage, signal }),

    instance: (key: string, signal?: AbortSignal): Promise<InstanceDetail> =>
      client.get(`/api/monitor/instances/${engineKey(key)}`, { parse: parseInstanceDetail, signal }),

    incidents: (state: IncidentState, signal?: AbortSignal): Promise<Incident[]> =>
      client.get(`/api/monitor/incidents${query({ state })}`, { parse: parseIncidents, signal }),

    resolveIncident: (key: string): Promise<ResolveResult> =>
      client.post(`/api/monitor/incidents/${engineKey(key)}/resolve`, undefined, {
        parse: parseResolveResult,
      }),

    processXml: (processDefinitionKey: string, signal?: AbortSignal): Promise<string> =>
      client.get(`/api/monitor/processes/${engineKey(processDefinitionKey)}/xml`, {
        parse: parseXml,
        responseType: 'text',
        signal,
      }),

    stats: (range: StatsRange, signal?: AbortSignal): Promise<MonitorStats> =>
      client.get(`/api/monitor/stats${query({ ...range })}`, { parse: parseStats, signal }),

    breaches: (signal?: AbortSignal): Promise<Breach[]> =>
      client.get('/api/monitor/breaches', { parse: parseBreaches, signal }),

    progressFailures: (signal?: AbortSignal): Promise<ProgressFailure[]> =>
      client.get('/api/monitor/progress-failures', { parse: parseProgressFailures, signal }),

    retryProgressFailure: (applicationId: string): Promise<ProgressFailure> => {
      if (!APPLICATION_ID.test(applicationId))
        return Promise.reject(new RangeError(`not an application id: ${applicationId}`));
      return client.post(`/api/monitor/progress-failures/${applicationId}/retry`, undefined, {
        parse: parseProgressFailure,
      });
    },

    bundles: (signal?: AbortSignal): Promise<BundleEntry[]> =>
      client.get('/api/bundles', { parse: parseBundles, signal }),

    bundleServices: (bundleKey: string, signal?: AbortSignal): Promise<ServiceEntry[]> => {
      if (!BUNDLE_KEY.test(bundleKey))
        return Promise.reject(new RangeError(`not a bundle key: ${bundleKey}`));
      return client.get(`/api/bundles/${bundleKey}`, { parse: parseBundleServices, signal });
    },
  };
}

export type MonitorApi = ReturnType<typeof createMonitorApi>;

export const monitorApi = createMonitorApi();
