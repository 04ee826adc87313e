import { createPinia, type Pinia } from 'pinia';
import type { Plugin } from 'vue';
import { createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { http } from './http.ts';
import { i18n } from './i18n/index.ts';
import { createAppRouter } from './router.ts';
import { useSessionStore } from './session.store.ts';
import { redirectToSignInOnUnauthorized } from './unauthorized.ts';

export interface Shell {
  /** To `app.use` in this order. */
  plugins: Plugin[];
  pinia: Pinia;
  router: Router;
  /** Detaches the shell from the shared http client (tests mount several shells). */
  dispose(): void;
}

/**
 * Everything the app needs before its first route is chosen. Who is signed in is asked first,
 * so that `/` can send each user to their own area; if the server cannot say, the routing
 * guard asks again on the next navigation.
 */
export async function createShell(history: RouterHistory = createWebHistory()): Promise<Shell> {
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  await session.ensureLoaded().catch(() => null);
  const router = createAppRouter(history);
  const dispose = redirectToSignInOnUnauthorized(http, router, session);
  return { plugins: [pinia, i18n, router], pinia, router, dispose };
}
