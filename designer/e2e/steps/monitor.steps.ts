import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { isRecord, waitFor, type ApiSession } from './session.steps.ts';

/*
 * Reusable steps for Monitor browser tests: work created and driven through the platform's
 * HTTP API (as the citizen and the clerks would), faults switched on in the sandbox
 * registries, and what a supervisor does in the browser.
 */

/** The sandbox registries' seeded demo family (registries OPERATIONS.md, "Demo data"). */
const CITIZEN1 = { idNumber: '330106199608150244', name: '王芳' };
const CITIZEN1_SPOUSE = { idNumber: '330102199502100139', name: '陈明' };

type Json = Record<string, unknown>;

/** The objects of a JSON array (the api's answer is checked, not cast). */
function jsonList(value: unknown, what: string): Json[] {
  if (!Array.isArray(value) || !value.every(isRecord)) throw new Error(`${what}: not a list of objects`);
  return value;
}

function text(value: Json, field: string): string {
  const found = value[field];
  if (typeof found !== 'string') throw new Error(`missing ${field} in ${JSON.stringify(value)}`);
  return found;
}

async function expectStatus(
  call: Promise<{ status: number; body: unknown }>,
  status: number,
  what: string,
): Promise<unknown> {
  const response = await call;
  if (response.status !== status)
    throw new Error(
      `${what}: expected HTTP ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
    );
  return response.body;
}

/** citizen1 applies for the newborn bundle, asking for the birth certificate only. */
export async function applyForBirthCertificate(citizen: ApiSession): Promise<string> {
  const created = await expectStatus(
    citizen.request('POST', '/api/applications', {
      bundleKey: 'newborn',
      services: ['birthCertificate'],
      data: {
        applicant: {
          idNumber: CITIZEN1.idNumber,
          name: CITIZEN1.name,
          mobile: '13812345678',
          relationship: 'parent',
        },
        mother: CITIZEN1,
        father: CITIZEN1_SPOUSE,
        child: {
          name: '陈思远',
          sex: 'male',
          birthDate: '2026-09-20',
          birthPlace: '浙江省杭州市西湖区',
          birthHospital: '浙江大学医学院附属妇产科医院',
        },
      },
    }),
    201,
    'apply for the newborn bundle',
  );
  if (!isRecord(created)) throw new Error('no application in the answer');
  return text(created, 'id');
}

/** The clerk claims the application's open task of their group and completes it with `variables`. */
export async function completeTask(
  clerk: ApiSession,
  applicationId: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const task = await waitFor(`a task for ${clerk.username}`, async () => {
    const tasks = jsonList(
      await expectStatus(clerk.request('GET', '/api/tasks?state=open'), 200, 'list tasks'),
      'tasks',
    );
    return tasks.find((candidate) => candidate.applicationId === applicationId);
  });
  const id = text(task, 'id');
  const name = text(task, 'name');
  await expectStatus(clerk.request('POST', `/api/tasks/${id}/claim`), 204, `claim ${name}`);
  await expectStatus(
    clerk.request('POST', `/api/tasks/${id}/complete`, { variables }),
    204,
    `complete ${name}`,
  );
  return name;
}

/** The newest running instance of a process, as the Monitor lists it. */
export async function newestRunningInstance(supervisor: ApiSession, bpmnProcessId: string): Promise<string> {
  const page = await expectStatus(
    supervisor.request('GET', `/api/monitor/instances?bpmnProcessId=${bpmnProcessId}&state=ACTIVE`),
    200,
    'list instances',
  );
  const newest = jsonList(isRecord(page) ? page.items : undefined, 'instances')[0];
  if (!newest) throw new Error(`no running instance of ${bpmnProcessId}`);
  return text(newest, 'key');
}

export interface Incident {
  key: string;
  elementId: string;
  errorType: string;
}

/** Waits until the instance has an active incident on the element (retries and back-offs take a while). */
export function waitForIncident(
  supervisor: ApiSession,
  processInstanceKey: string,
  elementId: string,
): Promise<Incident> {
  return waitFor(
    `an incident on ${elementId}`,
    async () => {
      const incidents = jsonList(
        await expectStatus(
          supervisor.request(
            'GET',
            `/api/monitor/incidents?state=ACTIVE&processInstanceKey=${processInstanceKey}`,
          ),
          200,
          'list incidents',
        ),
        'incidents',
      );
      const found = incidents.find((incident) => incident.elementId === elementId);
      return found && { key: text(found, 'key'), elementId, errorType: text(found, 'errorType') };
    },
    90_000,
  );
}

/** The sandbox registries' fault injection (only with `REGISTRIES_ADMIN_TOKEN`). */
export function registryFaults(registriesUrl: string, adminToken: string) {
  const call = async (method: 'PUT' | 'DELETE', department: string, faults?: Record<string, unknown>) => {
    const response = await fetch(`${registriesUrl}/registries/${department}/_admin/faults`, {
      method,
      headers: {
        'x-registry-admin-token': adminToken,
        ...(faults === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(faults === undefined ? {} : { body: JSON.stringify(faults) }),
    });
    if (!response.ok) throw new Error(`${method} ${department} faults: HTTP ${response.status}`);
  };
  return {
    outage: (department: string) => call('PUT', department, { outage: true }),
    clear: (department: string) => call('DELETE', department),
  };
}

/* ---- in the browser ---- */

export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  username: string,
  path: string,
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** The diagram is drawn and the instance's state is on it. */
export async function waitForDiagram(page: Page): Promise<void> {
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

/** The number on a diagram badge (`active`, `incident`, `completed`) of an element, or null. */
export async function diagramBadge(page: Page, elementId: string, kind: string): Promise<string | null> {
  const badge = page.locator(`.ot-badge[data-element-id="${elementId}"][data-badge="${kind}"]`);
  return (await badge.count()) === 0 ? null : ((await badge.textContent()) ?? '').trim();
}

/** The marker class bpmn-js put on the element's shape (`ot-element--active`, …). */
export async function elementMarker(page: Page, elementId: string): Promise<string | null> {
  const classes =
    (await page.locator(`.djs-element[data-element-id="${elementId}"]`).first().getAttribute('class')) ?? '';
  return classes.split(/\s+/).find((name) => name.startsWith('ot-element--')) ?? null;
}

/** Refreshes the instance page until the element carries `marker` (the history moves on while the page is open). */
export async function refreshUntilMarker(
  page: Page,
  elementId: string,
  marker: string,
  timeoutMs: number,
): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        await waitForDiagram(page);
        return elementMarker(page, elementId);
      },
      { timeout: timeoutMs, interval: 1_000 },
    )
    .toBe(marker);
}

/** Clicks Retry on the incident row, confirms, and waits for the success message. */
export async function retryIncidentInBrowser(page: Page, incidentKey: string): Promise<void> {
  await page.locator(`[data-incident-key="${incidentKey}"]`).getByRole('button', { name: /重试/ }).click();
  const dialog = page.getByRole('dialog', { name: '确认重试' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '重试', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '已提交重试' }).waitFor();
}
