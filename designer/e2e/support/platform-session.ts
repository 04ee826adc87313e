import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, watchForProblems, type ExpectedFailure } from './browser.ts';
import { freePort } from '@onething/engine/free-port';
import { buildSpaIfStale, startPlatform, type RunningPlatform } from './platform.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** What the contract answers while nobody is signed in: the SPA asks, the api says 401. */
export const SIGNED_OUT_CHECK: ExpectedFailure = { method: 'GET', path: '/api/auth/me', status: 401 };

export interface PlatformSessionOptions {
  /** Enables the registries' fault injection behind this token (at least 16 characters). */
  readonly registriesAdminToken?: string;
}

export interface PageOptions {
  readonly viewport?: { width: number; height: number };
  readonly hasTouch?: boolean;
  /** Error answers the test provokes on purpose (default: the signed-out check). */
  readonly expected?: readonly ExpectedFailure[];
}

export interface PlatformSession {
  baseUrl(): string;
  /** The sandbox registries' own address (only with `registriesAdminToken`). */
  registriesUrl(): string;
  /** A fresh browser (no cookies, no saved language) watched for problems. */
  openPage(options?: PageOptions): Promise<Page>;
}

/**
 * One test file's platform and browser: the SPA built if stale, the platform started as
 * `pnpm start` does on a fresh database, Debian's chromium; after each test every page
 * is closed and any console error, page error or failed request fails it.
 */
export function usePlatformSession(options: PlatformSessionOptions = {}): PlatformSession {
  let database: TestDatabase | undefined;
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  let registries = '';
  const opened: { context: BrowserContext; problems: () => string[] }[] = [];

  beforeAll(async () => {
    await buildSpaIfStale();
    database = await createTestDatabase();
    const env: Record<string, string> = {};
    if (options.registriesAdminToken !== undefined) {
      const port = await freePort();
      registries = `http://127.0.0.1:${port}`;
      Object.assign(env, {
        REGISTRIES_ADMIN_TOKEN: options.registriesAdminToken,
        REGISTRIES_PORT: String(port),
      });
    }
    platform = await startPlatform(database.url, { env });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await database?.drop();
  });

  afterEach(async () => {
    const problems = opened.flatMap((page) => page.problems());
    await Promise.all(opened.map((page) => page.context.close()));
    opened.length = 0;
    expect(problems, 'console errors, page errors or failed requests').toEqual([]);
  });

  return {
    baseUrl() {
      if (!platform) throw new Error('the platform did not start');
      return platform.baseUrl;
    },
    registriesUrl() {
      if (registries === '') throw new Error('the registries have no admin token in this session');
      return registries;
    },
    async openPage({ viewport = { width: 1280, height: 900 }, hasTouch = false, expected } = {}) {
      if (!browser) throw new Error('the browser did not start');
      const context = await browser.newContext({ viewport, hasTouch, locale: 'zh-CN' });
      const page = await context.newPage();
      opened.push({ context, problems: watchForProblems(page, expected ?? [SIGNED_OUT_CHECK]) });
      return page;
    },
  };
}
