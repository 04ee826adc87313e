import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUsers, fakeFetch, type FakeCall } from '../../../app/fake-fetch.test-support.ts';
import { eventually, mountAppAt } from '../../../app/mount-app.test-support.ts';

/** A bundle whose combined form asks the applicant and one section (so: applicant, section, review). */
const bundle = {
  key: 'newborn',
  title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' },
  summary: { 'zh-CN': '一次申请', en: 'One application' },
  departments: ['health'],
  materials: [],
  timeLimitDays: 10,
  version: 'v1',
  services: [
    {
      key: 'birthCertificate',
      title: { 'zh-CN': '出生医学证明', en: 'Birth certificate' },
      department: 'health',
      timeLimitDays: 3,
      requires: [],
    },
  ],
  form: {
    type: 'default',
    id: 'Form_newborn',
    schemaVersion: 19,
    components: [
      {
        id: 'Group_shared',
        type: 'group',
        label: '共同信息',
        components: [
          { id: 'Field_applicant_name', type: 'textfield', key: 'applicant.name', label: '申请人姓名' },
          {
            id: 'Field_applicant_mobile',
            type: 'textfield',
            key: 'applicant.mobile',
            label: '申请人手机号码',
            validate: { required: true },
          },
          { id: 'Field_child_name', type: 'textfield', key: 'child.name', label: '新生儿姓名' },
        ],
      },
    ],
  },
};

const draft = {
  bundleKey: 'newborn',
  data: { applicant: { mobile: '13800138000' }, child: { name: '小雨' } },
  step: 'review',
  updatedAt: '2026-11-29T03:00:00.000Z',
  materials: [],
};

const prefill = {
  values: { 'applicant.name': '王芳' },
  sources: { 'applicant.name': { registry: 'civil', subject: 'applicant', at: '2026-11-29T03:00:00.000Z' } },
  unavailable: [],
};

type Reply = { status: number; body?: unknown };

function platform(submit: (call: FakeCall) => Reply) {
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') return { status: 200, body: { user: demoUsers.citizen1 } };
    if (call.url === '/api/bundles/newborn') return { status: 200, body: bundle };
    if (call.url === '/api/bundles/newborn/prefill') return { status: 200, body: prefill };
    if (call.url === '/api/applications/drafts' && call.method === 'GET')
      return { status: 200, body: [draft] };
    if (call.url === '/api/applications/drafts/newborn' && call.method === 'GET')
      return { status: 200, body: draft };
    if (call.url === '/api/applications/drafts/newborn' && call.method === 'PUT')
      return { status: 200, body: { bundleKey: 'newborn', step: 'x', updatedAt: draft.updatedAt } };
    if (call.url === '/api/applications' && call.method === 'POST') return submit(call);
    return undefined;
  });
}

function submitButton(wrapper: VueWrapper) {
  return wrapper.get('[data-testid="submit-application"]');
}

describe('ApplyView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('resumes the draft at its step and shows the prefilled answer as coming from the registry', async () => {
    // given
    vi.stubGlobal('fetch', platform(() => ({ status: 500 })).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt('/portal/bundles/newborn/apply');

    // then
    await eventually(() => expect(wrapper.find('[data-testid="review"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="draft-resumed"]').text()).toContain('已为您恢复');
    const review = wrapper.get('[data-testid="review"]').text();
    expect(review).toMatch(/王芳\s*（数据共享）/);
    expect(review).toContain('13800138000');
    expect(wrapper.get('[aria-current="step"]').text()).toContain('确认提交');
    unmount();
  });

  it('takes the citizen to the field the server refused, with its message there and in the summary', async () => {
    // given
    const { fetch } = platform(() => ({
      status: 400,
      body: {
        error: {
          code: 'FORM_SUBMISSION_INVALID',
          message: '申请表有误',
          fields: { 'applicant.mobile': '请输入11位手机号码' },
        },
      },
    }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper, unmount } = await mountAppAt('/portal/bundles/newborn/apply');
    await eventually(() => expect(wrapper.find('[data-testid="review"]').exists()).toBe(true));

    // when
    await submitButton(wrapper).trigger('click');

    // then
    await eventually(() => expect(wrapper.find('[data-step="applicant"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain(
      '申请人信息 · 申请人手机号码：请输入11位手机号码',
    );
    await eventually(() => {
      const field = wrapper.get('[data-testid="form-step"] .fjs-form-field-textfield.fjs-has-errors');
      expect(field.text()).toContain('申请人手机号码');
      expect(field.get('.fjs-form-field-error').text()).toContain('请输入11位手机号码');
    });
    unmount();
  });

  it('sends one idempotency key for a double click and for a retry after a lost answer', async () => {
    // given
    let attempts = 0;
    const { fetch, calls } = platform(() => {
      attempts += 1;
      if (attempts === 1)
        return { status: 503, body: { error: { code: 'ENGINE_UNAVAILABLE', message: '请稍后再试' } } };
      return { status: 201, body: { id: '7f1d2c4e-0000-4000-8000-000000000001', status: 'submitted' } };
    });
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router, unmount } = await mountAppAt('/portal/bundles/newborn/apply');
    await eventually(() => expect(wrapper.find('[data-testid="review"]').exists()).toBe(true));

    // when: a double click, which fails, then a retry
    await Promise.all([submitButton(wrapper).trigger('click'), submitButton(wrapper).trigger('click')]);
    await eventually(() => expect(wrapper.text()).toContain('提交失败'));
    await submitButton(wrapper).trigger('click');

    // then
    await eventually(() => expect(router.currentRoute.value.name).toBe('portal-application'));
    const posts = calls.filter((call) => call.url === '/api/applications' && call.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.idempotencyKey).toBeTruthy();
    expect(posts[1]?.idempotencyKey).toBe(posts[0]?.idempotencyKey);
    expect(posts[1]?.body).toEqual({
      bundleKey: 'newborn',
      data: { applicant: { name: '王芳', mobile: '13800138000' }, child: { name: '小雨' } },
    });
    unmount();
  });
});
