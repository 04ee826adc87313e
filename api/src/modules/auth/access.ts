import type { Group, Role } from '../users/roles.ts';

/**
 * Who may call a route. Every route declares one in its config
 * (`config: { access: requireRole('clerk') }`); the auth plugin refuses to
 * start an app with a route that declares none, and enforces the declared
 * access before the body is even parsed. Checks that depend on the object
 * (the owner of an application, the group of a task) are the handler's job,
 * on top of this.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'role'; roles: readonly Role[] }
  | { kind: 'group'; groups: readonly Group[] };

export const publicAccess: Access = { kind: 'public' };
export const signedIn: Access = { kind: 'signed-in' };

/** Signed in with at least one of the roles. */
export function requireRole(...roles: [Role, ...Role[]]): Access {
  return { kind: 'role', roles };
}

/** Signed in and a member of at least one of the groups. */
export function requireGroup(...groups: [Group, ...Group[]]): Access {
  return { kind: 'group', groups };
}

export interface Principal {
  id: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  groups: readonly Group[];
}

export type AccessDecision = 'allowed' | 'unauthenticated' | 'forbidden';

export function decideAccess(access: Access, principal: Principal | undefined): AccessDecision {
  if (access.kind === 'public') return 'allowed';
  if (principal === undefined) return 'unauthenticated';
  switch (access.kind) {
    case 'signed-in':
      return 'allowed';
    case 'role':
      return access.roles.some((role) => principal.roles.includes(role)) ? 'allowed' : 'forbidden';
    case 'group':
      return access.groups.some((group) => principal.groups.includes(group)) ? 'allowed' : 'forbidden';
  }
}

export function isAccess(value: unknown): value is Access {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const kind = value.kind;
  if (kind === 'public' || kind === 'signed-in') return true;
  if (kind === 'role') return 'roles' in value && Array.isArray(value.roles) && value.roles.length > 0;
  if (kind === 'group') return 'groups' in value && Array.isArray(value.groups) && value.groups.length > 0;
  return false;
}
