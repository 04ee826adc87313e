import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const TASK_STATES = ['open', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * A clerk's task: the api's copy of an activated `io.camunda.zeebe:userTask`
 * job (the user-task bridge keeps it). The job key is the link to the
 * engine; completing the task completes that job.
 */
export const UserTaskSchema = defineEntity({
  name: 'UserTask',
  schema: 'app',
  tableName: 'user_task',
  properties: (p) => ({
    id: p.uuid().primary(),
    jobKey: p.string().length(32).unique(),
    processInstanceKey: p.string().length(32).index(),
    bpmnProcessId: p.string().length(255),
    elementId: p.string().length(255),
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
    jobDeadline: p.datetime().columnType('timestamptz'),
    createdAt: p.datetime().columnType('timestamptz'),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    completedBy: p.string().length(200).nullable(),
  }),
});
export type UserTask = InferEntity<typeof UserTaskSchema>;
