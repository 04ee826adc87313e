import type { RouteRecordRaw } from 'vue-router';
import { areaAccess } from '../../app/route-access.ts';

/** The Workbench area's pages; each is loaded only when first visited. */
export const workbenchRoutes: RouteRecordRaw[] = [
  {
    path: 'workbench',
    name: 'workbench',
    component: () => import('./WorkbenchHomeView.vue'),
    meta: { ...areaAccess('workbench'), titleKey: 'areas.workbench.title' },
  },
  {
    path: 'workbench/tasks/:id',
    name: 'workbench-task',
    component: () => import('./TaskView.vue'),
    props: true,
    meta: { ...areaAccess('workbench'), titleKey: 'workbench.queue.title' },
  },
];
