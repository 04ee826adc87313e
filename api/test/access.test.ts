import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { isAccess, requireGroup, requireRole } from '../src/modules/auth/access.ts';
import { Readiness } from '../src/readiness.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    extraRoutes: async (fastify) => {
      fastify.get('/test/clerks-only', { config: { access: requireRole('clerk') } }, async () => ({
        ok: true,
      }));
      fastify.get('/test/tax-only', { config: { access: requireGroup('tax') } }, async () => ({ ok: true }));
    },
  });
});
afterAll(async () => {
  await t.close();
});

/** Routes anyone may call, by design. Everything else must refuse a request without a session. */
const PUBLIC_ROUTES = new Set([
  '/health',
  '/ready',
  '/metrics',
  '/api/auth/login',
  '/api/bundles',
  '/api/bundles/:key',
  '/',
  '/*',
]);

describe('authorization of every route', () => {
  it('every registered route declares its access', () => {
    // when
    const table = t.app.routeAccessTable();

    // then
    expect(table.length).toBeGreaterThan(5);
    const undeclared = table.filter((route) => !isAccess(route.access));
    expect(undeclared).toEqual([]);
  });

  it('only the intended routes are public', () => {
    const publicRoutes = t.app
      .routeAccessTable()
      .filter((route) => route.access?.kind === 'public')
      .map((route) => route.url)
      .filter((url) => !url.startsWith('/api/docs') && !url.startsWith('/test/'));
    expect(publicRoutes.filter((url) => !PUBLIC_ROUTES.has(url))).toEqual([]);
  });

  it('every route that is not public answers 401 without a session', async () => {
    // given
    const guarded = t.app.routeAccessTable().filter((route) => route.access?.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(0);

    for (const route of guarded) {
      // when
      const url = route.url.replace(/:[A-Za-z]+/g, 'x').replace(/\*/g, 'x');
      const response = await t.app.inject({ method: route.method as 'GET', url });

      // then
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      if (route.method !== 'HEAD') expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses to start an app with a route that declares no access', async () => {
    // given
    const app = await buildApp({ orm: t.orm, readiness: new Readiness(), personalData: t.personalData });
    app.get('/api/forgot-the-guard', async () => ({ oops: true }));

    // when / then
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgot-the-guard/);
    await app.close();
  });
});

describe('requireRole and requireGroup', () => {
  it('let in a person with the role and refuse one without it', async () => {
    const clerk = await signIn(t.app, 'window1');
    const citizen = await signIn(t.app, 'citizen1');

    expect((await t.app.inject({ url: '/test/clerks-only', headers: { cookie: clerk } })).statusCode).toBe(
      200,
    );
    const refused = await t.app.inject({ url: '/test/clerks-only', headers: { cookie: citizen } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('let in a member of the group and refuse a clerk of another group', async () => {
    const taxClerk = await signIn(t.app, 'tax1');
    const hrClerk = await signIn(t.app, 'hr1');

    expect((await t.app.inject({ url: '/test/tax-only', headers: { cookie: taxClerk } })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ url: '/test/tax-only', headers: { cookie: hrClerk } })).statusCode).toBe(
      403,
    );
  });

  it('answer 401 rather than 403 without a session', async () => {
    expect((await t.app.inject({ url: '/test/tax-only' })).statusCode).toBe(401);
  });
});

describe('public endpoints', () => {
  it('serve the OpenAPI document with the auth routes', async () => {
    const response = await t.app.inject({ url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/me']),
    );
  });

  it('serve the API documentation UI', async () => {
    const response = await t.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('serve Prometheus metrics', async () => {
    await t.app.inject({ url: '/health' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/health"');
  });

  it('answer /health', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answer /ready with the database check', async () => {
    const response = await t.app.inject({ url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: { ok: true } } });
  });

  it('can be served with security headers', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
