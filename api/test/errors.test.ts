import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, errorCatalog, isErrorCode, type ErrorCode } from '../src/errors.ts';
import { publicAccess } from '../src/modules/auth/access.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    extraRoutes: async (fastify) => {
      fastify.get<{ Params: { code: string } }>(
        '/test/errors/:code',
        { config: { access: publicAccess } },
        async (request) => {
          const { code } = request.params;
          if (!isErrorCode(code)) throw new Error(`not a code: ${code}`);
          throw new AppError(code);
        },
      );
      fastify.get('/test/bug', { config: { access: publicAccess } }, async () => {
        throw new Error('connection string postgres://secret@db leaked');
      });
      fastify.post('/test/echo', { config: { access: publicAccess } }, async (request) => ({
        body: request.body,
      }));
    },
  });
});
afterAll(async () => {
  await t.close();
});

describe('the error catalog', () => {
  const codes = Object.keys(errorCatalog).filter(isErrorCode);

  it.each(codes)('answers %s with its status and the error shape', async (code: ErrorCode) => {
    // when
    const response = await t.app.inject({ method: 'GET', url: `/test/errors/${code}` });

    // then
    expect(response.statusCode).toBe(errorCatalog[code].status);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.json()).toEqual({ error: { code, message: errorCatalog[code].message } });
  });
});

describe('the error handler', () => {
  it('answers an unknown api route with 404 NOT_FOUND', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('answers an unknown route with another method with 404 NOT_FOUND', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/auth/me' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers a malformed JSON body with 400 MALFORMED_JSON', async () => {
    // when
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "citizen1", "password": ',
    });

    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.any(String) } });
  });

  it('answers a bug with 500 INTERNAL and keeps the details out of the response', async () => {
    // when
    const response = await t.app.inject({ method: 'GET', url: '/test/bug' });

    // then
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message } });
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('at ');
  });

  it('refuses bodies that are not JSON with 415', async () => {
    // when
    const response = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'text/plain' },
      payload: '{"a":1}',
    });

    // then
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a state-changing request from another origin before running it', async () => {
    // when
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'onething.example' },
      payload: { username: 'citizen1', password: 'demo' },
    });

    // then
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_ORIGIN_REJECTED');
    expect(response.cookies).toHaveLength(0);
  });

  it('accepts a state-changing request from its own origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { origin: 'http://onething.example', host: 'onething.example' },
      payload: { a: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body: { a: 1 } });
  });
});
