import {
  createRouter,
  createWebHistory,
  type Router,
  type RouterHistory,
  type RouteRecordRaw,
} from 'vue-router';
import { monitorRoutes } from '../features/monitor/monitor.routes.ts';
import { portalRoutes } from '../features/portal/portal.routes.ts';
import { studioRoutes } from '../features/studio/studio.routes.ts';
import { workbenchRoutes } from '../features/workbench/workbench.routes.ts';
import AppShell from '../ui/AppShell.vue';
import { decideAccess, type AccessMeta } from './route-access.ts';
import { useSessionStore } from './session.store.ts';

declare module 'vue-router' {
  interface RouteMeta extends AccessMeta {
    /** i18n key of the page title, shown in the browser tab. */
    titleKey?: string;
    /** The page uses the whole window width (editors), not the reading width. */
    wide?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppShell,
    children: [
      // createShell asks the server who is signed in before the first navigation, so this is accurate.
      { path: '', name: 'home', redirect: () => ({ name: useSessionStore().homeArea.routeName }) },
      {
        path: 'signin',
        name: 'sign-in',
        component: () => import('../features/auth/SignInView.vue'),
        meta: { public: true, titleKey: 'signIn.title' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('../features/auth/ForbiddenView.vue'),
        meta: { public: true, titleKey: 'forbidden.title' },
      },
      ...portalRoutes,
      ...workbenchRoutes,
      ...studioRoutes,
      ...monitorRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../ui/NotFoundView.vue'),
        meta: { public: true, titleKey: 'notFound.title' },
      },
    ],
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    let user = session.user;
    try {
      user = await session.ensureLoaded();
    } catch {
      // The server could not say who is signed in: public pages still open, the rest asks to sign in.
    }
    const decision = decideAccess(user, to.meta);
    if (decision === 'sign-in') return { name: 'sign-in', query: { redirect: to.fullPath } };
    if (decision === 'forbidden') return { name: 'forbidden', query: { from: to.fullPath }, replace: true };
    return true;
  });

  return router;
}
