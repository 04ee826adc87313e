import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema } from '../src/modules/audit/audit-event.entity.ts';
import { SessionSchema } from '../src/modules/auth/session.entity.ts';
import { buildApp } from '../src/app.ts';
import { Readiness } from '../src/readiness.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function login(username: string, password: string, remoteAddress = '10.0.0.1', cookie?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

function me(cookie: string | undefined) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', ...(cookie ? { headers: { cookie } } : {}) });
}

describe('POST /api/auth/login', () => {
  it('signs a citizen in with an httpOnly, SameSite=Lax session cookie and returns the user', async () => {
    // when
    const response = await login('citizen1', 'demo');

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: expect.any(String),
        username: 'citizen1',
        displayName: '王芳',
        roles: ['citizen'],
        groups: [],
      },
    });
    const cookie = response.cookies.find((c) => c.name === 'onething_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    // given an app behind a TLS-terminating proxy it trusts
    const behindProxy = await buildApp({
      orm: t.orm,
      readiness: new Readiness(),
      personalData: t.personalData,
      trustProxy: true,
    });
    try {
      // when
      const response = await behindProxy.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'hr1', password: 'demo' },
        headers: { 'x-forwarded-proto': 'https' },
      });

      // then
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === 'onething_session')?.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('ignores X-Forwarded-Proto from a proxy it does not trust', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hr1', password: 'demo' },
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '10.0.0.2',
    });
    expect(response.cookies.find((c) => c.name === 'onething_session')?.secure).toBeFalsy();
  });

  it('stores only a hash of the session token', async () => {
    // given
    const cookie = await signIn(t.app, 'window1');
    const token = cookie.split('=')[1];

    // then
    const sessions = await t.orm.em.fork().find(SessionSchema, {});
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    // when
    const wrongPassword = await login('citizen2', 'not-demo', '10.0.0.3');
    const unknownUser = await login('nobody', 'demo', '10.0.0.3');

    // then
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) },
      });
      expect(response.cookies).toHaveLength(0);
    }
    const audited = await t.orm.em
      .fork()
      .find(AuditEventSchema, { action: 'auth.login', outcome: 'failure' }, { orderBy: { id: 'asc' } });
    expect(audited.map((e) => [e.target, e.ip])).toEqual(
      expect.arrayContaining([
        ['citizen2', '10.0.0.3'],
        ['nobody', '10.0.0.3'],
      ]),
    );
    expect(JSON.stringify(audited)).not.toContain('not-demo');
  });

  it('locks a username after five failures in 15 minutes, even for the right password', async () => {
    // given
    for (let i = 0; i < 5; i += 1) {
      expect((await login('tax1', `wrong-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    }

    // when
    const response = await login('tax1', 'demo', '10.1.0.99');

    // then
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    const denied = await t.orm.em
      .fork()
      .count(AuditEventSchema, { action: 'auth.login', target: 'tax1', outcome: 'denied' });
    expect(denied).toBe(1);
    // other accounts are not affected
    expect((await login('health1', 'demo', '10.1.0.99')).statusCode).toBe(200);
  });

  it('limits sign-in attempts per client address', async () => {
    // given twenty attempts from one address
    for (let i = 0; i < 20; i += 1) await login(`someone${i}`, 'x', '10.2.0.1');

    // when
    const response = await login('civil1', 'demo', '10.2.0.1');

    // then
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect((await login('civil1', 'demo', '10.2.0.2')).statusCode).toBe(200);
  });

  it('rejects a body that is not a username and password', async () => {
    // when
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
      remoteAddress: '10.3.0.1',
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { password: expect.any(String) },
    });
  });

  it('replaces the session the browser already had (rotation)', async () => {
    // given
    const first = await signIn(t.app, 'designer1');

    // when
    const second = await login('designer1', 'demo', '10.4.0.1', first);

    // then
    expect(second.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    const newCookie = second.cookies.find((c) => c.name === 'onething_session');
    expect((await me(`onething_session=${newCookie?.value}`)).statusCode).toBe(200);
  });
});

describe('GET /api/auth/me', () => {
  it('returns the signed-in user', async () => {
    // given
    const cookie = await signIn(t.app, 'citizen1');

    // when
    const response = await me(cookie);

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'citizen1', roles: ['citizen'], groups: [] });
  });

  it('answers 401 in the error shape without a session', async () => {
    const response = await me(undefined);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('answers 401 for a made-up token and clears the cookie', async () => {
    const response = await me('onething_session=forged');
    expect(response.statusCode).toBe(401);
    expect(response.cookies.find((c) => c.name === 'onething_session')?.value).toBe('');
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session on the server, so the old cookie no longer works', async () => {
    // given
    const cookie = await signIn(t.app, 'supervisor1');
    const before = await t.orm.em.fork().count(SessionSchema, {});

    // when
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });

    // then
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'onething_session')?.value).toBe('');
    expect(await t.orm.em.fork().count(SessionSchema, {})).toBe(before - 1);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
