import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Where the application-progress worker stands in the engine's history
 * change feed (`engine.history_changes`). One row (`engine-history`), written
 * in the same transaction as the progress it covers, and locked by the worker
 * applying a batch, so api replicas never apply the same range twice.
 */
export const ProgressCursorSchema = defineEntity({
  name: 'ProgressCursor',
  schema: 'app',
  tableName: 'progress_cursor',
  properties: (p) => ({
    name: p.string().length(64).primary(),
    /** The last feed position applied (int64 as a string; '0' before any). */
    position: p.bigint('string').default('0'),
    /**
     * The one-time sweep over applications followed before the feed existed
     * (an upgrade from the polling worker): done once false, else the last
     * application id swept (null before the first page).
     */
    sweeping: p.boolean().default(true),
    sweptUpTo: p.uuid().nullable(),
    updatedAt: p.datetime().columnType('timestamptz'),
  }),
});
export type ProgressCursor = InferEntity<typeof ProgressCursorSchema>;

/** The cursor's row name. */
export const HISTORY_CURSOR = 'engine-history';
