import type { RouteRecordRaw } from 'vue-router';
import { areaAccess } from '../../app/route-access.ts';

/** The Monitor area's pages; each is loaded only when first visited. */
export const monitorRoutes: RouteRecordRaw[] = [
  {
    path: 'monitor',
    name: 'monitor',
    component: () => import('./MonitorHomeView.vue'),
    meta: { ...areaAccess('monitor'), titleKey: 'areas.monitor.title' },
  },
];
