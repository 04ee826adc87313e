import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * An approval opinion (审批意见) written on a task. Comments are kept with the
 * application, so that every group working on it reads the earlier ones. The
 * table is append-only: a comment is a record of what was said, never edited.
 */
export const CommentSchema = defineEntity({
  name: 'Comment',
  schema: 'app',
  tableName: 'application_comment',
  properties: (p) => ({
    id: p.uuid().primary(),
    /** Null only for a task of no application; such comments stay with their task. */
    applicationId: p.uuid().nullable(),
    taskId: p.uuid(),
    at: p.datetime().columnType('timestamptz'),
    authorId: p.uuid(),
    /** The author's username and, as shown, display name. */
    author: p.string().length(64),
    authorName: p.string().length(200),
    /** The author's group the task was worked in (`hr`, `supervisor`, ...). */
    group: p.string().length(20),
    text: p.string().length(1000),
  }),
  indexes: [{ properties: ['applicationId', 'at'] }, { properties: ['taskId', 'at'] }],
});
export type Comment = InferEntity<typeof CommentSchema>;
