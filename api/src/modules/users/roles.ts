/** What a person may do. A person can have several roles. */
export const ROLES = ['citizen', 'clerk', 'designer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The groups that work tasks: the comprehensive window, the four departments
 * (clerks) and the supervisors (escalations of overdue parts, follow-ups of
 * low ratings). The candidate groups named in BPMN user tasks are these codes.
 */
export const GROUPS = ['window', 'hr', 'tax', 'health', 'civil', 'supervisor'] as const;
export type Group = (typeof GROUPS)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

export function isGroup(value: unknown): value is Group {
  return GROUPS.some((group) => group === value);
}
