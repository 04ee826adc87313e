import { defineMatrix, noSeed, signedInGets } from './matrix.ts';

const NO_RUN = '00000000-0000-4000-8000-000000000000';
const designers = (status: number) => signedInGets(403, { designer: status, admin: status });

/**
 * Dry runs are the Studio's: designers and administrators only. The matrix's
 * app has no sandbox registries, so a start stops at DRY_RUN_NEEDS_SANDBOX
 * (409) and no run exists: the routes of one run answer 404.
 */
export const matrix = defineMatrix({
  seed: noSeed,
  rows: [
    { route: 'GET /api/studio/test-citizens', expect: designers(200) },
    {
      route: 'POST /api/studio/bundles/:key/dry-runs',
      request: () => ({
        url: '/api/studio/bundles/newborn/dry-runs',
        payload: { version: 1, citizen: 'citizen1' },
      }),
      expect: designers(409),
    },
    {
      route: 'GET /api/studio/bundles/:key/dry-runs',
      request: () => ({ url: '/api/studio/bundles/newborn/dry-runs' }),
      expect: designers(200),
    },
    {
      route: 'GET /api/studio/dry-runs/:id',
      request: () => ({ url: `/api/studio/dry-runs/${NO_RUN}` }),
      expect: designers(404),
    },
    {
      route: 'GET /api/studio/dry-runs/:id/bpmn',
      request: () => ({ url: `/api/studio/dry-runs/${NO_RUN}/bpmn` }),
      expect: designers(404),
    },
    {
      route: 'POST /api/studio/dry-runs/:id/tasks/:taskId/complete',
      request: () => ({
        url: `/api/studio/dry-runs/${NO_RUN}/tasks/${NO_RUN}/complete`,
        payload: { defaults: true },
      }),
      expect: designers(404),
    },
    {
      route: 'DELETE /api/studio/dry-runs/:id',
      request: () => ({ url: `/api/studio/dry-runs/${NO_RUN}` }),
      expect: designers(404),
    },
  ],
});
