import type { Role, SessionUser } from './session-user.ts';

export type AreaKey = 'portal' | 'workbench' | 'studio' | 'monitor';

export interface Area {
  key: AreaKey;
  /** Route name of the area's landing page. */
  routeName: string;
  path: string;
  /** Who may enter; `null` means everyone, signed in or not. */
  roles: readonly Role[] | null;
}

/** The four areas in the order the navigation shows them. */
export const AREAS: readonly Area[] = [
  // Everyone may browse the catalogue; applying needs the citizen role (checked per page).
  { key: 'portal', routeName: 'portal', path: '/portal', roles: null },
  // Supervisors work the tasks of the `supervisor` group (escalations, follow-ups) here too.
  { key: 'workbench', routeName: 'workbench', path: '/workbench', roles: ['clerk', 'supervisor'] },
  { key: 'studio', routeName: 'studio', path: '/studio', roles: ['designer', 'admin'] },
  { key: 'monitor', routeName: 'monitor', path: '/monitor', roles: ['supervisor', 'admin'] },
];

export function hasAnyRole(user: SessionUser | null, roles: readonly Role[]): boolean {
  return user !== null && roles.some((role) => user.roles.includes(role));
}

export function visibleAreas(user: SessionUser | null): Area[] {
  return AREAS.filter((area) => area.roles === null || hasAnyRole(user, area.roles));
}

/** Where a user lands after sign-in, by their most specific role. */
const DEFAULT_AREA_BY_ROLE: readonly (readonly [Role, AreaKey])[] = [
  ['admin', 'monitor'],
  ['supervisor', 'monitor'],
  ['designer', 'studio'],
  ['clerk', 'workbench'],
  ['citizen', 'portal'],
];

export function defaultArea(user: SessionUser | null): Area {
  const match = DEFAULT_AREA_BY_ROLE.find(([role]) => user?.roles.includes(role));
  const key = match?.[1] ?? 'portal';
  const area = AREAS.find((candidate) => candidate.key === key);
  if (!area) throw new Error(`No area ${key}`);
  return area;
}
