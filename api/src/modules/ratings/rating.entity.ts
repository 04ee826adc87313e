import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * The citizen's rating of a completed application (好差评): one per
 * application (unique), never changed (append-only, like the audit trail).
 */
export const RatingSchema = defineEntity({
  name: 'Rating',
  schema: 'app',
  tableName: 'application_rating',
  properties: (p) => ({
    applicationId: p.uuid().primary(),
    bundleKey: p.string().length(64),
    raterId: p.uuid(),
    score: p.smallint(),
    comment: p.string().length(500).nullable(),
    ratedAt: p.datetime().columnType('timestamptz'),
    /** The follow-up task a low score opened, if any. */
    followUpTaskId: p.uuid().nullable(),
  }),
  checks: [{ name: 'application_rating_score_range', expression: 'score >= 1 and score <= 5' }],
  indexes: [{ properties: ['ratedAt'] }],
});
export type Rating = InferEntity<typeof RatingSchema>;
