import { defineMatrix, everyoneGets, noSeed } from './matrix.ts';

/** Probes, metrics, the API documentation and the SPA: public by design. */
export const matrix = defineMatrix({
  seed: noSeed,
  rows: [
    { route: 'GET /health', expect: everyoneGets(200) },
    { route: 'GET /ready', expect: everyoneGets(200) },
    { route: 'GET /metrics', expect: everyoneGets(200) },
    { route: 'GET /api/docs/', expect: everyoneGets(200) },
    { route: 'HEAD /api/docs', expect: everyoneGets(200) },
    { route: 'GET /api/docs/json', expect: everyoneGets(200) },
    { route: 'GET /api/docs/yaml', expect: everyoneGets(200) },
    // swagger-ui sends its index page's visitors to /api/docs/.
    { route: 'GET /api/docs/static/index.html', expect: everyoneGets(302) },
    { route: 'GET /api/docs/static/swagger-initializer.js', expect: everyoneGets(200) },
    {
      route: 'GET /api/docs/static/*',
      request: () => ({ url: '/api/docs/static/swagger-ui.css' }),
      expect: everyoneGets(200),
    },
    { route: 'GET /*', request: () => ({ url: '/assets/app.js' }), expect: everyoneGets(200) },
  ],
});
