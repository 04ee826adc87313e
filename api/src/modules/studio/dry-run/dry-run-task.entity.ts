import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const DRY_RUN_TASK_STATES = ['open', 'completed', 'cancelled'] as const;
export type DryRunTaskState = (typeof DRY_RUN_TASK_STATES)[number];

/**
 * A user task of a dry run: the user-task bridge keeps it here instead of in
 * the clerks' task table, so it is in no queue; the designer completes it in
 * the Studio's dry-run panel.
 */
export const DryRunTaskSchema = defineEntity({
  name: 'DryRunTask',
  schema: 'app',
  tableName: 'dry_run_task',
  properties: (p) => ({
    id: p.uuid().primary(),
    jobKey: p.string().length(32).unique(),
    processInstanceKey: p.string().length(32).index(),
    elementId: p.string().length(255),
    candidateGroups: p.array<string>().columnType('text[]').default('{}'),
    formKey: p.string().length(255).nullable(),
    state: p.string().length(20).$type<DryRunTaskState>(),
    /** The job's variables, encrypted like a clerk task's (test citizens are still people's data in form). */
    variablesCipher: p.text(),
    createdAt: p.datetime().columnType('timestamptz'),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    completedBy: p.string().length(100).nullable(),
  }),
});
export type DryRunTask = InferEntity<typeof DryRunTaskSchema>;
