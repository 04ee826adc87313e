import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** An error response the test provokes on purpose (method, path and status). */
export interface ExpectedFailure {
  method: string;
  path: string;
  status: number;
}

/**
 * Collects what would be a bug a user could meet: console errors, uncaught page errors,
 * failed requests and error responses. The only exceptions are the error responses the
 * HTTP contract prescribes for what the test does (401 from /api/auth/me while signed out,
 * 401 for a wrong password) and the "Failed to load resource" line Chromium logs for each.
 */
export function watchForProblems(page: Page, expected: readonly ExpectedFailure[]): () => string[] {
  const problems: string[] = [];
  const expectedUrls = new Set<string>();
  const networkLines: { url: string; text: string }[] = [];
  const isExpected = (method: string, url: string, status: number) => {
    const { pathname } = new URL(url);
    return expected.some(
      (failure) => failure.method === method && failure.path === pathname && failure.status === status,
    );
  };

  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    if (isExpected(request.method(), response.url(), response.status())) {
      expectedUrls.add(response.url());
    } else {
      problems.push(`HTTP ${response.status()} ${request.method()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource')) {
      networkLines.push({ url: message.location().url, text: message.text() });
    } else {
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A navigation that replaces the page cancels what the old page was still loading.
    if (failure === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });

  // Decided at the end: Chromium's network line and the response event arrive in either order.
  return () => [
    ...problems,
    ...networkLines
      .filter((line) => !expectedUrls.has(line.url))
      .map((line) => `console error: ${line.text} (${line.url})`),
  ];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
