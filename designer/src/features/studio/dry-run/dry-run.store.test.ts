import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../app/fake-fetch.test-support.ts';
import { POLL_MS, useDryRunStore } from './dry-run.store.ts';

const RUN_ID = '6f1c3a52-8d0e-4b7a-9c61-2f5d8e7a4b10';
const TASK_ID = '0b9e4c1d-2a3f-4e5b-8c7d-6e5f4a3b2c1d';
const RUN_URL = `/api/studio/dry-runs/${RUN_ID}`;
const XML = '<bpmn:definitions id="d"/>';

function element(elementId: string, state: 'ACTIVE' | 'COMPLETED', key: string) {
  return {
    key,
    elementId,
    elementType: elementId.startsWith('Task') ? 'USER_TASK' : 'START_EVENT',
    state,
    startedAt: '2026-11-29T10:00:00.000Z',
    endedAt: state === 'ACTIVE' ? null : '2026-11-29T10:00:01.000Z',
  };
}

/** The run as the api shows it: first waiting at the window, then past it, then done. */
function view(stage: 'window' | 'review' | 'done' | 'cancelled') {
  const windowOpen = stage === 'window' || stage === 'cancelled';
  return {
    id: RUN_ID,
    bundleKey: 'newborn',
    draftVersion: 4,
    citizen: 'citizen1',
    processInstanceKey: '2251799813685300',
    processDefinitionKey: '2251799813685290',
    bpmnProcessId: 'onething-newborn__dryrun',
    state: stage === 'done' ? 'COMPLETED' : stage === 'cancelled' ? 'CANCELLED' : 'ACTIVE',
    cancelReason: stage === 'cancelled' ? 'designer' : null,
    startedAt: '2026-11-29T10:00:00.000Z',
    startedBy: 'designer1',
    endedAt: stage === 'done' ? '2026-11-29T10:05:00.000Z' : null,
    elements: [
      element('StartEvent_1', 'COMPLETED', '1'),
      element('Task_WindowAccept', windowOpen ? 'ACTIVE' : 'COMPLETED', '2'),
      ...(stage === 'review' ? [element('Task_BirthCertificate', 'ACTIVE', '3')] : []),
    ],
    incidents:
      stage === 'review'
        ? [
            {
              key: '9',
              state: 'ACTIVE',
              processInstanceKey: '2251799813685300',
              bpmnProcessId: 'onething-newborn__dryrun',
              elementId: 'Task_BirthCertificate',
              elementInstanceKey: '3',
              errorType: 'JOB_NO_RETRIES',
              errorMessage: 'health registry unavailable',
              jobKey: '8',
              createdAt: '2026-11-29T10:01:00.000Z',
            },
          ]
        : [],
    variables: { applicant: { name: '王芳' } },
    outcomes: [{ service: 'birthCertificate', department: 'health', status: 'pending' }],
    tasks: [
      {
        id: TASK_ID,
        elementId: 'Task_WindowAccept',
        name: '综窗受理',
        candidateGroups: ['window'],
        state: windowOpen ? (stage === 'cancelled' ? 'cancelled' : 'open') : 'completed',
        createdAt: '2026-11-29T10:00:00.000Z',
        completedAt: windowOpen ? null : '2026-11-29T10:00:30.000Z',
        completedBy: windowOpen ? null : 'designer1',
        form: stage === 'window' ? { components: [] } : null,
      },
    ],
  };
}

function dryRunServer(options: { sandbox?: boolean } = {}) {
  let stage: 'window' | 'review' | 'done' | 'cancelled' = 'window';
  const fake = fakeFetch((call) => {
    if (call.url === '/api/studio/test-citizens') {
      return {
        status: 200,
        body: {
          available: options.sandbox ?? true,
          citizens: [{ key: 'citizen1', name: '王芳', idNumber: '330106**********44' }],
        },
      };
    }
    if (call.url === '/api/studio/bundles/newborn/dry-runs' && call.method === 'POST') {
      if (options.sandbox === false) {
        return { status: 409, body: { error: { code: 'DRY_RUN_NEEDS_SANDBOX', message: 'Sandbox only.' } } };
      }
      return {
        status: 201,
        body: {
          id: RUN_ID,
          processInstanceKey: '2251799813685300',
          processDefinitionKey: '2251799813685290',
        },
      };
    }
    if (call.url === RUN_URL && call.method === 'GET') return { status: 200, body: view(stage) };
    if (call.url === `${RUN_URL}/bpmn`) return { status: 200, text: XML };
    if (call.url === `${RUN_URL}/tasks/${TASK_ID}/complete`) {
      const body = call.body as { defaults?: boolean; variables?: Record<string, unknown> };
      if (body.defaults !== true && body.variables?.['acceptance'] === undefined) {
        return {
          status: 400,
          body: {
            error: {
              code: 'FORM_SUBMISSION_INVALID',
              message: 'The form has errors.',
              fields: { 'acceptance.decision': '此项为必填项。' },
            },
          },
        };
      }
      stage = 'review';
      return { status: 200, body: view(stage) };
    }
    if (call.url === RUN_URL && call.method === 'DELETE') {
      stage = 'cancelled';
      return { status: 200, body: view(stage) };
    }
    return undefined;
  });
  return { ...fake, finish: () => (stage = 'done') };
}

