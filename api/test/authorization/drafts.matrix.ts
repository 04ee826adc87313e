import { defineMatrix, signedInGets } from './matrix.ts';

/**
 * Drafts are the citizen's own: another citizen's draft of a bundle is simply
 * not there for them (404). The draft is of a bundle the matrix never submits
 * (submitting deletes the draft); the material routes, registered before
 * these, use it first, and the last row deletes it.
 */
export const matrix = defineMatrix({
  seed: async ({ app, signIn }) => {
    const cookie = await signIn('citizenOwner');
    const response = await app.inject({
      method: 'PUT',
      url: '/api/applications/drafts/unemployment',
      headers: cookie === undefined ? {} : { cookie },
      payload: { data: {}, step: 'seed' },
    });
    if (response.statusCode !== 200)
      throw new Error(`seeding a draft: ${response.statusCode} ${response.body}`);
    return null;
  },
  rows: [
    {
      route: 'GET /api/applications/drafts',
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200 }),
    },
    {
      route: 'GET /api/applications/drafts/:bundleKey',
      request: () => ({ url: '/api/applications/drafts/unemployment' }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 404 }),
    },
    {
      route: 'PUT /api/applications/drafts/:bundleKey',
      request: () => ({
        url: '/api/applications/drafts/unemployment',
        payload: { data: {}, step: 'matrix' },
      }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200 }),
    },
    {
      route: 'DELETE /api/applications/drafts/:bundleKey',
      request: () => ({ url: '/api/applications/drafts/unemployment' }),
      // Each citizen deletes their own: citizenOther's is the one the PUT row saved.
      expect: signedInGets(403, { citizenOwner: 204, citizenOther: 204 }),
    },
  ],
});
