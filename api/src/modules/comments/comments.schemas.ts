import { Type } from 'typebox';

export const CommentView = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  /** The author's username. */
  author: Type.String(),
  authorName: Type.String(),
  group: Type.String(),
  text: Type.String(),
});
export const CommentList = Type.Array(CommentView);

export const CommentBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
