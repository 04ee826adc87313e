import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeCall } from '../../app/fake-fetch.test-support.ts';
import { setLocale } from '../../app/i18n/index.ts';
import { eventually, mountAppAt } from '../../app/mount-app.test-support.ts';
import {
  acceptanceForm,
  assignedToMe,
  bundles,
  commonRoutes,
  taskSummary,
} from './workbench.test-support.ts';

const TASK_ID = '11111111-1111-4111-8111-111111111111';
const APPLICATION_ID = 'a0000000-0000-4000-8000-000000000001';

function taskDetail(overrides: Record<string, unknown> = {}) {
  return {
    ...taskSummary('t1', { id: TASK_ID, applicationId: APPLICATION_ID }),
    form: null,
    data: { child: { name: '陈思远' } },
    history: [{ at: '2026-11-29T09:00:00+08:00', event: 'application.submitted', by: '张三' }],
    ...overrides,
  };
}

const application = {
  id: APPLICATION_ID,
  bundleKey: 'newborn',
  status: 'submitted',
  submittedAt: '2026-11-29T09:00:00+08:00',
  data: { child: { name: '陈思远' } },
  parts: [],
  timeline: [],
  materials: [
    {
      id: 'm-1',
      kind: 'household-register',
      filename: 'hukou.pdf',
      contentType: 'application/pdf',
      size: 20480,
      sha256: 'x',
      uploadedAt: '2026-11-29T09:00:00+08:00',
    },
  ],
};

const shared = { id: 'Group_shared', title: { 'zh-CN': '共同信息', en: 'Shared information' } };
const civil = { id: 'Group_civil', title: { 'zh-CN': '民政与户籍', en: 'Civil affairs and household' } };

/** What the api offers to name on a return of a newborn application (shortened), in form order. */
const returnFields = [
  { key: 'child.name', label: { 'zh-CN': '新生儿姓名', en: 'Child’s name' }, section: shared },
  { key: 'child.birthDate', label: { 'zh-CN': '出生日期', en: 'Date of birth' }, section: shared },
  {
    key: 'household.entryParent',
    label: { 'zh-CN': '随父或随母落户', en: 'Registered with father or mother' },
    section: civil,
  },
];

/** Ticks a field of the return dialog by its key, and lets Vue update before the next. */
async function tick(key: string) {
  const box = document.querySelector<HTMLInputElement>(`[data-testid="return-fields"] input[value="${key}"]`);
  if (!box) throw new Error(`no checkbox for ${key}`);
  box.checked = true;
  box.dispatchEvent(new Event('change'));
  await flushPromises();
}

function typeReason(text: string) {
  const reason = document.querySelector<HTMLTextAreaElement>('#return-reason');
  if (!reason) throw new Error('no reason field');
  reason.value = text;
  reason.dispatchEvent(new Event('input'));
}

type Route = (call: FakeCall) => { status: number; body?: unknown } | undefined;

