import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../app/fake-fetch.test-support.ts';
import { eventually, mountAppAt } from '../../../app/mount-app.test-support.ts';

const supervisor = {
  id: 'u-9',
  username: 'supervisor1',
  displayName: '监督员',
  roles: ['supervisor'],
  groups: [],
};

function breach(department: string, state: string, workingDaysLeft: number) {
  return {
    applicationId: `app-${department}-${workingDaysLeft}`,
    bundleKey: 'newborn',
    department,
    service: 'birthCertificate',
    dueDate: '2026-11-27T15:59:59.000Z',
    state,
    workingDaysLeft,
  };
}

describe('BreachesView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('counts breaches per department and bundle and lists the longest overdue first', async () => {
    // given
    const { fetch } = fakeFetch((call) => {
      if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
      if (call.url === '/api/bundles') return { status: 200, body: [] };
      if (call.url === '/api/bundles/newborn')
        return {
          status: 200,
          body: {
            key: 'newborn',
            services: [
              {
                key: 'birthCertificate',
                title: { 'zh-CN': '出生医学证明', en: 'Birth medical certificate' },
                department: 'health',
              },
            ],
          },
        };
      if (call.url === '/api/monitor/breaches')
        return {
          status: 200,
          body: [
            breach('tax', 'warning', 1),
            breach('health', 'overdue', -2),
            breach('health', 'warning', 0),
          ],
        };
      return undefined;
    });
    vi.stubGlobal('fetch', fetch);

    // when
    const { wrapper, unmount } = await mountAppAt('/monitor/breaches');
    await eventually(() => expect(wrapper.find('[data-testid="breaches-table"]').exists()).toBe(true));

    // then
    expect(wrapper.get('[data-testid="breach-totals"]').text()).toBe('已超期 1 件，即将到期 2 件。');
    expect(wrapper.get('[data-group="health"]').text()).toBe('卫健11');
    expect(wrapper.get('[data-group="tax"]').text()).toBe('税务01');
    const days = wrapper
      .findAll('[data-testid="breaches-table"] tbody tr')
      .map((row) => row.findAll('td')[6]?.text());
    expect(days).toEqual(['超期 2 个工作日', '今日到期', '剩余 1 个工作日']);
    await eventually(() =>
      expect(wrapper.get('[data-testid="breaches-table"] tbody tr').text()).toContain('出生医学证明'),
    );
    unmount();
  });

  it('says so when nothing is late', async () => {
    // given
    const { fetch } = fakeFetch((call) => {
      if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
      if (call.url === '/api/monitor/breaches') return { status: 200, body: [] };
      return undefined;
    });
    vi.stubGlobal('fetch', fetch);

    // when
    const { wrapper, unmount } = await mountAppAt('/monitor/breaches');

    // then
    await eventually(() =>
      expect(wrapper.get('[data-testid="breach-totals"]').text()).toBe('目前没有超期或即将到期的办件。'),
    );
    unmount();
  });
});
