import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeCall } from '../../../app/fake-fetch.test-support.ts';
import { i18n, setLocale } from '../../../app/i18n/index.ts';
import { eventually } from '../../../app/mount-app.test-support.ts';
import DryRunPanel from './DryRunPanel.vue';

// The panel's list of the bundle's recent dry runs, through the real store and api client:
// only fetch is faked, answering as api/HTTP-API.md ("Dry runs") says.

const RUNNING = '6f1c3a52-8d0e-4b7a-9c61-2f5d8e7a4b10';
const EXPIRED = '0b9e2d41-7c3f-4a8e-8d15-3e6f9a2c5d70';
const STARTED = 'c4a8f0e2-1b6d-4f3a-9e27-5d8c1b0a7f36';
const TASK = '9d2e4f60-3a1b-4c8d-8e5f-7a6b9c0d1e23';
const LIST_URL = '/api/studio/bundles/newborn/dry-runs';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="onething-newborn__dryrun" isExecutable="true" />
</bpmn:definitions>`;

const listed = (id: string, over: Record<string, unknown>) => ({
  id,
  draftVersion: 4,
  citizen: 'citizen1',
  processInstanceKey: '2251799813685300',
  state: 'running',
  cancelReason: null,
  startedAt: '2026-11-20T02:00:00.000Z',
  startedBy: 'designer1',
  ...over,
});

/** The running run's detail: waiting at the window's task until the designer completes it. */
function detail(id: string, completed: boolean, cancelled = false) {
  return {
    id,
    bundleKey: 'newborn',
    draftVersion: 4,
    citizen: 'citizen1',
    processInstanceKey: '2251799813685300',
    processDefinitionKey: '2251799813685290',
    bpmnProcessId: 'onething-newborn__dryrun',
    state: cancelled ? 'CANCELLED' : completed ? 'COMPLETED' : 'ACTIVE',
    cancelReason: cancelled ? 'designer' : null,
    startedAt: '2026-11-20T02:00:00.000Z',
    startedBy: 'designer1',
    endedAt: completed ? '2026-11-29T09:00:00.000Z' : null,
    elements: [],
    incidents: [],
    variables: {},
    outcomes: [{ service: 'birthCertificate', department: 'health', status: completed ? 'done' : 'pending' }],
    tasks: [
      {
        id: TASK,
        elementId: 'Task_WindowAccept',
        name: '窗口受理',
        candidateGroups: ['window'],
        state: cancelled ? 'cancelled' : completed ? 'completed' : 'open',
        createdAt: '2026-11-20T02:00:05.000Z',
        completedAt: completed ? '2026-11-29T09:00:00.000Z' : null,
        completedBy: completed ? 'designer1' : null,
        form: null,
      },
    ],
  };
}

type ListReply = { status: number; body?: unknown };

/** The api: two earlier runs of newborn (one waiting, one expired), or the list reply given. */
function studioServer(firstList?: ListReply) {
  let completed = false;
  let cancelled = false;
  let started = false;
  let listReply = firstList;
  const fake = fakeFetch((call: FakeCall) => {
    if (call.url === '/api/studio/test-citizens') {
      return {
        status: 200,
        body: {
          available: true,
          citizens: [
            { key: 'citizen1', name: '王芳', idNumber: '330106**********44' },
            { key: 'citizen2', name: '李建国', idNumber: '330105**********12' },
          ],
        },
      };
    }
    if (call.url === LIST_URL && call.method === 'GET') {
      if (listReply) return listReply;
      return {
        status: 200,
        body: [
          ...(started ? [listed(STARTED, { draftVersion: 5, startedAt: '2026-11-29T08:00:00.000Z' })] : []),
          listed(RUNNING, {
            state: cancelled ? 'cancelled' : completed ? 'completed' : 'running',
            cancelReason: cancelled ? 'designer' : null,
          }),
          listed(EXPIRED, {
            draftVersion: 3,
            citizen: 'citizen2',
            state: 'cancelled',
            cancelReason: 'expired',
            startedAt: '2026-11-10T02:00:00.000Z',
            startedBy: 'designer2',
          }),
        ],
      };
    }
    if (call.url === LIST_URL && call.method === 'POST') {
      started = true;
      return {
        status: 201,
        body: {
          id: STARTED,
          processInstanceKey: '2251799813685400',
          processDefinitionKey: '2251799813685290',
        },
      };
    }
    if (call.url === `/api/studio/dry-runs/${RUNNING}` && call.method === 'GET') {
      return { status: 200, body: detail(RUNNING, completed, cancelled) };
    }
    if (call.url === `/api/studio/dry-runs/${RUNNING}` && call.method === 'DELETE') {
      cancelled = true;
      return { status: 200, body: detail(RUNNING, false, true) };
    }
    if (call.url === `/api/studio/dry-runs/${STARTED}` && call.method === 'GET') {
      return { status: 200, body: { ...detail(STARTED, false), draftVersion: 5 } };
    }
    if (call.url === `/api/studio/dry-runs/${RUNNING}/tasks/${TASK}/complete`) {
      completed = true;
      return { status: 200, body: detail(RUNNING, true) };
    }
    if (call.url.endsWith('/bpmn')) return { status: 200, text: XML };
    return undefined;
  });
  return { ...fake, answerList: (reply: ListReply | undefined) => (listReply = reply) };
}

function openPanel() {
  return mount(DryRunPanel, {
    props: { bundleKey: 'newborn', title: '新生儿出生一件事', version: 5, dirty: false, modelValue: true },
    // happy-dom has no SVG geometry for bpmn-js; the diagram is the Monitor's and tested in the browser.
    global: { plugins: [createPinia(), i18n], stubs: { BpmnDiagram: true } },
    attachTo: document.body,
  });
}

const list = () => document.querySelector('[data-testid="dry-run-list"]');
const rowState = (id: string) =>
  document.querySelector(`[data-testid="dry-run-list-state"][data-id="${id}"]`)?.textContent?.trim();
const listCalls = (calls: FakeCall[]) => calls.filter((c) => c.url === LIST_URL && c.method === 'GET').length;
const click = (selector: string) => document.querySelector<HTMLButtonElement>(selector)?.click();

describe('the dry-run panel’s recent runs', () => {
  afterEach(() => {
    setLocale('zh-CN');
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the bundle’s runs with draft, masked test citizen, state and who started them when', async () => {
    // given
    vi.stubGlobal('fetch', studioServer().fetch);

    // when
    const wrapper = openPanel();

    // then
    await eventually(() => expect(rowState(EXPIRED)).toBe('已取消 · 闲置过期'));
    expect(rowState(RUNNING)).toBe('运行中');
    const text = list()?.textContent ?? '';
    expect(text).toContain('最近的试运行');
    expect(text).toContain('王芳（330106**********44）');
    expect(text).toContain('李建国（330105**********12）');
    expect(text).toContain('v3');
    expect(text).toContain('designer2');
    expect(text).toContain('2026年11月20日 10:00');
    setLocale('en');
    await flushPromises();
    expect(rowState(EXPIRED)).toBe('Cancelled · left idle');
    expect(rowState(RUNNING)).toBe('Running');
    expect(list()?.textContent).toContain('Recent dry runs');
    expect(list()?.textContent).toContain('20 Nov 2026, 10:00');
    wrapper.unmount();
  });

  it('opens a running run from the list and completes its task there, and the list follows', async () => {
    // given
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const wrapper = openPanel();
    await eventually(() => expect(rowState(RUNNING)).toBe('运行中'));

    // when the designer opens the run they left
    click(`[data-testid="dry-run-list-open"][data-id="${RUNNING}"]`);

    // then it shows as a just-started run does, with its diagram and its waiting task
    await eventually(() =>
      expect(document.querySelector('[data-testid="dry-run-run"]')?.getAttribute('data-state')).toBe(
        'ACTIVE',
      ),
    );
    expect(server.calls.some((c) => c.url === `/api/studio/dry-runs/${RUNNING}/bpmn`)).toBe(true);
    expect(document.querySelector('[data-testid="dry-run-cancel"]')).not.toBeNull();
    const task = document.querySelector('[data-testid="dry-run-task"]');
    expect(task?.textContent).toContain('窗口受理');

    // when the task is completed with defaults
    task?.querySelector<HTMLButtonElement>('button')?.click();

    // then the run ends, and the list is read again and says so
    await eventually(() =>
      expect(document.querySelector('[data-testid="dry-run-run"]')?.getAttribute('data-state')).toBe(
        'COMPLETED',
      ),
    );
    const completion = server.calls.find((c) => c.url.endsWith(`/tasks/${TASK}/complete`));
    expect(completion?.body).toEqual({ defaults: true });
    await eventually(() => expect(rowState(RUNNING)).toBe('已结束'));
    expect(listCalls(server.calls)).toBe(2);
    wrapper.unmount();
  });

  it('reads the list again once the opened run is cancelled', async () => {
    // given the designer reopened a running run
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const wrapper = openPanel();
    await eventually(() => expect(rowState(RUNNING)).toBe('运行中'));
    click(`[data-testid="dry-run-list-open"][data-id="${RUNNING}"]`);
    await eventually(() => expect(document.querySelector('[data-testid="dry-run-cancel"]')).not.toBeNull());

    // when they cancel it
    click('[data-testid="dry-run-cancel"]');
    await eventually(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    click('.el-message-box__btns .el-button--primary');

    // then
    await eventually(() => expect(rowState(RUNNING)).toBe('已取消 · 设计人员取消'));
    expect(
      server.calls.some((c) => c.url === `/api/studio/dry-runs/${RUNNING}` && c.method === 'DELETE'),
    ).toBe(true);
    wrapper.unmount();
  });

  it('reads the list again once a new run started', async () => {
    // given
    const server = studioServer();
    vi.stubGlobal('fetch', server.fetch);
    const wrapper = openPanel();
    await eventually(() => expect(rowState(RUNNING)).toBe('运行中'));

    // when
    click('[data-testid="dry-run-start"]');

    // then
    await eventually(() => expect(rowState(STARTED)).toBe('运行中'));
    expect(list()?.textContent).toContain('当前显示');
    expect(listCalls(server.calls)).toBe(2);
    wrapper.unmount();
  });

  it('says that there are no dry runs yet', async () => {
    // given
    vi.stubGlobal('fetch', studioServer({ status: 200, body: [] }).fetch);

    // when
    const wrapper = openPanel();

    // then
    const empty = () => document.querySelector('[data-testid="dry-run-list-empty"]')?.textContent?.trim();
    await eventually(() => expect(empty()).toBe('还没有试运行'));
    setLocale('en');
    await flushPromises();
    expect(empty()).toBe('No dry runs yet');
    wrapper.unmount();
  });

  it('says when the list cannot be read, and reads it again on refresh', async () => {
    // given
    const server = studioServer({
      status: 503,
      body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'unavailable' } },
    });
    vi.stubGlobal('fetch', server.fetch);
    const wrapper = openPanel();
    await eventually(() =>
      expect(document.querySelector('[data-testid="dry-run-list-error"]')?.textContent).toContain(
        '无法加载试运行记录',
      ),
    );

    // when the api is back and the designer refreshes
    server.answerList(undefined);
    click('[data-testid="dry-run-list-refresh"]');

    // then
    await eventually(() => expect(rowState(RUNNING)).toBe('运行中'));
    expect(document.querySelector('[data-testid="dry-run-list-error"]')).toBeNull();
    wrapper.unmount();
  });

  it('refuses a list with a malformed row, saying so', async () => {
    // given
    const bad = [listed(RUNNING, {}), listed(EXPIRED, { state: 'expired' })];
    vi.stubGlobal('fetch', studioServer({ status: 200, body: bad }).fetch);

    // when
    const wrapper = openPanel();

    // then
    await eventually(() =>
      expect(document.querySelector('[data-testid="dry-run-list-error"]')).not.toBeNull(),
    );
    expect(rowState(RUNNING)).toBeUndefined();
    wrapper.unmount();
  });
});
