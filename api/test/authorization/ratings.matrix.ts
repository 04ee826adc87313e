import { defineMatrix, signedInGets } from './matrix.ts';

/** Only the owner rates (once); another citizen gets 404, staff 403. */
export const matrix = defineMatrix({
  seed: async ({ seeder }) => ({
    completed: await seeder.application({ owner: 'citizen1', status: 'completed' }),
  }),
  rows: [
    {
      route: 'POST /api/applications/:id/rating',
      request: (seed) => ({ url: `/api/applications/${seed.completed}/rating`, payload: { score: 4 } }),
      expect: signedInGets(403, { citizenOwner: 201, citizenOther: 404 }),
    },
  ],
});
