import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  applyForBirthCertificate,
  completeTask,
  diagramBadge,
  elementMarker,
  refreshUntilMarker,
  newestRunningInstance,
  registryFaults,
  retryIncidentInBrowser,
  waitForDiagram,
  waitForIncident,
} from './steps/monitor.steps.ts';
import {
  PHONE_VIEWPORT,
  expectAllPartsDone,
  fillNewbornForm,
  openApplication,
  reviewAndSubmit,
  samplePdf,
  uploadMaterial,
} from './steps/portal.steps.ts';
import {
  appendTask,
  applyDepartmentTemplate,
  newbornApplicationData,
  openBundle,
  publishBundle,
  saveDraft,
} from './steps/studio.steps.ts';
import {
  acceptApplication,
  completeDepartmentReview,
  deliverResults,
  signInAsClerk,
} from './steps/workbench.steps.ts';
import { apiSession, isRecord, signIn } from './steps/session.steps.ts';
import { screenshot } from './support/browser.ts';
import { usePlatformSession } from './support/platform-session.ts';

// The whole journey of the issue, in one platform started as `pnpm start` does: a citizen
// applies for newborn on a phone, the window accepts, the departments review, the citizen
// sees every part done with its result; a designer publishes a new version that the next
// application runs on; a supervisor sees the finished instance on its diagram and retries
// an incident. The area tests (portal, workbench, studio, monitor) test each part in depth.

const ADMIN_TOKEN = 'journey-e2e-admin-token';
/** The department operation the designer adds (element template id). */
const SOCIAL_SECURITY_CARD = 'onething.hr.issue-social-security-card';

const session = usePlatformSession({ registriesAdminToken: ADMIN_TOKEN });
const baseUrl = () => session.baseUrl();

/** A fresh browser for one person, watched for problems. */
function openPage(viewport?: { width: number; height: number }): Promise<Page> {
  return session.openPage(viewport ? { viewport } : {});
}

/**
 * Waits until the application's task `name` is open for the clerk's groups (the departments'
 * connectors run first); on a timeout, says where the application stands and what is open.
 */
