import { ACTORS, defineMatrix, everyoneGets, signedInGets, type Actor } from './matrix.ts';

/** Sign-in is public; sign-out and who-am-I need a session. */
export const matrix = defineMatrix({
  // Signing in again ends the session the request carries, and signing out
  // ends its own: each caller does both with sessions of their own.
  seed: async ({ signIn }) => {
    const forLogin = new Map<Actor, string | undefined>();
    const forLogout = new Map<Actor, string | undefined>();
    for (const actor of ACTORS) {
      forLogin.set(actor, await signIn(actor));
      forLogout.set(actor, await signIn(actor));
    }
    return { forLogin, forLogout };
  },
  rows: [
    {
      route: 'POST /api/auth/login',
      request: (seed, actor) => ({
        payload: { username: 'designer1', password: 'demo' },
        headers: { cookie: seed.forLogin.get(actor) ?? '' },
        remoteAddress: `10.7.0.${ACTORS.indexOf(actor) + 1}`,
      }),
      expect: everyoneGets(200),
    },
    {
      route: 'POST /api/auth/logout',
      request: (seed, actor) => ({ headers: { cookie: seed.forLogout.get(actor) ?? '' } }),
      expect: signedInGets(204),
    },
    { route: 'GET /api/auth/me', expect: signedInGets(200) },
  ],
});
