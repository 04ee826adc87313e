import { isRecord, isStringArray } from './json-guards.ts';

export const ROLES = ['citizen', 'clerk', 'designer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const GROUPS = ['window', 'hr', 'tax', 'health', 'civil', 'supervisor'] as const;
export type Group = (typeof GROUPS)[number];

/** The signed-in user as `/api/auth/login` and `/api/auth/me` return it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  groups: Group[];
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function isGroup(value: string): value is Group {
  return (GROUPS as readonly string[]).includes(value);
}

/**
 * Reads `{ user: {...} }`. Unknown roles and groups are dropped rather than rejected, so a
 * newer server that knows more roles still lets the user in with what this UI understands.
 */
export function parseSessionResponse(body: unknown): SessionUser | undefined {
  if (!isRecord(body) || !isRecord(body.user)) return undefined;
  const { id, username, displayName, roles, groups } = body.user;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  if (typeof username !== 'string' || username === '') return undefined;
  if (!isStringArray(roles) || !isStringArray(groups)) return undefined;
  return {
    id: String(id),
    username,
    displayName: typeof displayName === 'string' && displayName !== '' ? displayName : username,
    roles: roles.filter(isRole),
    groups: groups.filter(isGroup),
  };
}
