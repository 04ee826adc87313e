import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeCall } from '../../../app/fake-fetch.test-support.ts';
import { setLocale } from '../../../app/i18n/index.ts';
import { eventually, mountAppAt } from '../../../app/mount-app.test-support.ts';

const supervisor = {
  id: 'u-9',
  username: 'supervisor1',
  displayName: '监督员',
  roles: ['supervisor'],
  groups: [],
};

const setAside = {
  applicationId: '5b0c7e0e-3f5a-4c1e-9d7a-2b8f6c4d1a90',
  bundleKey: 'newborn',
  processInstanceKey: '2251799813685249',
  position: '42',
  error: 'timeline entry for applicant 330106**********44 violates check constraint',
  attempts: 5,
  state: 'set_aside',
  firstSeenAt: '2026-11-29T08:00:00.000Z',
  lastSeenAt: '2026-11-29T09:10:00.000Z',
  nextAttemptAt: null,
};

const retrying = {
  applicationId: '9d3e1f2a-7b6c-4d5e-8f90-a1b2c3d4e5f6',
  bundleKey: null,
  processInstanceKey: null,
  position: '40',
  error: 'deadlock detected',
  attempts: 2,
  state: 'retrying',
  firstSeenAt: '2026-11-29T07:00:00.000Z',
  lastSeenAt: '2026-11-29T07:02:00.000Z',
  nextAttemptAt: '2026-11-29T07:06:00.000Z',
};

const RETRY_URL = `/api/monitor/progress-failures/${setAside.applicationId}/retry`;

type Reply = { status: number; body?: unknown };

/** The api as the incidents page meets it: no incidents, the given failures, the given retry answer. */
function platform(failures: () => Reply, retry: (call: FakeCall) => Reply = () => ({ status: 500 })) {
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
    if (call.url === '/api/bundles') return { status: 200, body: [] };
    if (call.url === '/api/monitor/incidents?state=ACTIVE') return { status: 200, body: [] };
    if (call.url === '/api/monitor/progress-failures' && call.method === 'GET') return failures();
    if (call.url === RETRY_URL && call.method === 'POST') return retry(call);
    return undefined;
  });
}

const row = (id: string) => document.querySelector(`[data-application-id="${id}"]`);
const failureGets = (calls: FakeCall[]) =>
  calls.filter((call) => call.url === '/api/monitor/progress-failures').length;

async function openPage() {
  const mounted = await mountAppAt('/monitor/incidents');
  await eventually(() =>
    expect(document.querySelector('[data-testid="progress-failures"]')?.getAttribute('aria-busy')).toBe(
      'false',
    ),
  );
  return mounted;
}

async function pressRetry(): Promise<void> {
  document
    .querySelector<HTMLButtonElement>(
      `[data-application-id="${setAside.applicationId}"] [data-testid="retry-progress-failure"]`,
    )
    ?.click();
  await eventually(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
}

/** Element Plus renders the confirmation outside the app, in the document body. */
function answerConfirmation(label: '重试' | '取消'): void {
  const button = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].find(
    (candidate) => candidate.textContent?.trim() === label,
  );
  if (!button) throw new Error(`no “${label}” button in the confirmation`);
  button.click();
}

