import { defineMatrix, signedInGets } from './matrix.ts';

/**
 * Tasks are worked by the members of their candidate groups: the seeded
 * tasks are hr's, so hr1 reaches them, civil1 and the supervisor (other
 * groups) get 404, and people in no group (citizens, designer, admin) 403.
 */
export const matrix = defineMatrix({
  seed: async ({ seeder }) => {
    const applicationId = await seeder.application({ owner: 'citizen1' });
    const hrTask = (assignee?: string) =>
      seeder.task({ candidateGroups: ['hr'], applicationId, ...(assignee ? { assignee } : {}) });
    return {
      open: await hrTask(),
      toClaim: await hrTask(),
      toUnclaim: await hrTask('hr1'),
      toComplete: await hrTask('hr1'),
      toReturn: await hrTask('hr1'),
    };
  },
  rows: [
    {
      route: 'GET /api/tasks',
      expect: signedInGets(403, { clerkRight: 200, clerkWrong: 200, supervisor: 200 }),
    },
    {
      route: 'GET /api/tasks/:id',
      request: (seed) => ({ url: `/api/tasks/${seed.open}` }),
      expect: signedInGets(403, { clerkRight: 200, clerkWrong: 404, supervisor: 404 }),
    },
    {
      route: 'POST /api/tasks/:id/claim',
      request: (seed) => ({ url: `/api/tasks/${seed.toClaim}/claim` }),
      expect: signedInGets(403, { clerkRight: 204, clerkWrong: 404, supervisor: 404 }),
    },
    {
      route: 'POST /api/tasks/:id/unclaim',
      request: (seed) => ({ url: `/api/tasks/${seed.toUnclaim}/unclaim` }),
      expect: signedInGets(403, { clerkRight: 204, clerkWrong: 404, supervisor: 404 }),
    },
    {
      // The seeded task's job is unknown to the engine: the assignee gets through to that (409 closed).
      route: 'POST /api/tasks/:id/complete',
      request: (seed) => ({ url: `/api/tasks/${seed.toComplete}/complete`, payload: { variables: {} } }),
      expect: signedInGets(403, { clerkRight: 409, clerkWrong: 404, supervisor: 404 }),
    },
    {
      // Only the window's acceptance task returns an application: the assignee reaches that rule (409).
      route: 'POST /api/tasks/:id/return',
      request: (seed) => ({ url: `/api/tasks/${seed.toReturn}/return`, payload: { reason: '材料不全' } }),
      expect: signedInGets(403, { clerkRight: 409, clerkWrong: 404, supervisor: 404 }),
    },
  ],
});
