import type { ReturnField } from './return-sections.ts';

/** What the Workbench reads from the api (DESIGN.md and api/HTTP-API.md), after parsing. */

export type TaskState = 'open' | 'completed' | 'cancelled';
export type TaskListState = 'open' | 'mine' | 'done';

export interface TaskSummary {
  id: string;
  name: string;
  state: TaskState;
  bundleKey: string | null;
  applicationId: string | null;
  candidateGroups: string[];
  /** The assignee's display name, or null while the task waits in the group's queue. */
  assignee: string | null;
  /** The assignee's user id (compare with the signed-in user's `id`; names are not unique). */
  assigneeId: string | null;
  /** ISO date-time; null when the BPMN sets no due date. */
  dueDate: string | null;
  /**
   * Working days until `dueDate` on the platform's working-day calendar, as the api counted
   * them when it answered: 0 when due today, negative once past, null without a due date.
   */
  workingDaysLeft: number | null;
  createdAt: string;
}

export interface HistoryEntry {
  at: string;
  event: string;
  by: string | null;
}

/** 审批意见: kept with the application, written by the clerks of its tasks. */
export interface TaskComment {
  id: string;
  at: string;
  author: string;
  authorName: string;
  group: string;
  text: string;
}

export interface TaskDetail extends TaskSummary {
  /** The task's form-js schema, or null when the task has no form. */
  form: Record<string, unknown> | null;
  /** The application data this group may see (the api filters and masks it). */
  data: Record<string, unknown>;
  history: HistoryEntry[];
  comments: TaskComment[];
  /**
   * The fields a return for correction may name: those of the application's own combined form
   * (the bundle version it was filed under, its services), labelled as the citizen saw them.
   * Empty when the task cannot be returned or the api names none.
   */
  returnFields: ReturnField[];
}

export interface Material {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export type PartResult = Record<string, string | number | boolean>;

export interface ApplicationPart {
  department: string;
  service: string;
  status: string;
  result: PartResult | null;
  dueDate: string | null;
  /** The service's title by locale, when the api sends it. */
  title: Record<string, string> | null;
}

/** The staff view of `GET /api/applications/:id`, as far as the Workbench uses it. */
export interface ApplicationForStaff {
  id: string;
  bundleKey: string;
  status: string;
  submittedAt: string | null;
  data: Record<string, unknown>;
  parts: ApplicationPart[];
  materials: Material[];
  returnReason: string | null;
}

/** A catalogue entry as the Workbench names it: the bundle's title and its materials' names. */
export interface BundleInfo {
  key: string;
  title: Record<string, string>;
  materials: { key: string; name: Record<string, string> }[];
}

/** One bundle with the labels of its combined form's fields, by value path (`child.name`). */
export interface BundleDetail extends BundleInfo {
  labels: Record<string, string>;
  /** The labels of a choice field's values (`child.sex`: `male` → 男), by value path. */
  options: Record<string, Record<string, string>>;
  /** The services' titles by service key. */
  services: Record<string, Record<string, string>>;
}
