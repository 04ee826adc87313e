import type { Principal } from '../auth/access.ts';

/** What decides who may see an application. */
export interface ApplicationScope {
  applicantId: string;
  departments: readonly string[];
}

/**
 * The owner sees their application; the comprehensive window sees every
 * application (it accepts for all departments); a department clerk sees the
 * applications with a service of their department. Everyone else gets 404,
 * so that ids of other people's applications reveal nothing.
 */
export function canSeeApplication(principal: Principal, application: ApplicationScope): boolean {
  if (application.applicantId === principal.id) return true;
  if (!principal.roles.includes('clerk')) return false;
  if (principal.groups.includes('window')) return true;
  return principal.groups.some((group) => application.departments.includes(group));
}

/** The departments whose share of the data a staff member may read (all of it for the window). */
export function visibleDepartments(
  principal: Principal,
  departments: readonly string[],
): 'all' | readonly string[] {
  if (principal.groups.includes('window')) return 'all';
  return departments.filter((department) => principal.groups.some((group) => group === department));
}
