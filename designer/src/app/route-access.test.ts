import { describe, expect, it } from 'vitest';
import { defaultArea, visibleAreas } from './areas.ts';
import { areaAccess, decideAccess, safeRedirect } from './route-access.ts';
import type { Role, SessionUser } from './session-user.ts';

function userWith(...roles: Role[]): SessionUser {
  return { id: '1', username: 'someone', displayName: 'Someone', roles, groups: [] };
}

describe('decideAccess', () => {
  it('lets everyone into a public page', () => {
    expect(decideAccess(null, { public: true })).toBe('allow');
    expect(decideAccess(userWith('clerk'), areaAccess('portal'))).toBe('allow');
  });

  it('sends a visitor who is not signed in to sign-in', () => {
    expect(decideAccess(null, areaAccess('workbench'))).toBe('sign-in');
    expect(decideAccess(null, {})).toBe('sign-in');
  });

  it('forbids a signed-in user without any of the roles', () => {
    expect(decideAccess(userWith('citizen'), areaAccess('workbench'))).toBe('forbidden');
    expect(decideAccess(userWith('clerk'), areaAccess('studio'))).toBe('forbidden');
    expect(decideAccess(userWith('designer'), areaAccess('monitor'))).toBe('forbidden');
  });

  it('allows a user with one of the roles', () => {
    expect(decideAccess(userWith('clerk'), areaAccess('workbench'))).toBe('allow');
    expect(decideAccess(userWith('admin'), areaAccess('studio'))).toBe('allow');
    expect(decideAccess(userWith('admin'), areaAccess('monitor'))).toBe('allow');
    expect(decideAccess(userWith('citizen'), {})).toBe('allow');
  });
});

describe('areas by role', () => {
  it.each<[Role, string[], string]>([
    ['citizen', ['portal'], 'portal'],
    ['clerk', ['portal', 'workbench'], 'workbench'],
    ['designer', ['portal', 'studio'], 'studio'],
    // Supervisors work the escalations and follow-ups of the `supervisor` group in the Workbench.
    ['supervisor', ['portal', 'workbench', 'monitor'], 'monitor'],
    ['admin', ['portal', 'studio', 'monitor'], 'monitor'],
  ])('shows a %s the areas %j and lands them in %s', (role, areas, home) => {
    const user = userWith(role);
    expect(visibleAreas(user).map((area) => area.key)).toEqual(areas);
    expect(defaultArea(user).key).toBe(home);
  });

  it('shows a visitor only the portal', () => {
    expect(visibleAreas(null).map((area) => area.key)).toEqual(['portal']);
    expect(defaultArea(null).key).toBe('portal');
  });
});

describe('safeRedirect', () => {
  it('follows an in-app path with its query', () => {
    expect(safeRedirect('/workbench?tab=open')).toBe('/workbench?tab=open');
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash trick', '/\\evil.example'],
    ['the sign-in page itself', '/signin?redirect=/studio'],
    ['no value', undefined],
    ['a repeated query', ['/a', '/b']],
  ])('ignores %s', (_case, value) => {
    expect(safeRedirect(value)).toBeNull();
  });
});
