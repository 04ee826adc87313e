import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors.ts';
import { demoUsers, fakeFetch } from './fake-fetch.test-support.ts';
import { useSessionStore } from './session.store.ts';

const invalidCredentials = {
  status: 401,
  body: { error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'Wrong' } },
};

describe('session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('knows the signed-in user from /api/auth/me and asks only once', async () => {
    // given
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/me' ? { status: 200, body: { user: demoUsers.hr1 } } : undefined,
    );
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();

    // when
    const [first, second] = await Promise.all([session.ensureLoaded(), session.ensureLoaded()]);
    await session.ensureLoaded();

    // then
    expect(first?.username).toBe('hr1');
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
    expect(session.isSignedIn).toBe(true);
    expect(session.areas.map((area) => area.key)).toEqual(['portal', 'workbench']);
    expect(session.homeArea.key).toBe('workbench');
  });

  it('treats a 401 from /api/auth/me as nobody signed in', async () => {
    // given
    const { fetch } = fakeFetch(() => ({
      status: 401,
      body: { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } },
    }));
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();

    // when
    const user = await session.ensureLoaded();

    // then
    expect(user).toBeNull();
    expect(session.loaded).toBe(true);
    expect(session.areas.map((area) => area.key)).toEqual(['portal']);
  });

  it('asks again on the next call when the server could not answer', async () => {
    // given
    let up = false;
    const { fetch } = fakeFetch(() =>
      up ? { status: 200, body: { user: demoUsers.citizen1 } } : { status: 503 },
    );
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();

    // when
    const failure = await session.ensureLoaded().catch((error: unknown) => error);
    up = true;
    const user = await session.ensureLoaded();

    // then
    expect(failure).toBeInstanceOf(ApiError);
    expect(user?.username).toBe('citizen1');
  });

  it('signs in with the credentials and keeps the user the api returned', async () => {
    // given
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/login' ? { status: 200, body: { user: demoUsers.citizen1 } } : undefined,
    );
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();

    // when
    await session.login({ username: 'citizen1', password: 'demo' });

    // then
    expect(calls[0]).toMatchObject({ method: 'POST', body: { username: 'citizen1', password: 'demo' } });
    expect(session.user?.displayName).toBe('张三');
    expect(session.hasRole('citizen')).toBe(true);
    expect(session.hasRole('clerk', 'admin')).toBe(false);
    expect(session.homeArea.key).toBe('portal');
  });

  it('rejects wrong credentials with the 401 ApiError and stays signed out', async () => {
    // given
    const { fetch } = fakeFetch(() => invalidCredentials);
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();

    // when
    const error = await session
      .login({ username: 'citizen1', password: 'nope' })
      .catch((reason: unknown) => reason);

    // then
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
    expect(session.user).toBeNull();
  });

  it('forgets the user after signing out, also when the session had already ended', async () => {
    // given
    const { fetch } = fakeFetch((call) => {
      if (call.url === '/api/auth/login') return { status: 200, body: { user: demoUsers.admin } };
      if (call.url === '/api/auth/logout') return invalidCredentials;
      return undefined;
    });
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();
    await session.login({ username: 'admin', password: 'demo' });

    // when
    await session.logout();

    // then
    expect(session.user).toBeNull();
    expect(session.homeArea.key).toBe('portal');
  });

  it('stays signed in when signing out fails on the server', async () => {
    // given
    const { fetch } = fakeFetch((call) => {
      if (call.url === '/api/auth/login') return { status: 200, body: { user: demoUsers.admin } };
      return { status: 500, body: { error: { code: 'INTERNAL', message: 'Boom' } } };
    });
    vi.stubGlobal('fetch', fetch);
    const session = useSessionStore();
    await session.login({ username: 'admin', password: 'demo' });

    // when
    const error = await session.logout().catch((reason: unknown) => reason);

    // then
    expect(error).toMatchObject({ status: 500 });
    expect(session.user?.username).toBe('admin');
  });
});
