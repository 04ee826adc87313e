import { defineMatrix, noSeed, signedInGets } from './matrix.ts';

/** Prefill asks the registries about the signed-in citizen: citizens only. */
export const matrix = defineMatrix({
  seed: noSeed,
  rows: [
    {
      // No registries are configured here: the citizen gets the answer with every registry unavailable.
      route: 'GET /api/bundles/:key/prefill',
      request: () => ({ url: '/api/bundles/newborn/prefill' }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200 }),
    },
  ],
});
