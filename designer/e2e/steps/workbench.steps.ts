import type { Page } from 'playwright-core';
import { waitFor, type ApiSession } from './session.steps.ts';

/*
 * Reusable steps for the Workbench: an application created through the api as the citizen,
 * then what the clerks do in the browser (sign in, open the task of an application, accept,
 * complete a department review, return for correction). A whole-journey test composes these
 * with the Portal's steps.
 */

/** The sandbox registries' demo family (registries OPERATIONS.md, "Demo data"). */
const MOTHER = { idNumber: '330106199608150244', name: '王芳' };
const FATHER = { idNumber: '330102199502100139', name: '陈明' };

/** A complete newborn application by citizen1, the mother (as api/test/support/newborn-application.ts). */
export function newbornApplicationData(childName = '陈思远'): Record<string, unknown> {
  return {
    applicant: { ...MOTHER, mobile: '13812345678', relationship: 'parent' },
    mother: MOTHER,
    father: FATHER,
    child: {
      name: childName,
      sex: 'male',
      birthDate: '2026-09-20',
      birthPlace: '浙江省杭州市西湖区',
      birthHospital: '浙江大学医学院附属妇产科医院',
    },
    household: {
      entryParent: 'father',
      number: '330102012345',
      headName: FATHER.name,
      address: '浙江省杭州市西湖区文三路 1 号',
    },
    infantCare: { claimant: 'mother', ratio: '100' },
    socialSecurityCard: { bank: '中国工商银行', deliveryAddress: '浙江省杭州市西湖区文三路 1 号' },
  };
}

/** citizen1 applies for the newborn bundle through the api; the application's id. */
export async function applyForNewborn(citizen: ApiSession, childName?: string): Promise<string> {
  const created = await citizen.request('POST', '/api/applications', {
    bundleKey: 'newborn',
    data: newbornApplicationData(childName),
  });
  const body = created.body;
  if (created.status !== 201 || typeof body !== 'object' || body === null || !('id' in body))
    throw new Error(`apply for newborn: HTTP ${created.status} ${JSON.stringify(body)}`);
  if (typeof body.id !== 'string') throw new Error('apply for newborn: no id');
  return body.id;
}

/** A minimal valid PDF: the api recognises materials by their content, not their name. */
export function smallPdf(): string {
  return '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
}

/** The citizen uploads a material to their application (multipart, as the Portal does). */
export async function uploadMaterial(
  baseUrl: string,
  username: string,
  applicationId: string,
  material: { kind: string; filename: string; content: string; type: string },
): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const form = new FormData();
  form.append('kind', material.kind);
  form.append('file', new Blob([material.content], { type: material.type }), material.filename);
  const response = await fetch(`${baseUrl}/api/applications/${applicationId}/materials`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  if (response.status !== 201)
    throw new Error(`upload ${material.filename}: HTTP ${response.status} ${await response.text()}`);
}

/** Signs a clerk in from the sign-in page and waits for the Workbench queue. */
export async function signInAsClerk(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/signin?redirect=/workbench`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/workbench');
  await page.getByTestId('queue-shown').waitFor();
}

/**
 * From the queue, opens the task of the application (its name when several are open),
 * refreshing the queue until the task has arrived (the engine creates tasks asynchronously).
 */
export async function openTaskForApplication(
  page: Page,
  applicationId: string,
  taskName?: string,
): Promise<void> {
  const rows = page.locator(`[data-testid="task-row"][data-application-id="${applicationId}"]`);
  const row = taskName === undefined ? rows.first() : rows.filter({ hasText: taskName }).first();
  await waitFor(`the task of application ${applicationId} in the queue`, async () => {
    if ((await row.count()) > 0) return true;
    await page.getByTestId('queue-refresh').click();
    await page.getByTestId('queue-refresh').and(page.locator(':enabled')).waitFor();
    return (await row.count()) > 0 ? true : undefined;
  });
  await row.getByTestId('task-link').click();
  await page.waitForURL((url) => url.pathname.startsWith('/workbench/tasks/'));
  await page.getByTestId('task-title').waitFor();
  // form-js loads with the first task page: wait until the form is drawn.
  await page.locator('[data-testid="task-form"][data-ready="true"]').waitFor();
}

/** Claims the open task with the button and waits until it is the clerk's. */
export async function claimTask(page: Page): Promise<void> {
  await page.getByTestId('action-claim').click();
  await page.getByTestId('task-status').filter({ hasText: '由您办理' }).waitFor();
  await page.getByTestId('action-complete').waitFor();
}

/** Picks a choice of a radio field of the task form by its label. */
async function choose(page: Page, choice: string): Promise<void> {
  await page.getByTestId('task-form').getByLabel(choice, { exact: true }).check();
}

/** Completes the task with Ctrl+Enter and waits for the queue with the outcome. */
async function completeWithKeyboard(page: Page, taskName: string): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await page.waitForURL((url) => url.pathname === '/workbench');
  await page.getByTestId('queue-notice').filter({ hasText: taskName }).waitFor();
}

/** The window clerk accepts the application: claim, 受理, complete. */
export async function acceptApplication(page: Page, applicationId: string): Promise<void> {
  await openTaskForApplication(page, applicationId, '综窗受理');
  await claimTask(page);
  await choose(page, '受理');
  await completeWithKeyboard(page, '综窗受理');
}

/** A department clerk approves their review task of the application (审核：…). */
export async function completeDepartmentReview(page: Page, applicationId: string): Promise<string> {
  await openTaskForApplication(page, applicationId, '审核');
  const name = ((await page.getByTestId('task-title').textContent()) ?? '').trim();
  await claimTask(page);
  await choose(page, '通过');
  await completeWithKeyboard(page, name);
  return name;
}

/**
 * The window clerk returns the application to the citizen from the keyboard: R opens the
 * dialog with the focus in the reason (Escape closes it, once, to check that the clerk stays
 * on the task), the fields to correct are ticked by their labels (none: the whole form),
 * Ctrl+Enter sends.
 */
export async function returnApplication(
  page: Page,
  applicationId: string,
  reason: string,
  fields: readonly string[] = [],
): Promise<void> {
  await openTaskForApplication(page, applicationId, '综窗受理');
  await claimTask(page);
  await page.getByTestId('task-title').focus();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: '退回补正' });
  await page.locator('#return-reason:focus').waitFor();
  // Escape closes the dialog and nothing else: the clerk stays on the task.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  if (!new URL(page.url()).pathname.startsWith('/workbench/tasks/'))
    throw new Error('Escape in the return dialog also left the task page');
  await page.keyboard.press('r');
  await page.locator('#return-reason:focus').waitFor();
  await page.keyboard.insertText(reason);
  for (const label of fields) await dialog.getByRole('checkbox', { name: label, exact: true }).check();
  await page.keyboard.press('Control+Enter');
  await page.waitForURL((url) => url.pathname === '/workbench');
  await page.getByTestId('queue-notice').filter({ hasText: '已退回申请人补正' }).waitFor();
}

/** Adds a comment (审批意见) on the open task page: M jumps to the box, Ctrl+Enter adds it. */
export async function addComment(page: Page, text: string): Promise<void> {
  await page.getByTestId('task-title').focus();
  await page.keyboard.press('m');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('comment').filter({ hasText: text }).waitFor();
}

/** The window clerk hands every result to the citizen electronically (统一出件, 电子证照推送). */
export async function deliverResults(page: Page, applicationId: string): Promise<void> {
  await openTaskForApplication(page, applicationId, '统一出件');
  await claimTask(page);
  await choose(page, '电子证照推送');
  await completeWithKeyboard(page, '统一出件');
}