describe('progress sync failures on the incidents page', () => {
  afterEach(() => {
    setLocale('zh-CN');
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the applications whose progress failed, with their state in words', async () => {
    // given
    vi.stubGlobal('fetch', platform(() => ({ status: 200, body: [setAside, retrying] })).fetch);

    // when
    const { unmount } = await openPage();

    // then
    const panel = document.querySelector('[data-testid="progress-failures"]');
    expect(panel?.querySelector('h2')?.textContent).toContain('进度同步失败');
    const aside = row(setAside.applicationId)?.textContent ?? '';
    expect(aside).toContain('已暂停自动重试');
    expect(aside).toContain('不再自动重试');
    expect(aside).toContain('330106**********44');
    expect(aside).toContain('流程实例 2251799813685249');
    expect(row(setAside.applicationId)?.querySelector('a')?.getAttribute('href')).toBe(
      '/monitor/instances/2251799813685249',
    );
    const second = row(retrying.applicationId)?.textContent ?? '';
    expect(second).toContain('自动重试中');
    expect(second).toContain('deadlock detected');
    expect(second).not.toContain('不再自动重试');
    expect(row(retrying.applicationId)?.querySelector('a')).toBeNull();
    unmount();
  });

  it('names the columns and states in English', async () => {
    // given
    setLocale('en');
    vi.stubGlobal('fetch', platform(() => ({ status: 200, body: [setAside, retrying] })).fetch);

    // when
    const { unmount } = await openPage();

    // then
    const headers = [...document.querySelectorAll('[data-testid="progress-failures-table"] th')].map((th) =>
      th.textContent?.trim(),
    );
    expect(headers).toEqual([
      'Application',
      'State',
      'Failed attempts',
      'Last error',
      'First failed',
      'Last failed',
      'Next automatic retry',
      'Actions',
    ]);
    expect(row(setAside.applicationId)?.textContent).toContain('Set aside');
    expect(row(retrying.applicationId)?.textContent).toContain('Retrying automatically');
    expect(document.querySelector('[data-testid="progress-failures"] h2')?.textContent).toContain(
      'Progress sync failures',
    );
    unmount();
  });

  it('says that no application failed when the list is empty', async () => {
    // given
    vi.stubGlobal('fetch', platform(() => ({ status: 200, body: [] })).fetch);

    // when
    const { unmount } = await openPage();

    // then
    const panel = document.querySelector('[data-testid="progress-failures"]');
    expect(panel?.textContent).toContain('目前没有进度同步失败的申请。');
    expect(panel?.querySelector('table')).toBeNull();
    unmount();
  });

  it('says why the list could not be loaded and loads it again on request', async () => {
    // given
    let healthy = false;
    vi.stubGlobal(
      'fetch',
      platform(() =>
        healthy
          ? { status: 200, body: [setAside] }
          : { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'Database is away.' } } },
      ).fetch,
    );
    const { unmount } = await openPage();
    const panel = document.querySelector('[data-testid="progress-failures"]');
    expect(panel?.textContent).toContain('加载失败：Database is away.');
    expect(panel?.textContent).not.toContain('目前没有进度同步失败的申请');

    // when
    healthy = true;
    [...(panel?.querySelectorAll<HTMLButtonElement>('.load-failure button') ?? [])][0]?.click();

    // then
    await eventually(() => expect(row(setAside.applicationId)).not.toBeNull());
    expect(panel?.textContent).not.toContain('加载失败');
    unmount();
  });

  it('retries an application after confirmation and shows the result', async () => {
    // given
    let retried = false;
    const { fetch, calls } = platform(
      () => ({
        status: 200,
        body: retried
          ? [{ ...setAside, state: 'retrying', nextAttemptAt: '2026-11-29T09:20:00.000Z' }]
          : [setAside],
      }),
      () => {
        retried = true;
        return {
          status: 200,
          body: { ...setAside, state: 'retrying', nextAttemptAt: '2026-11-29T09:20:00.000Z' },
        };
      },
    );
    vi.stubGlobal('fetch', fetch);
    const { unmount } = await openPage();

    // when
    await pressRetry();
    expect(document.querySelector('.el-message-box__message')?.textContent).toContain(setAside.applicationId);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    answerConfirmation('重试');

    // then
    await eventually(() => expect(document.body.textContent).toContain('已提交重试'));
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual([RETRY_URL]);
    await eventually(() => expect(row(setAside.applicationId)?.textContent).toContain('自动重试中'));
    expect(failureGets(calls)).toBe(2);
    unmount();
  });

  it('does not retry when the supervisor cancels the confirmation', async () => {
    // given
    const { fetch, calls } = platform(() => ({ status: 200, body: [setAside] }));
    vi.stubGlobal('fetch', fetch);
    const { unmount } = await openPage();

    // when
    await pressRetry();
    answerConfirmation('取消');

    // then
    await eventually(() => expect(document.querySelector('.el-message-box')).toBeNull());
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    expect(document.body.textContent).not.toContain('已提交重试');
    unmount();
  });

  it('says why a retry failed and keeps the application listed', async () => {
    // given
    const { fetch } = platform(
      () => ({ status: 200, body: [setAside] }),
      () => ({
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'The retry could not be saved.' } },
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const { unmount } = await openPage();

    // when
    await pressRetry();
    answerConfirmation('重试');

    // then
    await eventually(() =>
      expect(document.body.textContent).toContain('重试失败：The retry could not be saved.'),
    );
    expect(row(setAside.applicationId)).not.toBeNull();
    unmount();
  });

  it('says that the failure is gone when another retry already succeeded, and reloads the list', async () => {
    // given
    let gone = false;
    const { fetch } = platform(
      () => ({ status: 200, body: gone ? [] : [setAside] }),
      () => {
        gone = true;
        return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No progress failure.' } } };
      },
    );
    vi.stubGlobal('fetch', fetch);
    const { unmount } = await openPage();

    // when
    await pressRetry();
    answerConfirmation('重试');

    // then
    await eventually(() => expect(document.body.textContent).toContain('已没有同步失败记录'));
    await eventually(() => expect(document.body.textContent).toContain('目前没有进度同步失败的申请。'));
    unmount();
  });
});
