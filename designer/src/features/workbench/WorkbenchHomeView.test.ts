import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../app/fake-fetch.test-support.ts';
import { eventually, mountAppAt } from '../../app/mount-app.test-support.ts';
import { assignedToMe, commonRoutes, taskSummary } from './workbench.test-support.ts';

const open = [
  taskSummary('t1', { dueDate: '2026-12-08T23:59:59+08:00', workingDaysLeft: 6 }),
  taskSummary('t2', { dueDate: '2026-11-27T23:59:59+08:00', workingDaysLeft: -1, bundleKey: 'retirement' }),
  taskSummary('t3', {
    dueDate: '2026-11-30T23:59:59+08:00',
    workingDaysLeft: 0,
    ...assignedToMe,
    name: '统一出件',
  }),
  // A colleague who shares the clerk's display name holds this one.
  taskSummary('t4', { dueDate: null, workingDaysLeft: null, assignee: '综窗受理员', assigneeId: 'u-7' }),
  taskSummary('t5', { dueDate: '2026-12-01T23:59:59+08:00', workingDaysLeft: 1 }),
];

function rowTexts(wrapper: VueWrapper): string[] {
  return wrapper.findAll('[data-testid="task-row"]').map((row) => row.text());
}

describe('the Workbench queue', () => {
  beforeEach(() => {
    // Shanghai, Monday 30 November 2026, 10:00: only the clock is fake, promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00+08:00'));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  function stubApi() {
    const fake = fakeFetch((call) => {
      if (call.url === '/api/tasks?state=open') return { status: 200, body: open };
      if (call.url === '/api/tasks?state=done') return { status: 200, body: [] };
      return commonRoutes(call);
    });
    vi.stubGlobal('fetch', fake.fetch);
    return fake;
  }

  it('lists the open tasks by working days left, in words and marked when due soon or overdue', async () => {
    // given
    stubApi();

    // when
    const { wrapper, unmount } = await mountAppAt('/workbench');

    // then
    await eventually(() => expect(rowTexts(wrapper)).toHaveLength(5));
    const rows = rowTexts(wrapper);
    const urgencies = wrapper
      .findAll('[data-testid="task-row"] [data-testid="time-left"]')
      .map((badge) => badge.attributes('data-urgency'));
    expect(rows[0]).toContain('退休一件事');
    expect(rows[0]).toContain('已超期 1 个工作日');
    expect(rows[1]).toContain('统一出件');
    expect(rows[1]).toContain('今天到期，剩 14 小时');
    expect(rows[1]).toContain('我（综窗受理员）');
    expect(rows[2]).toContain('剩 1 个工作日');
    expect(rows[3]).toContain('剩 6 个工作日');
    expect(rows[3]).toContain('待认领');
    expect(rows[4]).toContain('无时限');
    // the colleague with the same name is not "me"
    expect(rows[4]).not.toContain('我（');
    expect(urgencies).toEqual(['overdue', 'soon', 'soon', 'ok', 'none']);
    expect(wrapper.get('[data-testid="workbench-groups"]').text()).toContain('综合窗口');
    unmount();
  });

  it('narrows the list by a filter and shows the count of each choice', async () => {
    // given
    stubApi();
    const { wrapper, unmount } = await mountAppAt('/workbench');
    await eventually(() => expect(rowTexts(wrapper)).toHaveLength(5));
    expect(wrapper.get('[data-testid="filter-assignment"]').text()).toContain('我的（1）');
    expect(wrapper.get('[data-testid="filter-due"]').text()).toContain('即将到期（3）');

    // when
    await wrapper.get('[data-testid="due-overdue"]').setValue(true);

    // then
    await eventually(() => expect(rowTexts(wrapper)).toHaveLength(1));
    expect(rowTexts(wrapper)[0]).toContain('已超期');
    // the assignment counts follow the due filter
    expect(wrapper.get('[data-testid="filter-assignment"]').text()).toContain('待认领（1）');
    expect(wrapper.get('[data-testid="filter-assignment"]').text()).toContain('我的（0）');

    // when
    await wrapper.get('[data-testid="due-all"]').setValue(true);
    await wrapper.get('[data-testid="filter-bundle"]').setValue('newborn');

    // then
    await eventually(() => expect(rowTexts(wrapper)).toHaveLength(4));
    unmount();
  });

  it('refreshes the list with the R key', async () => {
    // given
    const { calls } = stubApi();
    const { wrapper, unmount } = await mountAppAt('/workbench');
    await eventually(() => expect(rowTexts(wrapper)).toHaveLength(5));
    const before = calls.filter((call) => call.url === '/api/tasks?state=open').length;

    // when
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));

    // then
    await eventually(() =>
      expect(calls.filter((call) => call.url === '/api/tasks?state=open').length).toBe(before + 1),
    );
    unmount();
  });

  it('says why the list is missing when the api fails', async () => {
    // given
    vi.stubGlobal(
      'fetch',
      fakeFetch((call) =>
        call.url.startsWith('/api/tasks')
          ? { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用' } } }
          : commonRoutes(call),
      ).fetch,
    );

    // when
    const { wrapper, unmount } = await mountAppAt('/workbench');

    // then
    await eventually(() =>
      expect(wrapper.get('[data-testid="queue-error"]').text()).toContain('服务暂不可用'),
    );
    unmount();
  });
});
