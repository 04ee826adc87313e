import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUsers, fakeFetch } from '../app/fake-fetch.test-support.ts';
import { setLocale } from '../app/i18n/index.ts';
import { eventually, mountAppAt } from '../app/mount-app.test-support.ts';

function signedInAs(user: object | null) {
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') {
      return user
        ? { status: 200, body: { user } }
        : { status: 401, body: { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } } };
    }
    if (call.url === '/api/auth/logout') return { status: 204 };
    return undefined;
  });
}

describe('AppShell', () => {
  afterEach(() => {
    setLocale('zh-CN');
    localStorage.clear();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('offers a visitor the portal and a sign-in link', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(null).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt('/');

    // then
    expect(wrapper.findAll('nav a').map((link) => link.text())).toEqual(['办事大厅']);
    expect(wrapper.get('.shell__sign-in').attributes('href')).toBe('/signin?redirect=/portal');
    unmount();
  });

  it('shows an administrator the studio and the monitor with their name in the user menu', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(demoUsers.admin).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt('/');

    // then
    await eventually(() => expect(wrapper.find('[data-area-page="monitor"]').exists()).toBe(true));
    expect(wrapper.findAll('nav a[data-area]').map((link) => link.attributes('data-area'))).toEqual([
      'portal',
      'studio',
      'monitor',
    ]);
    expect(wrapper.get('[data-testid="user-name"]').text()).toBe('管理员');
    unmount();
  });

  it('switches the whole shell to English and remembers the choice', async () => {
    // given
    vi.stubGlobal('fetch', signedInAs(demoUsers.hr1).fetch);
    const { wrapper, unmount } = await mountAppAt('/workbench');

    // when
    setLocale('en');
    await eventually(() => expect(wrapper.get('h1').text()).toBe('Workbench'));

    // then
    expect(wrapper.findAll('nav a').map((link) => link.text())).toEqual(['Service portal', 'Workbench']);
    expect(localStorage.getItem('onething.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Workbench · OneThing');
    unmount();
  });
});
