import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUsers, fakeFetch } from '../../../app/fake-fetch.test-support.ts';
import { setLocale } from '../../../app/i18n/index.ts';
import { eventually, mountAppAt } from '../../../app/mount-app.test-support.ts';
import { newbornLikeForm, republishedNewbornLikeForm } from '../apply/newborn-form.test-support.ts';

const ID = '7f1d2c4e-0000-4000-8000-000000000002';

const bundle = {
  key: 'newborn',
  title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' },
  summary: { 'zh-CN': '一次申请', en: 'One application' },
  departments: ['health'],
  // The catalogue's current materials: a republication dropped the marriage certificate and added one.
  materials: [material('birth-medical-certificate', '出生医学证明', true)],
  timeLimitDays: 10,
  version: 'v1',
  services: [],
  // The catalogue's current form: published after the application was filed.
  form: republishedNewbornLikeForm(),
};

/** The application's own form and materials, as the version it was filed under has them. */
const ownForm = {
  bundleKey: 'newborn',
  version: 1,
  services: ['birthCertificate'],
  form: newbornLikeForm(),
  materials: [
    material('parents-id-cards', '父母双方居民身份证', true),
    material('marriage-certificate', '结婚证', false),
  ],
};

function material(key: string, name: string, required: boolean) {
  return { key, name: { 'zh-CN': name, en: key }, description: { 'zh-CN': name, en: key }, required };
}

const data = {
  applicant: { idNumber: '330106199608150244', name: '王芳', mobile: '13800138000' },
  mother: { name: '王芳' },
  child: { name: '陈小雨', birthPlace: '杭州' },
};

function returned(returnedFields: string[]) {
  return {
    id: ID,
    bundleKey: 'newborn',
    status: 'returned',
    submittedAt: '2026-11-20T02:00:00.000Z',
    data,
    parts: [],
    timeline: [],
    materials: [],
    returnReason: '新生儿姓名与出生医学证明不一致',
    returnedFields,
    rating: null,
  };
}

function platform(detail: unknown) {
  return fakeFetch((call) => {
    if (call.url === '/api/auth/me') return { status: 200, body: { user: demoUsers.citizen1 } };
    if (call.url === '/api/bundles/newborn') return { status: 200, body: bundle };
    if (call.url === `/api/applications/${ID}`) return { status: 200, body: detail };
    if (call.url === `/api/applications/${ID}/form`) return { status: 200, body: ownForm };
    if (call.url === `/api/applications/${ID}/supplement`)
      return { status: 200, body: { id: ID, status: 'submitted' } };
    return undefined;
  });
}

/** The labels of the form's fields (not of its sections), without the required mark. */
const labelsOfForm = () =>
  [
    ...document.querySelectorAll(
      '[data-testid="form-step"] .fjs-form-field:not(.fjs-form-field-grouplike) .fjs-form-field-label',
    ),
  ].map((label) => (label.textContent ?? '').replace('*', '').trim());

describe('SupplementView', () => {
  afterEach(() => {
    setLocale('zh-CN');
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('asks only the fields the clerk named, says which, and sends the whole application back', async () => {
    // given
    const { fetch, calls } = platform(returned(['child.name']));
    vi.stubGlobal('fetch', fetch);

    // when
    const { wrapper, router, unmount } = await mountAppAt(`/portal/applications/${ID}/supplement`);

    // then
    await eventually(() => expect(labelsOfForm().length).toBeGreaterThan(0));
    expect(labelsOfForm()).toEqual(['新生儿姓名']);
    expect(wrapper.get('[data-testid="returned-fields"]').text()).toContain('需要补正的内容（1 项）');
    expect(wrapper.get('[data-testid="returned-fields"]').text()).toContain('新生儿姓名');
    expect(wrapper.get('[data-testid="return-reason"]').text()).toContain('新生儿姓名与出生医学证明不一致');

    // when: the citizen corrects the name and submits
    const input = wrapper.get<HTMLInputElement>('[data-testid="form-step"] input');
    await input.setValue('陈小语');
    // form-js hands a typed value on after a pause, or at once on Enter
    await input.trigger('keydown', { code: 'Enter', key: 'Enter' });
    await wrapper.get('[data-testid="submit-supplement"]').trigger('click');

    // then: the answers the clerk did not name go back unchanged with the corrected one
    await eventually(() => expect(router.currentRoute.value.name).toBe('portal-application'));
    expect(calls.find((call) => call.url.endsWith('/supplement'))?.body).toEqual({
      data: { ...data, child: { name: '陈小语', birthPlace: '杭州' } },
    });
    unmount();
  });

  it("corrects in the application's own form when the catalogue's form has changed since", async () => {
    // given: the clerk named a field the current form no longer asks and one it labels otherwise
    const { fetch, calls } = platform(returned(['applicant.mobile', 'child.name']));
    vi.stubGlobal('fetch', fetch);

    // when
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}/supplement`);

    // then: both are asked, labelled as the application's form labels them
    await eventually(() => expect(labelsOfForm().length).toBeGreaterThan(0));
    expect(calls.some((call) => call.url === `/api/applications/${ID}/form`)).toBe(true);
    expect(labelsOfForm()).toEqual(['申请人手机号码', '新生儿姓名']);
    const named = () =>
      wrapper
        .get('[data-testid="returned-fields"]')
        .findAll('li')
        .map((item) => item.text());
    expect(named()).toEqual(['申请人手机号码', '新生儿姓名']);
    unmount();
  });

  it("lists the materials of the application's own version, not the catalogue's current ones", async () => {
    // given: an uploaded material of a kind the current version no longer asks for
    const uploaded = {
      id: '7f1d2c4e-0000-4000-8000-0000000000aa',
      kind: 'marriage-certificate',
      filename: 'marriage.pdf',
      contentType: 'application/pdf',
      size: 2048,
      sha256: 'a'.repeat(64),
      uploadedAt: '2026-11-20T02:00:00.000Z',
    };
    vi.stubGlobal('fetch', platform({ ...returned(['child.name']), materials: [uploaded] }).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}/supplement`);

    // then
    await eventually(() =>
      expect(wrapper.find('[data-testid="material-parents-id-cards"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="material-marriage-certificate"]').text()).toContain('marriage.pdf');
    expect(wrapper.find('[data-testid="material-birth-medical-certificate"]').exists()).toBe(false);
    unmount();
  });

  it('names the returned fields in English by the English labels of the application’s own form', async () => {
    // given
    vi.stubGlobal('fetch', platform(returned(['applicant.name'])).fetch);
    setLocale('en');

    // when
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}/supplement`);

    // then
    await eventually(() => expect(labelsOfForm()).toEqual(['Applicant name']));
    expect(wrapper.get('[data-testid="returned-fields"]').text()).toContain('Applicant name');
    expect(wrapper.get('[data-testid="returned-fields"]').text()).not.toContain('Name of the applicant');
    unmount();
  });

  it('asks the whole form again when the clerk named no fields, and says so', async () => {
    // given
    vi.stubGlobal('fetch', platform(returned([])).fetch);

    // when
    const { wrapper, unmount } = await mountAppAt(`/portal/applications/${ID}/supplement`);

    // then
    await eventually(() => expect(labelsOfForm()).toContain('婴幼儿照护扣除申报人'));
    expect(labelsOfForm()).toContain('申请人手机号码');
    expect(labelsOfForm()).not.toContain('出生体重（克）');
    expect(wrapper.get('[data-testid="returned-fields"]').text()).toContain('没有指定具体内容');
    unmount();
  });
});
