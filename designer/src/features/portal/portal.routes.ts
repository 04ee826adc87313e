import type { RouteRecordRaw } from 'vue-router';
import { areaAccess } from '../../app/route-access.ts';

/** The Portal area's pages; each is loaded only when first visited. */
export const portalRoutes: RouteRecordRaw[] = [
  {
    path: 'portal',
    name: 'portal',
    component: () => import('./PortalHomeView.vue'),
    meta: { ...areaAccess('portal'), titleKey: 'areas.portal.title' },
  },
];
