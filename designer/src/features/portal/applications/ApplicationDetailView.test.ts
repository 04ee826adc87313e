import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUsers, fakeFetch } from '../../../app/fake-fetch.test-support.ts';
import { eventually, mountAppAt } from '../../../app/mount-app.test-support.ts';
import { newbornLikeForm, republishedNewbornLikeForm } from '../apply/newborn-form.test-support.ts';

const ID = '7f1d2c4e-0000-4000-8000-000000000001';

function application(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    bundleKey: 'newborn',
    status: 'completed',
    services: ['birthCertificate', 'householdRegistration'],
    submittedAt: '2026-11-20T02:00:00.000Z',
    data: { child: { name: '陈小雨' } },
    parts: [
      {
        department: 'health',
        service: 'birthCertificate',
        title: { 'zh-CN': '出生医学证明', en: 'Birth medical certificate' },
        status: 'done',
        dueDate: '2026-11-25',
        result: { certificateNo: 'Q330000123' },
      },
      {
        department: 'civil',
        service: 'householdRegistration',
        status: 'done',
        dueDate: null,
        result: { registrationNo: 'H-2026-88' },
      },
    ],
    timeline: [
      { at: '2026-11-20T02:00:00.000Z', event: 'application.submitted', by: '王芳' },
      { at: '2026-11-20T03:00:00.000Z', event: 'application.accepted', by: '综窗受理员' },
      { at: '2026-11-21T03:00:00.000Z', event: 'something.new', by: null },
    ],
    materials: [],
    returnReason: null,
    returnedFields: [],
    rating: null,
    ...overrides,
  };
}

const bundle = {
  key: 'newborn',
  title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' },
  summary: { 'zh-CN': '一次申请', en: 'One application' },
  departments: ['health', 'civil'],
  materials: [],
  timeLimitDays: 10,
  version: 'v1',
  services: [],
  // The catalogue's current form: published after the application was filed.
  form: republishedNewbornLikeForm(),
};

/** The application's own form, as the version it was filed under has it. */
const ownForm = {
  bundleKey: 'newborn',
  version: 1,
  services: ['birthCertificate'],
  form: newbornLikeForm(),
  materials: [],
};

function platform(detail: unknown) {
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') return { status: 200, body: { user: demoUsers.citizen1 } };
    if (call.url === '/api/bundles/newborn') return { status: 200, body: bundle };
    if (call.url === `/api/applications/${ID}`) return { status: 200, body: detail };
    if (call.url === `/api/applications/${ID}/form`) return { status: 200, body: ownForm };
    if (call.url === `/api/applications/${ID}/rating`)
      return { status: 201, body: { score: 5, comment: '很方便', ratedAt: '2026-11-29T03:00:00.000Z' } };
    return undefined;
  });
}

describe('ApplicationDetailView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows each department’s part with its status, due date and certificate numbers, and the timeline', async () => {
    // given
    vi.stubGlobal('fetch', platform(application()).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}`);

    // then
    await eventually(() => expect(wrapper.find('[data-testid="parts"]').exists()).toBe(true));
    const birth = wrapper.get('[data-testid="part-birthCertificate"]').text();
    expect(birth).toContain('出生医学证明');
    expect(birth).toContain('已办结');
    expect(birth).toContain('办结时限：2026/11/25 前');
    expect(birth).toContain('证书编号');
    expect(birth).toContain('Q330000123');
    expect(wrapper.get('[data-testid="part-householdRegistration"]').text()).toContain('H-2026-88');
    const timeline = wrapper.get('[data-testid="timeline"]').text();
    expect(timeline).toContain('综合窗口受理');
    expect(timeline).toContain('something.new');
    unmount();
  });

  it('asks for a rating once the application is completed and thanks the citizen for it', async () => {
    // given
    const { fetch, calls } = platform(application());
    vi.stubGlobal('fetch', fetch);
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}`);
    await eventually(() => expect(wrapper.find('[data-testid="rating-form"]').exists()).toBe(true));

    // when: sending without a score is refused here
    await wrapper.get('[data-testid="rating-form"]').trigger('submit');

    // then
    await eventually(() => expect(wrapper.get('[data-testid="rating-form"]').text()).toContain('请选择评分'));
    expect(calls.filter((call) => call.url.endsWith('/rating'))).toEqual([]);

    // when
    await wrapper.get('input[name="score"][value="5"]').setValue(true);
    await wrapper.get('#rating-comment').setValue('  很方便  ');
    await wrapper.get('[data-testid="rating-form"]').trigger('submit');

    // then
    await eventually(() =>
      expect(wrapper.get('[data-testid="rating-done"]').text()).toContain('感谢您的评价'),
    );
    expect(wrapper.get('[data-testid="rating-done"]').text()).toContain('很方便');
    expect(calls.find((call) => call.url.endsWith('/rating'))?.body).toEqual({ score: 5, comment: '很方便' });
    unmount();
  });

  it('tells the citizen why the application came back, naming the fields as its own form does', async () => {
    // given
    const returned = application({
      status: 'returned',
      returnReason: '户口簿照片不清晰',
      returnedFields: ['applicant.mobile', 'child.name'],
      rating: null,
    });
    vi.stubGlobal('fetch', platform(returned).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}`);

    // then: the current form no longer asks the mobile number and calls the child's name otherwise
    await eventually(() => expect(wrapper.find('[data-testid="returned"]').exists()).toBe(true));
    const box = wrapper.get('[data-testid="returned"]');
    expect(box.text()).toContain('退回原因：户口簿照片不清晰');
    await eventually(() =>
      expect(
        box
          .get('[data-testid="returned-fields"]')
          .findAll('li')
          .map((item) => item.text()),
      ).toEqual(['申请人手机号码', '新生儿姓名']),
    );
    expect(box.get('a').attributes('href')).toBe(`/portal/applications/${ID}/supplement`);
    expect(wrapper.find('[data-testid="rating-form"]').exists()).toBe(false);
    unmount();
  });
});
