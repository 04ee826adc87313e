import type { Page } from 'playwright-core';

/*
 * What every browser test needs: signing in from the sign-in page, a demo user's session
 * on the HTTP api (to create or drive work around what the browser does), and polling.
 */

const POLL_MS = 250;

export interface ApiSession {
  username: string;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Signs in from the sign-in page and waits until the user's home area has opened. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = 'demo',
): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** Signs a demo account in through the api (password `demo`) and keeps its session cookie by hand. */
export async function apiSession(baseUrl: string, username: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (login.status !== 200) throw new Error(`${username} could not sign in: HTTP ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    return { status: response.status, body: parsed };
  };
  return {
    username,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
  };
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`timed out waiting for ${what}`);
}
