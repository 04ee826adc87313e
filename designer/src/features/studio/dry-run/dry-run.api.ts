import type { HttpClient } from '../../../app/http.ts';
import {
  parseDryRun,
  parseDryRunList,
  parseDryRunStarted,
  parseTestCitizens,
  parseXml,
  type DryRun,
  type DryRunStarted,
  type DryRunSummary,
  type TestCitizens,
} from './dry-run.types.ts';

/** The dry-run routes (api/HTTP-API.md, "Dry runs"). */
export interface DryRunApi {
  testCitizens(): Promise<TestCitizens>;
  /** Rejects with DRAFT_CONFLICT (409), DRY_RUN_NEEDS_SANDBOX (409), DRY_RUN_REJECTED / DRY_RUN_DATA_INVALID (422). */
  start(bundleKey: string, version: number, citizen: string): Promise<DryRunStarted>;
  /** The bundle's 20 latest runs, newest first. */
  list(bundleKey: string): Promise<DryRunSummary[]>;
  get(id: string): Promise<DryRun>;
  bpmn(id: string): Promise<string>;
  complete(
    id: string,
    taskId: string,
    body: { variables?: Record<string, unknown>; defaults?: boolean },
  ): Promise<DryRun>;
  cancel(id: string): Promise<DryRun>;
}

export function createDryRunApi(http: HttpClient): DryRunApi {
  const run = (id: string) => `/api/studio/dry-runs/${encodeURIComponent(id)}`;
  return {
    testCitizens: () => http.get('/api/studio/test-citizens', { parse: parseTestCitizens }),
    start: (bundleKey, version, citizen) =>
      http.post(
        `/api/studio/bundles/${encodeURIComponent(bundleKey)}/dry-runs`,
        { version, citizen },
        { parse: parseDryRunStarted },
      ),
    list: (bundleKey) =>
      http.get(`/api/studio/bundles/${encodeURIComponent(bundleKey)}/dry-runs`, { parse: parseDryRunList }),
    get: (id) => http.get(run(id), { parse: parseDryRun }),
    bpmn: (id) => http.get(`${run(id)}/bpmn`, { parse: parseXml, responseType: 'text' }),
    complete: (id, taskId, body) =>
      http.post(`${run(id)}/tasks/${encodeURIComponent(taskId)}/complete`, body, { parse: parseDryRun }),
    cancel: (id) => http.delete(run(id), { parse: parseDryRun }),
  };
}
