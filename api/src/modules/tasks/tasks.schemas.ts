import { Type } from 'typebox';
import { LocalizedText } from '../catalogue/catalogue.schemas.ts';
import { CommentList } from '../comments/comments.schemas.ts';
import { TASK_LIST_STATES } from './task-access.ts';
import { TASK_STATES } from './user-task.entity.ts';

export const TaskListQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(TASK_LIST_STATES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const TaskIdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const TaskSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  state: Type.Enum(TASK_STATES),
  bundleKey: Nullable(Type.String()),
  applicationId: Nullable(Type.String()),
  candidateGroups: Type.Array(Type.String()),
  /** The assignee's display name. */
  assignee: Nullable(Type.String()),
  /** The assignee's user id (compare with `GET /api/auth/me`'s `id`). */
  assigneeId: Nullable(Type.String({ format: 'uuid' })),
  dueDate: Nullable(Type.String({ format: 'date-time' })),
  /** Working days until `dueDate` on the working-day calendar: 0 due today, negative once past. */
  workingDaysLeft: Nullable(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
});
export const TaskList = Type.Array(TaskSummary);

const Json = Type.Object({}, { additionalProperties: true });

/** A field a return may name, labelled as the application's combined form labels it. */
export const ReturnField = Type.Object({
  key: Type.String(),
  label: LocalizedText,
  section: Nullable(Type.Object({ id: Type.String(), title: LocalizedText })),
});

export const TaskDetail = Type.Intersect([
  TaskSummary,
  Type.Object({
    form: Nullable(Json),
    /**
     * The fields of the application's own combined form (its bundle version and services) that
     * a return for correction may name; null when the task cannot be returned.
     */
    returnFields: Nullable(Type.Array(ReturnField)),
    /** The job's variables as far as the task's group may see them. */
    data: Json,
    /** Approval opinions on the task's application, oldest first. */
    comments: CommentList,
    history: Type.Array(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        event: Type.String(),
        by: Nullable(Type.String()),
      }),
    ),
  }),
]);

export const CompleteBody = Type.Object(
  { variables: Type.Object({}, { additionalProperties: true }) },
  { additionalProperties: false },
);

export const ReturnBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    /** Keys of the application's combined form the citizen must correct; none: the whole form. */
    fields: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);
