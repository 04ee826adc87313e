import type { HttpClient } from '../../../app/http.ts';
import {
  parseApplication,
  parseBundleDetail,
  parseBundleList,
  parseComment,
  parseComments,
  parseTaskDetail,
  parseTaskList,
} from './task.parsers.ts';
import type {
  ApplicationForStaff,
  BundleDetail,
  BundleInfo,
  TaskComment,
  TaskDetail,
  TaskListState,
  TaskSummary,
} from './task.types.ts';

/** The task routes of DESIGN.md and api/HTTP-API.md, with every answer parsed. */
export interface TasksApi {
  list(state: TaskListState, signal?: AbortSignal): Promise<TaskSummary[]>;
  get(id: string): Promise<TaskDetail>;
  claim(id: string): Promise<void>;
  unclaim(id: string): Promise<void>;
  complete(id: string, variables: Record<string, unknown>): Promise<void>;
  /** `fields`: keys of the combined form the citizen must correct; none means the whole form. */
  returnForCorrection(id: string, reason: string, fields: readonly string[]): Promise<void>;
  comments(id: string): Promise<TaskComment[]>;
  addComment(id: string, text: string): Promise<TaskComment>;
  application(id: string): Promise<ApplicationForStaff>;
  bundles(): Promise<BundleInfo[]>;
  bundle(key: string): Promise<BundleDetail>;
}

const segment = encodeURIComponent;

export function createTasksApi(http: HttpClient): TasksApi {
  return {
    list: (state, signal) =>
      http.get(`/api/tasks?state=${state}`, { parse: parseTaskList, ...(signal ? { signal } : {}) }),
    get: (id) => http.get(`/api/tasks/${segment(id)}`, { parse: parseTaskDetail }),
    claim: (id) => http.post(`/api/tasks/${segment(id)}/claim`),
    unclaim: (id) => http.post(`/api/tasks/${segment(id)}/unclaim`),
    complete: (id, variables) => http.post(`/api/tasks/${segment(id)}/complete`, { variables }),
    returnForCorrection: (id, reason, fields) =>
      http.post(`/api/tasks/${segment(id)}/return`, fields.length > 0 ? { reason, fields } : { reason }),
    comments: (id) => http.get(`/api/tasks/${segment(id)}/comments`, { parse: parseComments }),
    addComment: (id, text) =>
      http.post(`/api/tasks/${segment(id)}/comments`, { text }, { parse: parseComment }),
    application: (id) => http.get(`/api/applications/${segment(id)}`, { parse: parseApplication }),
    bundles: () => http.get('/api/bundles', { parse: parseBundleList }),
    bundle: (key) => http.get(`/api/bundles/${segment(key)}`, { parse: parseBundleDetail }),
  };
}

/** Where a clerk downloads one of the application's materials (the api sends it as an attachment). */
export function materialDownloadUrl(applicationId: string, materialId: string): string {
  return `/api/applications/${segment(applicationId)}/materials/${segment(materialId)}`;
}
