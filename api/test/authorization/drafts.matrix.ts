import { defineMatrix, signedInGets } from './matrix.ts';

/**
 * Drafts are the citizen's own: another citizen's draft of a bundle is simply
 * not there for them (404). The bundles are ones the matrix never submits
 * (submitting deletes the draft), and the deleted draft is another bundle's
 * than the one the other rows read.
 */
export const matrix = defineMatrix({
  seed: async ({ app, signIn }) => {
    const cookie = await signIn('citizenOwner');
    for (const bundleKey of ['retirement', 'hiring']) {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/applications/drafts/${bundleKey}`,
        headers: cookie === undefined ? {} : { cookie },
        payload: { data: {}, step: 'seed' },
      });
      if (response.statusCode !== 200)
        throw new Error(`seeding a draft: ${response.statusCode} ${response.body}`);
    }
    return null;
  },
  rows: [
    {
      route: 'GET /api/applications/drafts',
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200 }),
    },
    {
      route: 'GET /api/applications/drafts/:bundleKey',
      request: () => ({ url: '/api/applications/drafts/retirement' }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 404 }),
    },
    {
      route: 'PUT /api/applications/drafts/:bundleKey',
      request: () => ({ url: '/api/applications/drafts/retirement', payload: { data: {}, step: 'matrix' } }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200 }),
    },
    {
      route: 'DELETE /api/applications/drafts/:bundleKey',
      request: () => ({ url: '/api/applications/drafts/hiring' }),
      expect: signedInGets(403, { citizenOwner: 204, citizenOther: 404 }),
    },
  ],
});
