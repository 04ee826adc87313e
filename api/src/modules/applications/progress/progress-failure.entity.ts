import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const PROGRESS_FAILURE_STATES = ['retrying', 'set_aside'] as const;
export type ProgressFailureState = (typeof PROGRESS_FAILURE_STATES)[number];

/**
 * An application whose progress could not be brought up to its history (a
 * bug, bad data, a constraint), kept so that nothing is silently lost while
 * the cursor moves on for every other application. `retrying`: the worker
 * tries again at `nextAttemptAt`, with a longer wait each time; `set_aside`:
 * it has stopped trying until the worker restarts or an admin asks for a
 * retry. A successful retry deletes the row. One row per application.
 */
export const ProgressFailureSchema = defineEntity({
  name: 'ProgressFailure',
  schema: 'app',
  tableName: 'progress_failure',
  indexes: [{ properties: ['state', 'nextAttemptAt'] }],
  properties: (p) => ({
    applicationId: p.uuid().primary(),
    processInstanceKey: p.string().length(32).nullable(),
    /** The feed position that named the application when it first failed (the cursor's, for a sweep). */
    position: p.bigint('string'),
    /** The last error's message, resident ID numbers masked, at most 1000 characters. */
    error: p.text(),
    /** Failed attempts in all. */
    attempts: p.integer(),
    /** Attempts left before it is set aside (a restart or an admin's retry gives a new series). */
    retriesLeft: p.integer(),
    state: p.string().length(20).$type<ProgressFailureState>(),
    firstSeenAt: p.datetime().columnType('timestamptz'),
    lastSeenAt: p.datetime().columnType('timestamptz'),
    nextAttemptAt: p.datetime().columnType('timestamptz'),
  }),
});
export type ProgressFailure = InferEntity<typeof ProgressFailureSchema>;
