import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const DRY_RUN_STATES = ['running', 'completed', 'cancelled'] as const;
export type DryRunState = (typeof DRY_RUN_STATES)[number];
/** Who cancelled a dry run: the designer (`DELETE`), or the expiry of abandoned runs (expire-dry-runs.ts). */
export const DRY_RUN_CANCEL_REASONS = ['designer', 'expired'] as const;
export type DryRunCancelReason = (typeof DRY_RUN_CANCEL_REASONS)[number];

/**
 * A designer's dry run (试运行) of a bundle's draft: the draft as it was at
 * the start (the Studio may change meanwhile; the diagram and the task forms
 * must stay those of the run), deployed under the dry-run process id, and the
 * one instance started for a test citizen. It is no application: citizens
 * and clerks never see it.
 */
export const DryRunSchema = defineEntity({
  name: 'DryRun',
  schema: 'app',
  tableName: 'dry_run',
  indexes: [{ properties: ['state', 'lastActivityAt'] }],
  properties: (p) => ({
    id: p.uuid().primary(),
    bundleKey: p.string().length(64).index(),
    draftVersion: p.integer(),
    /** The test citizen's key (`citizen1`). */
    citizen: p.string().length(64),
    bpmn: p.text(),
    forms: p.json<Record<string, unknown>>().columnType('json'),
    manifest: p.json<Record<string, unknown>>().columnType('json'),
    bpmnProcessId: p.string().length(255),
    processDefinitionKey: p.string().length(32),
    processInstanceKey: p.string().length(32).unique(),
    /** Our bookkeeping; the engine's history says whether the instance ended. */
    state: p.string().length(20).$type<DryRunState>(),
    startedBy: p.string().length(100),
    startedAt: p.datetime().columnType('timestamptz'),
    cancelledAt: p.datetime().columnType('timestamptz').nullable(),
    cancelReason: p.string().length(20).$type<DryRunCancelReason>().nullable(),
    /** The designer's last act on the run (its start, a task completed): an idle run expires. */
    lastActivityAt: p.datetime().columnType('timestamptz'),
  }),
});
export type DryRun = InferEntity<typeof DryRunSchema>;
