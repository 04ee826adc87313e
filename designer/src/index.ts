// The designer is an application; this entry names what tests and tools outside src/ may use.
export { ApiError, ClientErrorCode, isApiError, type FieldErrors } from './errors.ts';
export { AREAS, defaultArea, visibleAreas, type Area, type AreaKey } from './app/areas.ts';
export { decideAccess, safeRedirect, type AccessDecision, type AccessMeta } from './app/route-access.ts';
export { ROLES, GROUPS, type Role, type Group, type SessionUser } from './app/session-user.ts';
