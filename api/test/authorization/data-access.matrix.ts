import { defineMatrix, noSeed, signedInGets } from './matrix.ts';

/** A citizen's own data-access log. */
export const matrix = defineMatrix({
  seed: noSeed,
  rows: [
    { route: 'GET /api/me/data-access', expect: signedInGets(403, { citizenOwner: 200, citizenOther: 200 }) },
  ],
});
