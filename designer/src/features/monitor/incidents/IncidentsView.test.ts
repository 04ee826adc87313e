import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeCall } from '../../../app/fake-fetch.test-support.ts';
import { eventually, mountAppAt } from '../../../app/mount-app.test-support.ts';

const supervisor = {
  id: 'u-9',
  username: 'supervisor1',
  displayName: '监督员',
  roles: ['supervisor'],
  groups: [],
};

const incident = {
  key: '2251799813690001',
  state: 'ACTIVE',
  processInstanceKey: '2251799813685249',
  bpmnProcessId: 'onething-newborn',
  elementId: 'Task_BirthCertificate',
  elementInstanceKey: '2251799813685260',
  errorType: 'JOB_NO_RETRIES',
  errorMessage: 'health/issue-birth-certificate: REGISTRY_UNAVAILABLE after 5 attempt(s), retries exhausted',
  jobKey: '2251799813685261',
  createdAt: '2026-11-29T08:06:00.000Z',
};

function platform(resolve: (call: FakeCall) => { status: number; body?: unknown }) {
  let resolved = false;
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
    if (call.url === '/api/bundles') return { status: 200, body: [] };
    if (call.url === '/api/monitor/progress-failures') return { status: 200, body: [] };
    if (call.url === '/api/monitor/incidents?state=ACTIVE')
      return { status: 200, body: resolved ? [] : [incident] };
    if (call.url === `/api/monitor/incidents/${incident.key}/resolve` && call.method === 'POST') {
      const reply = resolve(call);
      resolved = reply.status === 200;
      return reply;
    }
    return undefined;
  });
}

/** Element Plus renders the confirmation outside the app, in the document body. */
async function confirmRetry(): Promise<void> {
  await eventually(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
  const confirm = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].find(
    (button) => button.textContent?.trim() === '重试',
  );
  confirm?.click();
}

describe('IncidentsView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists open incidents with their type and retries one after confirmation', async () => {
    // given
    const { fetch, calls } = platform(() => ({
      status: 200,
      body: { key: incident.key, resolved: true, retriedJob: true },
    }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper, unmount } = await mountAppAt('/monitor/incidents');
    await eventually(() => expect(wrapper.find(`[data-incident-key="${incident.key}"]`).exists()).toBe(true));
    const row = wrapper.get(`[data-incident-key="${incident.key}"]`);
    expect(row.text()).toContain('任务重试次数耗尽');
    expect(row.text()).toContain('REGISTRY_UNAVAILABLE');
    expect(document.querySelector('.el-message-box__message')).toBeNull();

    // when
    await row.get('[data-testid="retry-incident"]').trigger('click');
    await eventually(() =>
      expect(document.querySelector('.el-message-box__message')?.textContent).toContain('增加 1 次重试机会'),
    );
    await confirmRetry();

    // then
    await eventually(() => expect(wrapper.text()).toContain('没有待处理的运行异常'));
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual([
      `/api/monitor/incidents/${incident.key}/resolve`,
    ]);
    expect(document.body.textContent).toContain('已提交重试');
    unmount();
  });

  it('keeps the incident and says why when the engine refuses the retry', async () => {
    // given
    const { fetch } = platform(() => ({
      status: 503,
      body: {
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'The engine did not resolve the incident; try again.',
        },
      },
    }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper, unmount } = await mountAppAt('/monitor/incidents');
    await eventually(() => expect(wrapper.find('[data-testid="retry-incident"]').exists()).toBe(true));

    // when
    await wrapper.get('[data-testid="retry-incident"]').trigger('click');
    await confirmRetry();

    // then
    await eventually(() =>
      expect(document.body.textContent).toContain('重试失败：The engine did not resolve the incident'),
    );
    expect(wrapper.find(`[data-incident-key="${incident.key}"]`).exists()).toBe(true);
    unmount();
  });
});
