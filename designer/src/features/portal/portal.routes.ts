import type { RouteRecordRaw } from 'vue-router';
import { areaAccess } from '../../app/route-access.ts';

const citizensOnly = { roles: ['citizen'] as const };

/**
 * The Portal area's pages; each is loaded only when first visited. The catalogue is open to
 * everyone; applying and following applications need a citizen account. Access is on each
 * page, not on the layout, because the router merges a parent's meta into its children.
 */
export const portalRoutes: RouteRecordRaw[] = [
  {
    path: 'portal',
    component: () => import('./PortalLayout.vue'),
    children: [
      {
        path: '',
        name: 'portal',
        component: () => import('./catalogue/PortalHomeView.vue'),
        meta: { ...areaAccess('portal'), titleKey: 'areas.portal.title' },
      },
      {
        path: 'bundles/:key',
        name: 'portal-bundle',
        component: () => import('./catalogue/BundleDetailView.vue'),
        meta: { public: true, titleKey: 'portal.nav.catalogue' },
      },
      {
        path: 'bundles/:key/apply',
        name: 'portal-apply',
        component: () => import('./apply/ApplyView.vue'),
        meta: { ...citizensOnly, titleKey: 'portal.bundle.applyAction' },
      },
      {
        path: 'applications',
        name: 'portal-applications',
        component: () => import('./applications/MyApplicationsView.vue'),
        meta: { ...citizensOnly, titleKey: 'portal.applications.heading' },
      },
      {
        path: 'applications/:id',
        name: 'portal-application',
        component: () => import('./applications/ApplicationDetailView.vue'),
        meta: { ...citizensOnly, titleKey: 'portal.applications.heading' },
      },
      {
        path: 'applications/:id/supplement',
        name: 'portal-supplement',
        component: () => import('./applications/SupplementView.vue'),
        meta: { ...citizensOnly, titleKey: 'portal.supplement.title' },
      },
      {
        path: 'data-access',
        name: 'portal-data-access',
        component: () => import('./data-access/DataAccessView.vue'),
        meta: { ...citizensOnly, titleKey: 'portal.dataAccess.heading' },
      },
    ],
  },
];
