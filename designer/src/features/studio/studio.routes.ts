import type { RouteRecordRaw } from 'vue-router';
import { areaAccess } from '../../app/route-access.ts';

/** The Studio area's pages; each is loaded only when first visited. */
export const studioRoutes: RouteRecordRaw[] = [
  {
    path: 'studio',
    name: 'studio',
    component: () => import('./StudioHomeView.vue'),
    meta: { ...areaAccess('studio'), titleKey: 'areas.studio.title' },
  },
  {
    path: 'studio/bundles/:bundleKey',
    name: 'studio-bundle',
    component: () => import('./BundleEditorView.vue'),
    props: true,
    meta: { ...areaAccess('studio'), titleKey: 'areas.studio.title', wide: true },
  },
];
