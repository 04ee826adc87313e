import { ApplicationEventSchema, ApplicationSchema } from './modules/applications/application.entity.ts';
import { BundleDraftSchema, BundleVersionSchema } from './modules/catalogue/bundle-version.entity.ts';
import { AuditEventSchema } from './modules/audit/audit-event.entity.ts';
import { DataAccessEventSchema } from './modules/data-access/data-access-event.entity.ts';
import { ApplicationDraftSchema } from './modules/drafts/application-draft.entity.ts';
import { MaterialSchema } from './modules/materials/material.entity.ts';
import { ProgressCursorSchema } from './modules/applications/progress/progress-cursor.entity.ts';
import { ProgressFailureSchema } from './modules/applications/progress/progress-failure.entity.ts';
import { SessionSchema } from './modules/auth/session.entity.ts';
import { CommentSchema } from './modules/comments/comment.entity.ts';
import { RatingSchema } from './modules/ratings/rating.entity.ts';
import { UserTaskSchema } from './modules/tasks/user-task.entity.ts';
import { DryRunTaskSchema } from './modules/studio/dry-run/dry-run-task.entity.ts';
import { DryRunSchema } from './modules/studio/dry-run/dry-run.entity.ts';
import { ServedPrefillSchema } from './modules/prefill/served-prefill.entity.ts';
import { UserSchema } from './modules/users/user.entity.ts';

/** Every MikroORM entity of the api (tables in schema `app`). */
export const entities = [
  UserSchema,
  SessionSchema,
  AuditEventSchema,
  ApplicationSchema,
  ApplicationEventSchema,
  UserTaskSchema,
  DataAccessEventSchema,
  BundleDraftSchema,
  BundleVersionSchema,
  CommentSchema,
  RatingSchema,
  ApplicationDraftSchema,
  MaterialSchema,
  DryRunSchema,
  DryRunTaskSchema,
  ProgressCursorSchema,
  ProgressFailureSchema,
  ServedPrefillSchema,
];
