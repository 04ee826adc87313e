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

const stats = {
  perDay: [
    { day: '2026-11-28', submitted: 4, completed: 1 },
    { day: '2026-11-29', submitted: 6, completed: 3 },
  ],
  durations: {
    byDepartment: [{ department: 'hr', avgHours: 20, count: 3 }],
    byBundle: [{ bundleKey: 'newborn', avgHours: 40, count: 2 }],
  },
  prefilledShare: 0.8,
  ratings: { average: 4.5, count: 2, byScore: { '4': 1, '5': 1 } },
};

function stubApi(body: typeof stats | (Omit<typeof stats, 'prefilledShare'> & { prefilledShare: null })) {
  const fake = fakeFetch((call) => {
    if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
    if (call.url === '/api/bundles')
      return {
        status: 200,
        body: [
          { key: 'newborn', title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' }, departments: [] },
        ],
      };
    if (call.url.startsWith('/api/monitor/stats?')) return { status: 200, body };
    return undefined;
  });
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

describe('StatsView', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('asks for the chosen period and gives every chart a summary and a data table', async () => {
    // given
    vi.useFakeTimers({ now: new Date('2026-11-29T10:00:00+08:00'), toFake: ['Date'] });
    const { calls } = stubApi(stats);

    // when
    const { wrapper, unmount } = await mountAppAt('/monitor');
    await eventually(() => expect(wrapper.findAll('[data-chart]')).toHaveLength(5));

    // then
    expect(calls.map((call) => call.url)).toContain('/api/monitor/stats?from=2026-10-31&to=2026-11-29');
    const perDay = wrapper.get('[data-chart="perDay"]');
    expect(perDay.get('h2').text()).toBe('每日申请量');
    expect(perDay.get('[data-testid="chart-summary"]').text()).toContain('共提交申请 10 件、办结 4 件');
    expect(perDay.findAll('tbody tr').map((row) => row.text())).toEqual(['2026-11-2841', '2026-11-2963']);
    await eventually(() =>
      expect(wrapper.get('[data-chart="byBundle"] tbody').text()).toContain('新生儿出生一件事'),
    );
    expect(wrapper.get('[data-chart="byDepartment"] tbody').text()).toContain('人社');
    expect(wrapper.get('[data-chart="prefilled"] [data-testid="chart-summary"]').text()).toContain('80%');

    // when
    await wrapper.get('select[name="range"]').setValue('7');

    // then
    await eventually(() =>
      expect(calls.map((call) => call.url)).toContain('/api/monitor/stats?from=2026-11-23&to=2026-11-29'),
    );
    unmount();
  });

  it('says "no data" for the prefilled share when no application in the period recorded it, never 0 %', async () => {
    // given
    stubApi({ ...stats, prefilledShare: null });

    // when
    const { wrapper, unmount } = await mountAppAt('/monitor');
    await eventually(() => expect(wrapper.findAll('[data-chart]')).toHaveLength(5));

    // then
    const prefilled = wrapper.get('[data-chart="prefilled"]');
    expect(prefilled.get('[data-testid="chart-summary"]').text()).toContain('暂无数据');
    expect(prefilled.text()).not.toContain('%');
    expect(prefilled.find('[role="img"]').exists()).toBe(false);
    unmount();
  });

  it('counts the period in China days, as the api does, whatever the time zone of the browser', async () => {
    // given: 01:00 in Shanghai on 1 December is still 30 November in UTC
    vi.useFakeTimers({ now: new Date('2026-12-01T01:00:00+08:00'), toFake: ['Date'] });
    const { calls } = stubApi(stats);

    // when
    const { wrapper, unmount } = await mountAppAt('/monitor');
    await eventually(() => expect(wrapper.findAll('[data-chart]')).toHaveLength(5));

    // then
    expect(calls.map((call) => call.url)).toContain('/api/monitor/stats?from=2026-11-02&to=2026-12-01');
    expect(wrapper.text()).toContain('2026-11-02');
    unmount();
  });
});
