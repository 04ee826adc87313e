import { defineMatrix, everyoneGets, noSeed } from './matrix.ts';

/** The published catalogue is public. */
export const matrix = defineMatrix({
  seed: noSeed,
  rows: [
    { route: 'GET /api/bundles', expect: everyoneGets(200) },
    {
      route: 'GET /api/bundles/:key',
      request: () => ({ url: '/api/bundles/newborn' }),
      expect: everyoneGets(200),
    },
  ],
});
