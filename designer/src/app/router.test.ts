import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import { demoUsers, fakeFetch } from './fake-fetch.test-support.ts';
import { http } from './http.ts';
import { createAppRouter } from './router.ts';
import { useSessionStore } from './session.store.ts';
import { redirectToSignInOnUnauthorized } from './unauthorized.ts';

const notSignedIn = { status: 401, body: { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } } };

function signedInAs(user: object | null) {
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') return user ? { status: 200, body: { user } } : notSignedIn;
    if (call.url === '/api/tasks') return notSignedIn;
    return undefined;
  });
}

async function visit(router: Router, path: string) {
  await router.push(path);
  const { name, query } = router.currentRoute.value;
  return { name, query };
}

describe('routing guards', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends a visitor who is not signed in to sign-in with the way back', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(null).fetch);
    const router = createAppRouter(createMemoryHistory());

    // when
    const landing = await visit(router, '/workbench?tab=mine');

    // then
    expect(landing).toEqual({ name: 'sign-in', query: { redirect: '/workbench?tab=mine' } });
  });

  it('lets a visitor browse the portal', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(null).fetch);
    const router = createAppRouter(createMemoryHistory());

    // when / then
    expect((await visit(router, '/')).name).toBe('portal');
    expect((await visit(router, '/portal')).name).toBe('portal');
  });

  it('shows the 403 page to a citizen who opens the studio', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(demoUsers.citizen1).fetch);
    const router = createAppRouter(createMemoryHistory());

    // when
    const landing = await visit(router, '/studio');

    // then
    expect(landing).toEqual({ name: 'forbidden', query: { from: '/studio' } });
  });

  it("opens a clerk's home in the workbench", async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(demoUsers.hr1).fetch);
    await useSessionStore().ensureLoaded();
    const router = createAppRouter(createMemoryHistory());

    // when
    const landing = await visit(router, '/');

    // then
    expect(landing.name).toBe('workbench');
  });

  it('answers an unknown address with the not-found page', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(null).fetch);
    const router = createAppRouter(createMemoryHistory());

    // when / then
    expect((await visit(router, '/no/such/page')).name).toBe('not-found');
  });

  it('clears the session and asks to sign in again when the api answers 401', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(demoUsers.hr1).fetch);
    const router = createAppRouter(createMemoryHistory());
    const stop = redirectToSignInOnUnauthorized(http, router, useSessionStore());
    await visit(router, '/workbench');

    // when
    await http.get('/api/tasks').catch(() => undefined);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sign-in'));

    // then
    expect(useSessionStore().user).toBeNull();
    expect(router.currentRoute.value.query).toEqual({ redirect: '/workbench' });
    stop();
  });
});
