import type { RouteRecordRaw } from 'vue-router';
import { areaAccess } from '../../app/route-access.ts';

const access = areaAccess('monitor');

/** The Monitor area's pages; each is loaded only when first visited. */
export const monitorRoutes: RouteRecordRaw[] = [
  {
    path: 'monitor',
    component: () => import('./MonitorLayout.vue'),
    meta: { ...access },
    children: [
      {
        path: '',
        name: 'monitor',
        component: () => import('./stats/StatsView.vue'),
        meta: { ...access, titleKey: 'monitor.stats.title' },
      },
      {
        path: 'instances',
        name: 'monitor-instances',
        component: () => import('./instances/InstancesView.vue'),
        meta: { ...access, titleKey: 'monitor.instances.title' },
      },
      {
        // Engine keys only: anything else is the not-found page, never an api call.
        path: 'instances/:key(\\d{1,19})',
        name: 'monitor-instance',
        component: () => import('./instance/InstanceView.vue'),
        // `key` is Vue's own attribute, so the page takes the key as `instanceKey`.
        props: (route) => ({ instanceKey: String(route.params.key) }),
        meta: { ...access, titleKey: 'monitor.instances.title' },
      },
      {
        path: 'incidents',
        name: 'monitor-incidents',
        component: () => import('./incidents/IncidentsView.vue'),
        meta: { ...access, titleKey: 'monitor.incidents.title' },
      },
      {
        path: 'breaches',
        name: 'monitor-breaches',
        component: () => import('./breaches/BreachesView.vue'),
        meta: { ...access, titleKey: 'monitor.breaches.title' },
      },
    ],
  },
];
