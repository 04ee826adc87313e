import { newbornData } from '../support/newborn-application.ts';
import { defineMatrix, signedInGets } from './matrix.ts';

/**
 * Citizens apply and see their own; clerks see their groups' applications
 * (hr1 yes, civil1 no: the seeded application is hr's). Someone else's
 * application is 404, never 403.
 */
export const matrix = defineMatrix({
  seed: async ({ seeder }) => ({
    submitted: await seeder.application({ owner: 'citizen1', status: 'submitted' }),
  }),
  rows: [
    {
      route: 'POST /api/applications',
      request: () => ({ payload: { bundleKey: 'newborn', data: newbornData() } }),
      expect: signedInGets(403, { citizenOwner: 201, citizenOther: 201 }),
    },
    {
      route: 'GET /api/applications',
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200, clerkRight: 200, clerkWrong: 200 }),
    },
    {
      route: 'GET /api/applications/:id',
      request: (seed) => ({ url: `/api/applications/${seed.submitted}` }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 404, clerkRight: 200, clerkWrong: 404 }),
    },
    {
      // The form a citizen corrects in: the owner's only, staff have the task's.
      route: 'GET /api/applications/:id/form',
      request: (seed) => ({ url: `/api/applications/${seed.submitted}/form` }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 404 }),
    },
    {
      // Only a returned application takes a supplement: the owner reaches that rule (409).
      route: 'POST /api/applications/:id/supplement',
      request: (seed) => ({ url: `/api/applications/${seed.submitted}/supplement`, payload: { data: {} } }),
      expect: signedInGets(403, { citizenOwner: 409, citizenOther: 404 }),
    },
  ],
});