describe('dry-run store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => {
    useDryRunStore().close();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts a run of the saved draft for the chosen citizen and shows where it waits', async () => {
    // given
    const server = dryRunServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useDryRunStore();
    await store.open();

    // when
    const started = await store.start('newborn', 4);

    // then
    expect(started).toBe(true);
    expect(store.citizen).toBe('citizen1');
    expect(server.calls.find((call) => call.method === 'POST')?.body).toEqual({
      version: 4,
      citizen: 'citizen1',
    });
    expect(store.bpmn).toBe(XML);
    expect(store.running).toBe(true);
    expect(store.openTasks.map((task) => task.elementId)).toEqual(['Task_WindowAccept']);
    expect(store.states.find((state) => state.elementId === 'Task_WindowAccept')).toMatchObject({
      status: 'active',
      active: 1,
    });
  });

  it('follows the run while the engine runs it and stops once it has ended', async () => {
    // given
    const server = dryRunServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useDryRunStore();
    await store.open();
    await store.start('newborn', 4);
    const gets = () => server.calls.filter((call) => call.url === RUN_URL && call.method === 'GET').length;

    // when
    await vi.advanceTimersByTimeAsync(POLL_MS);
    const whileRunning = gets();
    server.finish();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);

    // then
    expect(whileRunning).toBe(2);
    expect(store.run?.state).toBe('COMPLETED');
    expect(store.running).toBe(false);
    expect(gets()).toBe(3);
  });

  it('completes a task with defaults and shows the incident the registry then caused', async () => {
    // given
    vi.stubGlobal('fetch', dryRunServer().fetch);
    const store = useDryRunStore();
    await store.open();
    await store.start('newborn', 4);

    // when
    const done = await store.complete(TASK_ID, { defaults: true });

    // then
    expect(done).toBe(true);
    expect(store.openTasks).toEqual([]);
    expect(store.activeIncidents.map((incident) => incident.errorMessage)).toEqual([
      'health registry unavailable',
    ]);
    expect(store.states.find((state) => state.elementId === 'Task_BirthCertificate')?.status).toBe(
      'incident',
    );
  });

  it('keeps the task open and names the field when a completion misses a required value', async () => {
    // given
    vi.stubGlobal('fetch', dryRunServer().fetch);
    const store = useDryRunStore();
    await store.open();
    await store.start('newborn', 4);

    // when
    const done = await store.complete(TASK_ID, { variables: {} });

    // then
    expect(done).toBe(false);
    expect(store.refusal).toMatchObject({
      kind: 'fields',
      fields: { 'acceptance.decision': '此项为必填项。' },
    });
    expect(store.openTasks).toHaveLength(1);
  });

  it('cancels the run and stops following it', async () => {
    // given
    const server = dryRunServer();
    vi.stubGlobal('fetch', server.fetch);
    const store = useDryRunStore();
    await store.open();
    await store.start('newborn', 4);

    // when
    await store.cancel();
    const calls = server.calls.length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);

    // then
    expect(store.run?.state).toBe('CANCELLED');
    expect(store.openTasks).toEqual([]);
    expect(server.calls.length).toBe(calls);
  });

  it('says the deployment has no sandbox and does not start', async () => {
    // given
    vi.stubGlobal('fetch', dryRunServer({ sandbox: false }).fetch);
    const store = useDryRunStore();
    await store.open();

    // when
    const started = await store.start('newborn', 4);

    // then
    expect(store.citizens?.available).toBe(false);
    expect(started).toBe(false);
    expect(store.refusal).toMatchObject({ kind: 'error' });
    expect(store.run).toBeNull();
  });
});