async function waitForTask(clerk: string, applicationId: string, name: string): Promise<void> {
  const session = await apiSession(baseUrl(), clerk);
  const open = async () => {
    const answer = await session.request('GET', '/api/tasks?state=open');
    return Array.isArray(answer.body) ? answer.body.filter(isRecord) : [];
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const tasks = await open();
    if (tasks.some((task) => task.applicationId === applicationId && task.name === name)) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const supervisor = await apiSession(baseUrl(), 'supervisor1');
  const detail = await (
    await apiSession(baseUrl(), 'citizen1')
  ).request('GET', `/api/applications/${applicationId}`);
  const instances = await supervisor.request(
    'GET',
    '/api/monitor/instances?bpmnProcessId=onething-newborn&state=ACTIVE',
  );
  const items = isRecord(instances.body) && Array.isArray(instances.body.items) ? instances.body.items : [];
  const views = await Promise.all(
    items
      .filter(isRecord)
      .map((item) => supervisor.request('GET', `/api/monitor/instances/${String(item.key)}`)),
  );
  const openTasks = await Promise.all(
    ['hr1', 'tax1', 'health1', 'civil1'].map(async (user) => [
      user,
      await (await apiSession(baseUrl(), user)).request('GET', '/api/tasks?state=open'),
    ]),
  );
  throw new Error(
    `no open task ${name} for ${applicationId} after 3 minutes; application ${JSON.stringify(
      isRecord(detail.body) ? { status: detail.body.status, parts: detail.body.parts } : detail.body,
    )}; ${clerk}'s open tasks ${JSON.stringify(await open())}; others ${JSON.stringify(openTasks)}; instances ${JSON.stringify(views.map((view) => view.body))}`,
  );
}

describe('the whole journey', () => {
  it('takes a newborn application from the citizen through the clerks back to the citizen, then a new published version and the supervisor', async () => {
    // A citizen applies on a phone.
    const phone = await openPage(PHONE_VIEWPORT);
    await signIn(phone, baseUrl(), 'citizen1');
    await openApplication(phone, baseUrl(), '新生儿出生一件事');
    await fillNewbornForm(phone);
    await uploadMaterial(phone, 'household-register', samplePdf());
    const applicationId = await reviewAndSubmit(phone);
    await screenshot(phone, 'journey-1-citizen-submitted');

    // The window accepts; the health and civil clerks approve their reviews; the window delivers.
    const window = await openPage();
    await signInAsClerk(window, baseUrl(), 'window1');
    await acceptApplication(window, applicationId);
    for (const clerk of ['health1', 'civil1']) {
      const page = await openPage();
      await signInAsClerk(page, baseUrl(), clerk);
      await completeDepartmentReview(page, applicationId);
      await screenshot(page, `journey-2-${clerk}-done`);
    }
    await waitForTask('window1', applicationId, '统一出件');
    await deliverResults(window, applicationId);
    await screenshot(window, 'journey-3-window-delivered');

    // The citizen sees every part done, with its result numbers.
    await phone.goto(`${baseUrl()}/portal/applications/${applicationId}`);
    const results = await expectAllPartsDone(phone);
    expect(results).toMatch(/Q\d{9}/); // the birth medical certificate's number
    await screenshot(phone, 'journey-4-citizen-all-done');

    // A designer adds a department operation to newborn and publishes a new version.
    const studio = await openPage({ width: 1440, height: 900 });
    await signIn(studio, baseUrl(), 'designer1');
    await openBundle(studio, baseUrl(), 'newborn');
    const task = await appendTask(studio, 'Gateway_Join3');
    await applyDepartmentTemplate(studio, task, SOCIAL_SECURITY_CARD, '社会保障卡');
    await saveDraft(studio);
    const version = await publishBundle(studio);
    await screenshot(studio, 'journey-5-designer-published');

    // A new application runs on the new version.
    const designer = await apiSession(baseUrl(), 'designer1');
    const draft = await designer.get('/api/studio/bundles/newborn');
    const published = isRecord(draft.body) && isRecord(draft.body.published) ? draft.body.published : {};
    expect(published).toMatchObject({ version });
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const submitted = await citizen.post('/api/applications', {
      bundleKey: 'newborn',
      data: await newbornApplicationData(citizen),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const supervisor = await apiSession(baseUrl(), 'supervisor1');
    await expect
      .poll(async () => {
        const answer = await supervisor.request(
          'GET',
          '/api/monitor/instances?bpmnProcessId=onething-newborn&limit=1',
        );
        return isRecord(answer.body) && Array.isArray(answer.body.items) ? answer.body.items[0] : undefined;
      })
      .toMatchObject({ processDefinitionKey: published.processDefinitionKey, state: 'ACTIVE' });

    // The supervisor sees the first application's finished instance on the diagram ...
    const monitor = await openPage();
    await signIn(monitor, baseUrl(), 'supervisor1');
    const finished = await supervisor.request(
      'GET',
      '/api/monitor/instances?bpmnProcessId=onething-newborn&state=COMPLETED',
    );
    const [completed] =
      isRecord(finished.body) && Array.isArray(finished.body.items) ? finished.body.items : [];
    const completedKey = isRecord(completed) ? completed.key : undefined;
    expect(completedKey).toEqual(expect.any(String));
    await monitor.goto(`${baseUrl()}/monitor/instances/${completedKey}`);
    await waitForDiagram(monitor);
    expect(await elementMarker(monitor, 'Task_DeliverResults')).toBe('ot-element--completed');
    await screenshot(monitor, 'journey-6-supervisor-completed-instance');

    // ... and retries an incident once the registry that caused it is back.
    const faults = registryFaults(session.registriesUrl(), ADMIN_TOKEN);
    await faults.outage('health');
    const failing = await applyForBirthCertificate(citizen);
    await completeTask(await apiSession(baseUrl(), 'window1'), failing, {
      acceptance: { decision: 'accept', comment: '材料齐全' },
    });
    await completeTask(await apiSession(baseUrl(), 'health1'), failing, {
      review: { decision: 'approve', comment: '信息无误' },
    });
    const instanceKey = await newestRunningInstance(supervisor, 'onething-newborn');
    const incident = await waitForIncident(supervisor, instanceKey, 'Task_BirthCertificate');
    await faults.clear('health');
    await monitor.goto(`${baseUrl()}/monitor/incidents`);
    await retryIncidentInBrowser(monitor, incident.key);
    await monitor.goto(`${baseUrl()}/monitor/instances/${instanceKey}`);
    await refreshUntilMarker(monitor, 'Task_BirthCertificate', 'ot-element--completed', 60_000);
    expect(await diagramBadge(monitor, 'Task_BirthCertificate', 'incident')).toBeNull();
    await screenshot(monitor, 'journey-7-supervisor-retried');
  }, 600_000);
});
