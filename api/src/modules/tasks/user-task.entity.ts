import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const TASK_STATES = ['open', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * Where a task comes from: `engine`, an activated user-task job; `rating`, the
 * follow-up of a low rating, which the api opens itself and which has no job.
 */
export const TASK_ORIGINS = ['engine', 'rating'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];

/**
 * A task of a group. Most are the api's copy of an activated
 * `io.camunda.zeebe:userTask` job (the user-task bridge keeps it): the job
 * key is the link to the engine, and completing the task completes that job.
 * A task of another origin has no job and no process instance: claiming and
 * completing it only change this row, and the bridge never touches it.
 */
export const UserTaskSchema = defineEntity({
  name: 'UserTask',
  schema: 'app',
  tableName: 'user_task',
  properties: (p) => ({
    id: p.uuid().primary(),
    origin: p.string().length(20).$type<TaskOrigin>().default('engine'),
    jobKey: p.string().length(32).nullable().unique(),
    processInstanceKey: p.string().length(32).nullable().index(),
    bpmnProcessId: p.string().length(255).nullable(),
    elementId: p.string().length(255).nullable(),
    name: p.string().length(255),
    candidateGroups: p.array<string>().columnType('text[]').default('{}'),
    assigneeId: p.uuid().nullable(),
    assigneeName: p.string().length(200).nullable(),
    /** `onething:form:<bundle>/<name>` from the job's `io.camunda.zeebe:formKey` header. */
    formKey: p.string().length(255).nullable(),
    dueDate: p.datetime().columnType('timestamptz').nullable(),
    /** The application the instance belongs to (no foreign key: see user-task-bridge.ts). */
    applicationId: p.uuid().nullable().index(),
    bundleKey: p.string().length(64).nullable(),
    state: p.string().length(20).$type<TaskState>(),
    /** The job's variables (they hold personal data), encrypted like application data. */
    variablesCipher: p.text(),
    /** When the job's activation runs out; the bridge renews it before. */
    jobDeadline: p.datetime().columnType('timestamptz').nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    completedBy: p.string().length(200).nullable(),
  }),
  // The clerks' lists read open tasks oldest first and completed ones newest
  // first, a page at a time (task-list.ts): one partial index for each order.
  indexes: [
    {
      name: 'user_task_open_index',
      expression:
        'create index "user_task_open_index" on "app"."user_task" ("created_at", "id") where "state" = \'open\'',
    },
    {
      name: 'user_task_completed_index',
      expression:
        'create index "user_task_completed_index" on "app"."user_task" ("completed_at" desc, "id" desc) where "state" = \'completed\'',
    },
  ],
});
export type UserTask = InferEntity<typeof UserTaskSchema>;