function stubApi(route: Route) {
  const fake = fakeFetch((call) => {
    const answer = route(call);
    if (answer) return answer;
    if (call.url === `/api/applications/${APPLICATION_ID}`) return { status: 200, body: application };
    if (call.url.startsWith('/api/tasks?state=')) return { status: 200, body: [] };
    return commonRoutes(call);
  });
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

const text = (wrapper: VueWrapper, testId: string) => wrapper.get(`[data-testid="${testId}"]`).text();
const button = (wrapper: VueWrapper, action: string) => wrapper.find(`[data-testid="action-${action}"]`);

describe('the Workbench task page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh-CN');
    document.body.innerHTML = '';
  });

  it('says plainly when another clerk claimed the task first, and shows who holds it now', async () => {
    // given: the task is free when the page loads, taken by a colleague a moment later
    let taken = false;
    const { calls } = stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return {
          status: 200,
          body: taskDetail(taken ? { assignee: '另一位受理员', assigneeId: 'u-8' } : {}),
        };
      if (call.url === `/api/tasks/${TASK_ID}/claim`) {
        taken = true;
        return {
          status: 409,
          body: { error: { code: 'TASK_CLAIMED_BY_OTHER', message: 'Another clerk has claimed this task.' } },
        };
      }
      return undefined;
    });
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(button(wrapper, 'claim').exists()).toBe(true));
    expect(text(wrapper, 'materials')).toContain('落户户口簿');
    expect(wrapper.get('[data-testid="material-link"]').attributes('href')).toBe(
      `/api/applications/${APPLICATION_ID}/materials/m-1`,
    );

    // when
    await button(wrapper, 'claim').trigger('click');

    // then
    await eventually(() => expect(text(wrapper, 'task-failure')).toContain('已被其他同事认领'));
    await eventually(() => expect(text(wrapper, 'task-status')).toContain('另一位受理员 正在办理'));
    expect(button(wrapper, 'claim').exists()).toBe(false);
    expect(calls.some((call) => call.url === '/api/tasks?state=open')).toBe(true);
    unmount();
  });

  it('claims with the C key and then offers to complete the task', async () => {
    // given
    let claimed = false;
    const { calls } = stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return { status: 200, body: taskDetail(claimed ? assignedToMe : {}) };
      if (call.url === `/api/tasks/${TASK_ID}/claim`) {
        claimed = true;
        return { status: 204 };
      }
      return undefined;
    });
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(button(wrapper, 'claim').exists()).toBe(true));

    // when
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));

    // then
    await eventually(() => expect(button(wrapper, 'complete').exists()).toBe(true));
    expect(text(wrapper, 'task-notice')).toContain('已认领');
    expect(text(wrapper, 'task-status')).toContain('由您办理');
    expect(calls.filter((call) => call.url.endsWith('/claim') && call.method === 'POST')).toHaveLength(1);
    unmount();
  });

  it("shows the api's field errors at the form field after a rejected completion", async () => {
    // given
    const { calls } = stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return { status: 200, body: taskDetail({ ...assignedToMe, form: acceptanceForm }) };
      if (call.url === `/api/tasks/${TASK_ID}/complete`)
        return {
          status: 400,
          body: {
            error: {
              code: 'FORM_SUBMISSION_INVALID',
              message: 'The form has errors',
              fields: { 'acceptance.decision': '该受理结论与申请材料不符' },
            },
          },
        };
      return undefined;
    });
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() =>
      expect(wrapper.findAll('[data-testid="task-form"] input[type="radio"]')).toHaveLength(2),
    );

    // when
    // the first choice is 受理 (accept)
    await wrapper.findAll('[data-testid="task-form"] input[type="radio"]')[0]?.trigger('click');
    await button(wrapper, 'complete').trigger('click');

    // then
    await eventually(() => expect(text(wrapper, 'task-form')).toContain('该受理结论与申请材料不符'));
    expect(text(wrapper, 'task-failure')).toContain('已在相应字段标出');
    const completion = calls.find((call) => call.url.endsWith('/complete'));
    expect(completion?.body).toEqual({ variables: { acceptance: { decision: 'accept', comment: '' } } });
    unmount();
  });

  it('does not send a completion while the form has a required field empty', async () => {
    // given
    const { calls } = stubApi((call) =>
      call.url === `/api/tasks/${TASK_ID}`
        ? { status: 200, body: taskDetail({ ...assignedToMe, form: acceptanceForm }) }
        : undefined,
    );
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() =>
      expect(wrapper.findAll('[data-testid="task-form"] input[type="radio"]')).toHaveLength(2),
    );

    // when
    await button(wrapper, 'complete').trigger('click');

    // then
    await eventually(() => expect(text(wrapper, 'task-failure')).toContain('需要更正'));
    expect(calls.some((call) => call.url.endsWith('/complete'))).toBe(false);
    unmount();
  });

  it('returns the application with the reason confirmed in a dialog, and goes back to the queue', async () => {
    // given
    const { calls } = stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return { status: 200, body: taskDetail({ ...assignedToMe, form: acceptanceForm }) };
      if (call.url === `/api/tasks/${TASK_ID}/return`) return { status: 204 };
      return undefined;
    });
    const { wrapper, router, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(button(wrapper, 'return').exists()).toBe(true));

    // when: the clerk confirms without a reason first
    await button(wrapper, 'return').trigger('click');
    await eventually(() => expect(document.querySelector('[data-testid="return-dialog"]')).not.toBeNull());
    const dialog = () => document.querySelector<HTMLFormElement>('[data-testid="return-dialog"]');
    dialog()?.dispatchEvent(new Event('submit', { cancelable: true }));

    // then
    await eventually(() => expect(dialog()?.textContent).toContain('请填写退回原因'));
    expect(calls.some((call) => call.url.endsWith('/return'))).toBe(false);

    // when
    const reason = document.querySelector<HTMLTextAreaElement>('#return-reason');
    if (!reason) throw new Error('no reason field');
    reason.value = '  请上传清晰的户口簿户主页。 ';
    reason.dispatchEvent(new Event('input'));
    dialog()?.dispatchEvent(new Event('submit', { cancelable: true }));

    // then
    await eventually(() => expect(router.currentRoute.value.name).toBe('workbench'));
    expect(calls.find((call) => call.url.endsWith('/return'))?.body).toEqual({
      reason: '请上传清晰的户口簿户主页。',
    });
    await eventually(() => expect(wrapper.text()).toContain('已退回申请人补正'));
    unmount();
  });

  it('adds a comment (审批意见) to the application and shows it with its author', async () => {
    // given
    const { calls } = stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`) return { status: 200, body: taskDetail() };
      if (call.url === `/api/tasks/${TASK_ID}/comments` && call.method === 'POST')
        return {
          status: 201,
          body: {
            id: 'c-1',
            at: '2026-11-30T10:00:00+08:00',
            author: 'u-3',
            authorName: '综窗受理员',
            group: 'window',
            text: '材料齐全',
          },
        };
      return undefined;
    });
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(wrapper.find('[data-testid="comment-text"]').exists()).toBe(true));

    // when: an empty comment first, then one with text
    await wrapper.get('[data-testid="comment-submit"]').trigger('click');
    await eventually(() => expect(text(wrapper, 'task-comments')).toContain('请填写意见内容'));
    await wrapper.get('[data-testid="comment-text"]').setValue(' 材料齐全 ');
    await wrapper.get('[data-testid="comment-submit"]').trigger('click');

    // then
    await eventually(() => expect(wrapper.findAll('[data-testid="comment"]')).toHaveLength(1));
    expect(text(wrapper, 'task-comments')).toContain('综窗受理员（综合窗口）');
    expect(calls.filter((call) => call.url.endsWith('/comments') && call.method === 'POST')).toHaveLength(1);
    expect(calls.find((call) => call.url.endsWith('/comments'))?.body).toEqual({ text: '材料齐全' });
    expect(wrapper.get<HTMLTextAreaElement>('[data-testid="comment-text"]').element.value).toBe('');
    unmount();
  });

  it('returns the application naming the fields to correct, picked by their labels in the dialog', async () => {
    // given
    const { calls } = stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return { status: 200, body: taskDetail({ ...assignedToMe, form: acceptanceForm, returnFields }) };
      if (call.url === `/api/tasks/${TASK_ID}/return`) return { status: 204 };
      return undefined;
    });
    const { wrapper, router, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(button(wrapper, 'return').exists()).toBe(true));

    // when: R opens the dialog; the clerk ticks two fields (the later one first) and gives the reason
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));
    await eventually(() => expect(document.querySelector('[data-testid="return-fields"]')).not.toBeNull());
    const list = document.querySelector('[data-testid="return-fields"]');
    expect(list?.textContent).toContain('共同信息');
    expect(list?.textContent).toContain('民政与户籍');
    await eventually(() => expect(document.activeElement?.id).toBe('return-reason'));
    await tick('household.entryParent');
    await tick('child.name');
    typeReason('请核对新生儿姓名和落户方式。');
    await eventually(() =>
      expect(document.querySelector('[data-testid="return-fields-picked"]')?.textContent).toContain(
        '已勾选 2 项：新生儿姓名、随父或随母落户',
      ),
    );
    // Ctrl+Enter sends from the checkbox as from the reason
    document
      .querySelector('input[value="child.name"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));

    // then: the fields go in form order
    await eventually(() => expect(router.currentRoute.value.name).toBe('workbench'));
    expect(calls.find((call) => call.url.endsWith('/return'))?.body).toEqual({
      reason: '请核对新生儿姓名和落户方式。',
      fields: ['child.name', 'household.entryParent'],
    });
    unmount();
  });

  it('keeps the dialog open and says so when the api refuses a field the form does not have', async () => {
    // given
    stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return { status: 200, body: taskDetail({ ...assignedToMe, form: acceptanceForm, returnFields }) };
      if (call.url === `/api/tasks/${TASK_ID}/return`)
        return {
          status: 400,
          body: {
            error: {
              code: 'VALIDATION_FAILED',
              message: 'Validation failed',
              fields: { fields: 'child.name is not a key of the form' },
            },
          },
        };
      return undefined;
    });
    const { wrapper, router, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(button(wrapper, 'return').exists()).toBe(true));
    await button(wrapper, 'return').trigger('click');
    await eventually(() => expect(document.querySelector('[data-testid="return-fields"]')).not.toBeNull());

    // when
    await tick('child.name');
    typeReason('请核对新生儿姓名。');
    document
      .querySelector<HTMLFormElement>('[data-testid="return-dialog"]')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));

    // then
    await eventually(() =>
      expect(document.querySelector('[data-testid="return-problem"]')?.textContent).toContain(
        '所选内容不在这份申请可退回补正的字段中',
      ),
    );
    expect(router.currentRoute.value.name).toBe('workbench-task');
    expect(wrapper.find('[data-testid="task-failure"]').exists()).toBe(false);
    unmount();
  });

  it("lists the fields of the application's own version the api sent, not the bundle's current form", async () => {
    // given: the catalogue's current form asks the birth weight; the application's version
    // asked where to post the social security card instead
    const hr = { id: 'Group_hr', title: { 'zh-CN': '人力资源和社会保障', en: 'Human resources' } };
    const ownVersion = [
      ...returnFields,
      {
        key: 'socialSecurityCard.deliveryAddress',
        label: { 'zh-CN': '社保卡邮寄地址', en: 'Card delivery address' },
        section: hr,
      },
    ];
    const currentForm = {
      type: 'default',
      components: [
        { type: 'number', id: 'Field_child_birthWeight', key: 'child.birthWeight', label: '出生体重（克）' },
      ],
    };
    stubApi((call) => {
      if (call.url === `/api/tasks/${TASK_ID}`)
        return {
          status: 200,
          body: taskDetail({ ...assignedToMe, form: acceptanceForm, returnFields: ownVersion }),
        };
      if (call.url === '/api/bundles/newborn')
        return { status: 200, body: { ...bundles[0], form: currentForm } };
      return undefined;
    });
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);
    await eventually(() => expect(button(wrapper, 'return').exists()).toBe(true));

    // when
    await button(wrapper, 'return').trigger('click');
    await eventually(() => expect(document.querySelector('[data-testid="return-fields"]')).not.toBeNull());

    // then: exactly the api's fields, by section, labelled in Chinese
    const list = () => document.querySelector('[data-testid="return-fields"]');
    const boxes = [...document.querySelectorAll<HTMLInputElement>('[data-testid="return-fields"] input')];
    expect(boxes.map((box) => box.value)).toEqual(ownVersion.map((field) => field.key));
    expect(list()?.textContent).toContain('人力资源和社会保障');
    expect(list()?.textContent).toContain('社保卡邮寄地址');
    expect(list()?.textContent).not.toContain('出生体重');

    // when the clerk switches to English
    setLocale('en');

    // then the same fields carry the form's English labels
    await eventually(() => expect(list()?.textContent).toContain('Card delivery address'));
    expect(list()?.textContent).toContain('Shared information');
    expect(list()?.textContent).toContain('Registered with father or mother');
    expect(list()?.textContent).not.toContain('社保卡邮寄地址');
    unmount();
  });

  it('leaves a task read-only that a colleague with the same display name holds', async () => {
    // given: the api names the holder 综窗受理员, as the signed-in clerk is named; the ids differ
    stubApi((call) =>
      call.url === `/api/tasks/${TASK_ID}`
        ? {
            status: 200,
            body: taskDetail({ assignee: assignedToMe.assignee, assigneeId: 'u-7', form: acceptanceForm }),
          }
        : undefined,
    );

    // when
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);

    // then
    await eventually(() => expect(text(wrapper, 'task-status')).toContain('综窗受理员 正在办理'));
    expect(button(wrapper, 'complete').exists()).toBe(false);
    expect(button(wrapper, 'return').exists()).toBe(false);
    expect(text(wrapper, 'task-hint')).toContain('您只能查看和添加意见');
    unmount();
  });

  it("shows a supervisor a low rating's follow-up without asking for the application, which is for clerks", async () => {
    // given
    const supervisor = {
      id: 'u-9',
      username: 'supervisor1',
      displayName: '监督员',
      roles: ['supervisor'],
      groups: ['supervisor'],
    };
    const followUp = taskDetail({
      name: '差评回访',
      candidateGroups: ['supervisor'],
      form: {
        type: 'default',
        id: 'Form_Platform_RatingFollowUp',
        schemaVersion: 19,
        components: [
          { type: 'text', id: 'Text_Heading', text: '评分：{{rating.score}} 分。{{rating.comment}}' },
          { type: 'textarea', id: 'Field_followUp_note', key: 'followUp.note', label: '回访记录' },
        ],
      },
      data: { rating: { score: 2, comment: '等了很久' } },
      history: [
        { at: '2026-11-30T09:00:00+08:00', event: 'part.done', by: null },
        { at: '2026-11-30T10:00:00+08:00', event: 'application.rated', by: '张三' },
      ],
    });
    const { calls } = stubApi((call) => {
      if (call.url === '/api/auth/me') return { status: 200, body: { user: supervisor } };
      if (call.url === `/api/tasks/${TASK_ID}`) return { status: 200, body: followUp };
      return undefined;
    });

    // when
    const { wrapper, unmount } = await mountAppAt(`/workbench/tasks/${TASK_ID}`);

    // then
    await eventually(() => expect(text(wrapper, 'task-form')).toContain('评分：2 分。等了很久'));
    expect(calls.some((call) => call.url.startsWith('/api/applications/'))).toBe(false);
    expect(text(wrapper, 'task-history')).toContain('部门办理完成');
    expect(text(wrapper, 'task-history')).toContain('申请人评价');
    expect(wrapper.find('[data-testid="application-error"]').exists()).toBe(false);
    unmount();
  });
});
