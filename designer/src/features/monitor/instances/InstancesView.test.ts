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

function instance(key: string, state = 'ACTIVE', incidents = 0) {
  return {
    key,
    bpmnProcessId: 'onething-newborn',
    version: 2,
    processDefinitionKey: '2251799813685248',
    parentProcessInstanceKey: null,
    state,
    startedAt: '2026-11-29T08:00:00.000Z',
    endedAt: state === 'ACTIVE' ? null : '2026-11-29T09:00:00.000Z',
    incidents,
  };
}

const bundles = [
  { key: 'newborn', title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' }, departments: ['health'] },
];

describe('InstancesView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('filters by bundle and state through the URL and pages on with the cursor', async () => {
    // given
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
      if (call.url === '/api/bundles') return { status: 200, body: bundles };
      if (call.url === '/api/monitor/instances')
        return { status: 200, body: { items: [instance('12', 'COMPLETED')], nextCursor: null } };
      if (call.url === '/api/monitor/instances?bpmnProcessId=onething-newborn&state=ACTIVE')
        return { status: 200, body: { items: [instance('11', 'ACTIVE', 2)], nextCursor: '1' } };
      if (call.url === '/api/monitor/instances?bpmnProcessId=onething-newborn&state=ACTIVE&cursor=1')
        return { status: 200, body: { items: [instance('10')], nextCursor: null } };
      return undefined;
    });
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router, unmount } = await mountAppAt('/monitor/instances');
    await eventually(() => expect(wrapper.find('[data-instance-key="12"]').exists()).toBe(true));
    await eventually(() =>
      expect(wrapper.get('[data-instance-key="12"]').text()).toContain('新生儿出生一件事'),
    );

    // when
    await wrapper.get('select[name="process"]').setValue('onething-newborn');
    await wrapper.get('select[name="state"]').setValue('ACTIVE');

    // then
    await eventually(() => expect(wrapper.find('[data-instance-key="11"]').exists()).toBe(true));
    expect(router.currentRoute.value.query).toEqual({ process: 'onething-newborn', state: 'ACTIVE' });
    expect(wrapper.find('[data-instance-key="12"]').exists()).toBe(false);
    expect(wrapper.get('[data-instance-key="11"]').text()).toContain('运行中');

    // when
    const more = wrapper.findAll('button').find((button) => button.text() === '加载更多');
    await more?.trigger('click');

    // then
    await eventually(() => expect(wrapper.find('[data-instance-key="10"]').exists()).toBe(true));
    expect(wrapper.findAll('[data-instance-key]').map((row) => row.attributes('data-instance-key'))).toEqual([
      '11',
      '10',
    ]);
    expect(calls.some((call) => call.url.includes('state=RUNNING'))).toBe(false);
    unmount();
  });
});
