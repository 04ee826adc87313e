import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, type ExpectedFailure } from './support/browser.ts';
import { SIGNED_OUT_CHECK, usePlatformSession } from './support/platform-session.ts';

const WRONG_PASSWORD: ExpectedFailure = { method: 'POST', path: '/api/auth/login', status: 401 };

const session = usePlatformSession();

/** A fresh browser (no cookies, no saved language) watched for problems. */
function openPage(expected: readonly ExpectedFailure[], width = 1280): Promise<Page> {
  return session.openPage({ viewport: { width, height: 800 }, expected });
}

function url(path: string): string {
  return session.baseUrl() + path;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function areaLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: '功能区' }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}

async function pageHeading(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}

async function openUserMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^用户菜单|^User menu/ }).click();
}

describe('the designer shell', () => {
  it('shows a citizen the Portal only, and after signing out a department clerk the Workbench', async () => {
    // given
    const page = await openPage([SIGNED_OUT_CHECK]);
    await page.goto(url('/'));
    await page.getByRole('banner').getByRole('link', { name: '登录' }).click();

    // when
    await signIn(page, 'citizen1', 'demo');

    // then
    await page.waitForURL(url('/portal'));
    expect(await pageHeading(page)).toBe('办事大厅');
    const displayName = ((await page.getByTestId('user-name').textContent()) ?? '').trim();
    expect(displayName).not.toBe('');
    await expect.poll(() => page.getByTestId('portal-session').textContent()).toContain(displayName);
    expect(await areaLinks(page)).toEqual(['办事大厅']);
    await openUserMenu(page);
    await expect.poll(() => page.getByTestId('user-roles').textContent()).toContain('群众');
    await screenshot(page, 'citizen-portal');

    // when
    await page.getByTestId('sign-out').click();
    await page.waitForURL(url('/signin'));
    await signIn(page, 'hr1', 'demo');

    // then
    await page.waitForURL(url('/workbench'));
    expect(await pageHeading(page)).toBe('工作台');
    expect(await areaLinks(page)).toEqual(['办事大厅', '工作台']);
    await expect.poll(() => page.getByTestId('workbench-groups').textContent()).toContain('人社');
    await screenshot(page, 'clerk-workbench');
  });

  it('refuses a clerk the Studio and the Monitor with the 403 page', async () => {
    // given
    const page = await openPage([SIGNED_OUT_CHECK]);
    await page.goto(url('/signin'));
    await signIn(page, 'hr1', 'demo');
    await page.waitForURL(url('/workbench'));

    for (const area of ['/studio', '/monitor']) {
      // when
      await page.goto(url(area));

      // then
      await page.waitForURL((at) => at.pathname === '/forbidden' && at.searchParams.get('from') === area);
      expect(await pageHeading(page)).toBe('无权访问');
    }
    await screenshot(page, 'clerk-forbidden');
  });

  it('tells the user when the password is wrong and stays signed out', async () => {
    // given
    const page = await openPage([SIGNED_OUT_CHECK, WRONG_PASSWORD]);
    await page.goto(url('/signin'));

    // when
    await signIn(page, 'citizen1', 'not-the-password');

    // then
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码不正确');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByRole('button', { name: /^用户菜单/ }).count()).toBe(0);
    await screenshot(page, 'wrong-password');
  });

  it('brings a visitor back to the page they asked for and keeps the session and language across reloads', async () => {
    // given
    const page = await openPage([SIGNED_OUT_CHECK]);
    await page.goto(url('/workbench'));
    await page.waitForURL(
      (at) => at.pathname === '/signin' && at.searchParams.get('redirect') === '/workbench',
    );

    // when
    await signIn(page, 'window1', 'demo');
    await page.waitForURL(url('/workbench'));
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: /English/ }).click();
    await page.reload();

    // then
    await expect.poll(() => pageHeading(page)).toBe('Workbench');
    expect(await page.getByRole('navigation', { name: 'Areas' }).getByRole('link').allTextContents()).toEqual(
      ['Service portal', 'Workbench'],
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'window-clerk-english');
  });

  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    // given
    const page = await openPage([SIGNED_OUT_CHECK], 375);
    await page.goto(url('/signin'));

    // when
    await signIn(page, 'citizen1', 'demo');
    await page.waitForURL(url('/portal'));

    // then
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'citizen-portal-phone');
  });
});
