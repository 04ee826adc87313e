import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../app/fake-fetch.test-support.ts';
import { i18n, setLocale } from '../../../app/i18n/index.ts';
import { eventually } from '../../../app/mount-app.test-support.ts';
import DryRunPanel from './DryRunPanel.vue';

const RUN_ID = '6f1c3a52-8d0e-4b7a-9c61-2f5d8e7a4b10';
const RUN_URL = `/api/studio/dry-runs/${RUN_ID}`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="onething-newborn__dryrun" isExecutable="true" />
</bpmn:definitions>`;

type Stage = 'running' | 'expired' | 'cancelled';

/** The run as the api shows it: waiting at the window, then cancelled by the designer or by the api. */
function view(stage: Stage) {
  return {
    id: RUN_ID,
    bundleKey: 'newborn',
    draftVersion: 4,
    citizen: 'citizen1',
    processInstanceKey: '2251799813685300',
    processDefinitionKey: '2251799813685290',
    bpmnProcessId: 'onething-newborn__dryrun',
    state: stage === 'running' ? 'ACTIVE' : 'CANCELLED',
    cancelReason: stage === 'running' ? null : stage === 'expired' ? 'expired' : 'designer',
    startedAt: '2026-11-20T10:00:00.000Z',
    startedBy: 'designer1',
    endedAt: stage === 'running' ? null : '2026-11-27T10:30:00.000Z',
    elements: [],
    incidents: [],
    variables: {},
    outcomes: [{ service: 'birthCertificate', department: 'health', status: 'pending' }],
    tasks: [],
  };
}

function dryRunServer() {
  let stage: Stage = 'running';
  const fake = fakeFetch((call) => {
    if (call.url === '/api/studio/test-citizens') {
      return {
        status: 200,
        body: {
          available: true,
          citizens: [{ key: 'citizen1', name: '王芳', idNumber: '330106**********44' }],
        },
      };
    }
    if (call.url === '/api/studio/bundles/newborn/dry-runs' && call.method === 'GET') {
      return { status: 200, body: [] };
    }
    if (call.url === '/api/studio/bundles/newborn/dry-runs' && call.method === 'POST') {
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
    if (call.url === RUN_URL && call.method === 'DELETE') {
      stage = 'cancelled';
      return { status: 200, body: view(stage) };
    }
    if (call.url === `${RUN_URL}/bpmn`) return { status: 200, text: XML };
    return undefined;
  });
  return { ...fake, expire: () => (stage = 'expired') };
}

async function startedPanel() {
  const wrapper = mount(DryRunPanel, {
    props: { bundleKey: 'newborn', title: '新生儿出生一件事', version: 4, dirty: false, modelValue: true },
    // happy-dom has no SVG geometry for bpmn-js; the diagram is the Monitor's and tested in the browser.
    global: { plugins: [createPinia(), i18n], stubs: { BpmnDiagram: true } },
    attachTo: document.body,
  });
  await eventually(() => expect(document.querySelector('[data-testid="dry-run-start"]')).not.toBeNull());
  document.querySelector<HTMLButtonElement>('[data-testid="dry-run-start"]')?.click();
  await eventually(() =>
    expect(document.querySelector('[data-testid="dry-run-run"]')?.getAttribute('data-state')).toBe('ACTIVE'),
  );
  return wrapper;
}

const reason = () => document.querySelector('[data-testid="dry-run-cancel-reason"]');

describe('DryRunPanel', () => {
  afterEach(() => {
    setLocale('zh-CN');
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('says that the api cancelled a run left idle', async () => {
    // given
    const server = dryRunServer();
    vi.stubGlobal('fetch', server.fetch);
    const wrapper = await startedPanel();
    expect(reason()).toBeNull();

    // when the api expires it while the panel follows it
    server.expire();

    // then
    await eventually(() => expect(reason()?.textContent).toContain('已因长时间未操作自动取消'));
    expect(document.querySelector('[data-testid="dry-run-state"]')?.textContent).toContain('已取消');
    expect(reason()?.getAttribute('data-reason')).toBe('expired');
    setLocale('en');
    await flushPromises();
    expect(reason()?.textContent).toContain('Cancelled automatically after being left idle');
    wrapper.unmount();
  });

  it('says that a designer cancelled the run', async () => {
    // given
    const server = dryRunServer();
    vi.stubGlobal('fetch', server.fetch);
    const wrapper = await startedPanel();

    // when
    document.querySelector<HTMLButtonElement>('[data-testid="dry-run-cancel"]')?.click();
    await eventually(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    document.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')?.click();

    // then
    await eventually(() => expect(reason()?.textContent).toContain('已由设计人员取消'));
    expect(server.calls.some((call) => call.url === RUN_URL && call.method === 'DELETE')).toBe(true);
    wrapper.unmount();
  });
});
