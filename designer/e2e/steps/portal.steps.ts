import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { applyForBirthCertificate, completeTask } from './monitor.steps.ts';
import { apiSession, isRecord, waitFor, type ApiSession } from './session.steps.ts';

/**
 * Reusable citizen steps in the Portal, in Chinese (the default language), so that
 * whole-journey tests (citizen → window clerk → department clerks → citizen) can compose
 * them with the Workbench's steps. Each step waits for what it leads to.
 */

export const PHONE_VIEWPORT = { width: 375, height: 800 } as const;

/** A form-js field of the current step, found by its label. */
export function formField(page: Page, label: string): Locator {
  return (
    page
      .getByTestId('form-step')
      // Sections are form fields too (groups); the field is the innermost one with the label.
      .locator('.fjs-form-field:not(.fjs-form-field-grouplike)')
      .filter({ has: page.locator('.fjs-form-field-label', { hasText: label }) })
      .first()
  );
}

export async function fillText(page: Page, label: string, value: string): Promise<void> {
  await formField(page, label).locator('input, textarea').first().fill(value);
}

/** form-js draws its own dropdown: open it, then pick the option. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const field = formField(page, label);
  await field.locator('.fjs-select-display').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

export async function pickRadio(page: Page, label: string, option: string): Promise<void> {
  await formField(page, label).getByLabel(option, { exact: true }).check();
}

export async function readOnlyValue(
  page: Page,
  label: string,
): Promise<{ value: string; readOnly: boolean }> {
  const input = formField(page, label).locator('input').first();
  return { value: await input.inputValue(), readOnly: (await input.getAttribute('readonly')) !== null };
}

/** The heading of the wizard's current step (it takes the focus on every step change). */
export function currentStep(page: Page): Locator {
  return page.locator('.apply__step-title');
}

export async function nextStep(page: Page, expectedTitle: string): Promise<void> {
  await page.getByTestId('next-step').click();
  await expect.poll(() => currentStep(page).textContent()).toContain(expectedTitle);
}

/** Waits until the server answered an autosave of the draft that contains `text`. */
export async function waitForDraftSaved(page: Page, text: string): Promise<void> {
  await page.waitForResponse(
    (response) =>
      response.request().method() === 'PUT' &&
      new URL(response.url()).pathname.startsWith('/api/applications/drafts/') &&
      (response.request().postData() ?? '').includes(text) &&
      response.ok(),
    { timeout: 15_000 },
  );
  await expect.poll(() => page.getByTestId('draft-status').textContent()).toContain('草稿已保存');
}

/** Opens the catalogue, then the bundle's page, then starts (or resumes) the application. */
export async function openApplication(page: Page, baseUrl: string, bundleTitle: string): Promise<void> {
  await page.goto(`${baseUrl}/portal`);
  const card = page.getByRole('article', { name: bundleTitle });
  await card.getByRole('link', { name: /查看详情/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(bundleTitle);
  await page.getByTestId('start-application').click();
  await expect.poll(() => currentStep(page).count(), { timeout: 30_000 }).toBe(1);
  await page.locator('.fjs-form-field').first().waitFor({ timeout: 30_000 });
}

/**
 * The newborn bundle (新生儿出生一件事) for citizen1: what the registries know is prefilled,
 * the rest is filled in here, step by step, up to (not including) the materials step.
 */
export async function fillNewbornForm(page: Page, answers = NEWBORN_ANSWERS): Promise<void> {
  await expect.poll(() => currentStep(page).textContent()).toContain('申请人信息');
  await fillText(page, '申请人手机号码', answers.mobile);
  await choose(page, '申请人与当事人关系', '父母');
  await nextStep(page, '共同信息');
  await fillText(page, '新生儿姓名', answers.childName);
  await nextStep(page, '卫生健康');
  await nextStep(page, '民政与户籍');
  await pickRadio(page, '随父或随母落户', '母亲');
  await nextStep(page, '人力资源和社会保障');
  await fillText(page, '社保卡服务银行', answers.bank);
  await nextStep(page, '税务');
  await choose(page, '婴幼儿照护扣除申报人', '母亲');
  await pickRadio(page, '扣除比例', '一方全额扣除（100%）');
  await nextStep(page, '上传材料');
}

export const NEWBORN_ANSWERS = { mobile: '13800138000', childName: '陈小雨', bank: '中国工商银行杭州分行' };

/** Uploads a file for one material of the materials step and waits until it is listed. */
export async function uploadMaterial(
  page: Page,
  materialKey: string,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await page.getByTestId(`material-input-${materialKey}`).setInputFiles(file);
  await expect
    .poll(() => page.getByTestId(`material-${materialKey}`).textContent(), { timeout: 30_000 })
    .toContain(`✓ ${file.name}`);
}

/** A small, real PDF: the api recognises materials by their content. */
export function samplePdf(name = 'household-register.pdf') {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** Goes from the materials step to the review and submits; returns the new application's id. */
export async function reviewAndSubmit(page: Page): Promise<string> {
  await nextStep(page, '确认提交');
  await page.getByTestId('review').waitFor();
  await page.getByTestId('submit-application').click();
  await page.waitForURL((url) => /^\/portal\/applications\/[^/]+$/.test(url.pathname), { timeout: 60_000 });
  await page.getByTestId('submitted-banner').waitFor();
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** Opens one of the citizen's applications from "my applications". */
export async function openMyApplication(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/portal/applications`);
  await page.getByTestId(`application-${id}`).getByRole('link').click();
  await page.getByTestId('parts').waitFor();
}

/** The parts (department services) shown on an application's page, by service key → status. */
export async function partStatuses(page: Page): Promise<Record<string, string>> {
  const parts = page.locator('[data-testid^="part-"]');
  const statuses: Record<string, string> = {};
  for (const part of await parts.all()) {
    const service = ((await part.getAttribute('data-testid')) ?? '').replace(/^part-/, '');
    statuses[service] = (await part.getAttribute('data-status')) ?? '';
  }
  return statuses;
}

/** Reloads the application's page until every part is done, then returns the shown results. */
export async function expectAllPartsDone(page: Page, timeout = 120_000): Promise<string> {
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        return Object.values(await partStatuses(page)).every((status) => status === 'done');
      },
      { timeout, interval: 2_000 },
    )
    .toBe(true);
  return (await page.getByTestId('parts').textContent()) ?? '';
}

/** The application's status as its owner reads it through the api. */
export async function applicationStatus(citizen: ApiSession, id: string): Promise<unknown> {
  const answer = await citizen.get(`/api/applications/${id}`);
  return isRecord(answer.body) ? answer.body.status : undefined;
}

/**
 * citizen1 applies for the birth certificate only and the clerks take it to the end through
 * the api (accept, review, deliver online): a completed application, for what comes after.
 */
export async function completedApplication(baseUrl: string): Promise<string> {
  const citizen = await apiSession(baseUrl, 'citizen1');
  const id = await applyForBirthCertificate(citizen);
  const window = await apiSession(baseUrl, 'window1');
  await completeTask(window, id, { acceptance: { decision: 'accept', comment: '材料齐全' } });
  await completeTask(await apiSession(baseUrl, 'health1'), id, {
    review: { decision: 'approve', comment: '信息无误' },
  });
  // The registry issues the certificate, then the window delivers the result.
  await completeTask(window, id, { delivery: { method: 'online' } });
  await waitFor(
    `application ${id} completed`,
    async () => ((await applicationStatus(citizen, id)) === 'completed' ? true : undefined),
    90_000,
  );
  return id;
}
