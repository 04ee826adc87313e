import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ submitRateLimit: { max: 2, timeWindowMs: 60_000 } });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

function submit(cookie: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie },
    payload: { bundleKey: 'newborn', data: {} },
  });
}

describe('POST /api/applications rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a citizen has used the budget, per citizen', async () => {
    // given
    const citizen1 = await signIn(t.app, 'citizen1');
    const citizen2 = await signIn(t.app, 'citizen2');
    await submit(citizen1);
    await submit(citizen1);

    // when
    const limited = await submit(citizen1);
    const other = await submit(citizen2);

    // then
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(other.statusCode).toBe(400);
  });
});
