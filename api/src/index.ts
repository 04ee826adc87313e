// Node side: the embedded PostgreSQL used by the launcher and the test run.
export { startEmbeddedPostgres, ensureDatabase } from './postgres/embedded-postgres.ts';

// The HTTP contract, for the designer (`import type` only).
export type { ErrorBody, ErrorCode, FieldErrors } from './errors.ts';
export type { UserView } from './modules/auth/auth.schemas.ts';
export type { Group, Role } from './modules/users/roles.ts';
