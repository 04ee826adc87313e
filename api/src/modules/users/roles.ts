/** What a person may do. A person can have several roles. */
export const ROLES = ['citizen', 'clerk', 'designer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The clerk groups: the comprehensive window and the four departments. The
 * candidate groups named in BPMN user tasks are these codes.
 */
export const GROUPS = ['window', 'hr', 'tax', 'health', 'civil'] as const;
export type Group = (typeof GROUPS)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

export function isGroup(value: unknown): value is Group {
  return GROUPS.some((group) => group === value);
}
