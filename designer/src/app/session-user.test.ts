import { describe, expect, it } from 'vitest';
import { parseSessionResponse } from './session-user.ts';

describe('parseSessionResponse', () => {
  it('reads the user and keeps only the roles and groups this UI knows', () => {
    // when
    const user = parseSessionResponse({
      user: { id: 7, username: 'window1', roles: ['clerk', 'auditor'], groups: ['window', 'mars'] },
    });

    // then
    expect(user).toEqual({
      id: '7',
      username: 'window1',
      displayName: 'window1',
      roles: ['clerk'],
      groups: ['window'],
    });
  });

  it.each([
    ['no user', {}],
    ['roles not a list', { user: { id: '1', username: 'a', roles: 'admin', groups: [] } }],
    ['empty username', { user: { id: '1', username: '', roles: [], groups: [] } }],
    ['no id', { user: { username: 'a', roles: [], groups: [] } }],
    ['not an object', 'admin'],
  ])('rejects a response with %s', (_case, body) => {
    expect(parseSessionResponse(body)).toBeUndefined();
  });
});
