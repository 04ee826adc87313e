import { defineMatrix, signedInGets } from './matrix.ts';

const designers = { designer: 200, admin: 200 };

/**
 * The Studio is for designers and administrators only. Saves and publishes
 * name a draft version that is never current, so the callers who may get
 * through to the version check (409) and nothing changes between rows.
 */
export const matrix = defineMatrix({
  seed: async ({ app, signIn }) => {
    const cookie = await signIn('designer');
    const draft = (
      await app.inject({
        method: 'GET',
        url: '/api/studio/bundles/newborn',
        headers: { cookie: cookie ?? '' },
      })
    ).json();
    return { bpmn: String(draft.bpmn), forms: draft.forms, bundle: draft.bundle };
  },
  rows: [
    { route: 'GET /api/studio/bundles', expect: signedInGets(403, designers) },
    {
      route: 'GET /api/studio/bundles/:key',
      request: () => ({ url: '/api/studio/bundles/newborn' }),
      expect: signedInGets(403, designers),
    },
    {
      route: 'PUT /api/studio/bundles/:key',
      request: (seed) => ({ url: '/api/studio/bundles/newborn', payload: { version: 999_999, ...seed } }),
      expect: signedInGets(403, { designer: 409, admin: 409 }),
    },
    {
      route: 'POST /api/studio/bundles/:key/publish',
      request: () => ({ url: '/api/studio/bundles/newborn/publish', payload: { version: 999_999 } }),
      expect: signedInGets(403, { designer: 409, admin: 409 }),
    },
    { route: 'GET /api/studio/templates', expect: signedInGets(403, designers) },
    { route: 'GET /api/studio/dictionary', expect: signedInGets(403, designers) },
  ],
});
