import type { Router } from 'vue-router';
import type { HttpClient } from './http.ts';
import type { useSessionStore } from './session.store.ts';

/**
 * When the api answers 401 to a call that expected a session, the session has ended
 * (expired, signed out elsewhere): forget the user and ask them to sign in, coming back here after.
 */
export function redirectToSignInOnUnauthorized(
  http: HttpClient,
  router: Router,
  session: ReturnType<typeof useSessionStore>,
): () => void {
  return http.onUnauthorized(() => {
    session.clear();
    const current = router.currentRoute.value;
    if (current.name === 'sign-in') return;
    void router.push({ name: 'sign-in', query: { redirect: current.fullPath } });
  });
}
