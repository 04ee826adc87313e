import { AREAS, hasAnyRole, type AreaKey } from './areas.ts';
import type { Role, SessionUser } from './session-user.ts';

/** What a route asks of the user (its `meta`). */
export interface AccessMeta {
  /** Open to everyone, signed in or not. */
  public?: boolean;
  /** Signed-in users with at least one of these roles; absent means any signed-in user. */
  roles?: readonly Role[];
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

/** The routing guard's decision, kept free of the router so it can be tested on its own. */
export function decideAccess(user: SessionUser | null, meta: AccessMeta): AccessDecision {
  if (meta.public) return 'allow';
  if (user === null) return 'sign-in';
  if (meta.roles && !hasAnyRole(user, meta.roles)) return 'forbidden';
  return 'allow';
}

/**
 * The `redirect` query after sign-in. Only an in-app path is followed, so a crafted link
 * cannot send the user to another site (`//evil.example`, `https://…`, `/\evil`).
 */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/signin')) return null;
  return value;
}

/** The route meta for an area's pages, taken from the area table so the two never disagree. */
export function areaAccess(key: AreaKey): AccessMeta {
  const area = AREAS.find((candidate) => candidate.key === key);
  if (!area) throw new Error(`No area ${key}`);
  return area.roles === null ? { public: true } : { roles: area.roles };
}
