import { defineMatrix, signedInGets } from './matrix.ts';

/** Comments on a task: the members of its groups (hr here); other groups 404, people in none 403. */
export const matrix = defineMatrix({
  seed: async ({ seeder }) => {
    const applicationId = await seeder.application({ owner: 'citizen1' });
    return { task: await seeder.task({ candidateGroups: ['hr'], applicationId }) };
  },
  rows: [
    {
      route: 'GET /api/tasks/:id/comments',
      request: (seed) => ({ url: `/api/tasks/${seed.task}/comments` }),
      expect: signedInGets(403, { clerkRight: 200, clerkWrong: 404, supervisor: 404 }),
    },
    {
      route: 'POST /api/tasks/:id/comments',
      request: (seed) => ({ url: `/api/tasks/${seed.task}/comments`, payload: { text: '同意' } }),
      expect: signedInGets(403, { clerkRight: 201, clerkWrong: 404, supervisor: 404 }),
    },
  ],
});
