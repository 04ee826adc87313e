import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUsers, fakeFetch } from '../../app/fake-fetch.test-support.ts';
import { eventually, mountAppAt } from '../../app/mount-app.test-support.ts';

const signedOut = { status: 401, body: { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } } };

async function submit(wrapper: VueWrapper, username: string, password: string) {
  await wrapper.get('input[name="username"]').setValue(username);
  await wrapper.get('input[name="password"]').setValue(password);
  await wrapper.get('form').trigger('submit');
}

describe('SignInView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('signs in and goes back to the page that asked for it', async () => {
    // given
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/auth/me') return signedOut;
      if (call.url === '/api/auth/login') return { status: 200, body: { user: demoUsers.hr1 } };
      return undefined;
    });
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router, unmount } = await mountAppAt('/workbench');
    expect(router.currentRoute.value.name).toBe('sign-in');

    // when
    await submit(wrapper, ' hr1 ', 'demo');

    // then
    await eventually(() => expect(wrapper.find('[data-area-page="workbench"]').exists()).toBe(true));
    expect(router.currentRoute.value.fullPath).toBe('/workbench');
    expect(calls.find((call) => call.url === '/api/auth/login')?.body).toEqual({
      username: 'hr1',
      password: 'demo',
    });
    unmount();
  });

  it('says the credentials are wrong and clears the password', async () => {
    // given
    const { fetch } = fakeFetch((call) =>
      call.url === '/api/auth/login'
        ? {
            status: 401,
            body: { error: { code: 'INVALID_CREDENTIALS', message: 'Invalid username or password' } },
          }
        : signedOut,
    );
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router, unmount } = await mountAppAt('/signin');

    // when
    await submit(wrapper, 'citizen1', 'wrong');

    // then
    await eventually(() =>
      expect(wrapper.find('[data-testid="sign-in-error"]').text()).toContain('用户名或密码不正确'),
    );
    expect(wrapper.get<HTMLInputElement>('input[name="password"]').element.value).toBe('');
    expect(router.currentRoute.value.name).toBe('sign-in');
    unmount();
  });

  it('does not call the api while a field is empty', async () => {
    // given
    const { fetch, calls } = fakeFetch(() => signedOut);
    vi.stubGlobal('fetch', fetch);
    const { wrapper, unmount } = await mountAppAt('/signin');

    // when
    await submit(wrapper, '', '');

    // then
    await eventually(() => {
      expect(wrapper.text()).toContain('请输入用户名');
      expect(wrapper.text()).toContain('请输入密码');
    });
    expect(calls.filter((call) => call.url === '/api/auth/login')).toEqual([]);
    unmount();
  });
});
