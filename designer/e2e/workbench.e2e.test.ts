import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  acceptApplication,
  addComment,
  applyForNewborn,
  completeDepartmentReview,
  openTaskForApplication,
  returnApplication,
  signInAsClerk,
  smallPdf,
  uploadMaterial,
} from './steps/workbench.steps.ts';
import { cutOffElements, sidewaysOverflow } from './steps/layout.steps.ts';
import { apiSession } from './steps/session.steps.ts';
import { screenshot, type ExpectedFailure } from './support/browser.ts';
import { SIGNED_OUT_CHECK, usePlatformSession } from './support/platform-session.ts';

const session = usePlatformSession();
const baseUrl = () => session.baseUrl();

/** A fresh browser for one clerk, watched for problems. */
function openPage(expected: readonly ExpectedFailure[] = [SIGNED_OUT_CHECK]): Promise<Page> {
  return session.openPage({ expected });
}

async function applicationStatus(applicationId: string): Promise<unknown> {
  const citizen = await apiSession(baseUrl(), 'citizen1');
  const answer = await citizen.request('GET', `/api/applications/${applicationId}`);
  return typeof answer.body === 'object' && answer.body !== null && 'status' in answer.body
    ? answer.body.status
    : undefined;
}

describe('the Workbench', () => {
  it('lets the window accept an application and the health clerk complete their review', async () => {
    // given
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const applicationId = await applyForNewborn(citizen);
    const window = await openPage();
    await signInAsClerk(window, baseUrl(), 'window1');

    // when: the window clerk accepts it
    await acceptApplication(window, applicationId);

    // then
    await expect.poll(() => window.getByTestId('queue-notice').textContent()).toContain('综窗受理');
    await expect.poll(() => applicationStatus(applicationId)).toBe('processing');
    await screenshot(window, 'workbench-window-queue-after-accept');

    // when: the health clerk finds the review in their queue and approves it
    const health = await openPage();
    await signInAsClerk(health, baseUrl(), 'health1');
    await openTaskForApplication(health, applicationId, '审核');
    await expect.poll(() => health.getByTestId('application-summary').textContent()).toContain('陈思远');
    await expect.poll(() => health.getByTestId('task-history').textContent()).toContain('综合窗口受理');
    await addComment(health, '出生信息与助产机构记录一致。');
    await screenshot(health, 'workbench-health-review');
    // Esc leaves the task page from anywhere but a field (the focus is still in the comment box).
    await health.getByTestId('task-title').focus();
    await health.keyboard.press('Escape');
    await health.waitForURL((url) => url.pathname === '/workbench');
    const reviewed = await completeDepartmentReview(health, applicationId);

    // then
    expect(reviewed).toContain('出生医学证明');
    await health.getByTestId('tab-done').click();
    await expect
      .poll(() => health.locator(`[data-testid="task-row"][data-application-id="${applicationId}"]`).count())
      .toBeGreaterThan(0);
    await screenshot(health, 'workbench-health-done');
  });

  it('shows the window clerk the uploaded material to download, then returns the application with a reason', async () => {
    // given
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const applicationId = await applyForNewborn(citizen, '陈思齐');
    await uploadMaterial(baseUrl(), 'citizen1', applicationId, {
      kind: 'household-register',
      filename: 'hukou.pdf',
      content: smallPdf(),
      type: 'application/pdf',
    });
    const window = await openPage();
    await signInAsClerk(window, baseUrl(), 'window1');

    // when: the clerk looks at the uploaded material
    await openTaskForApplication(window, applicationId, '综窗受理');
    const link = window.getByTestId('materials').getByRole('link', { name: /hukou\.pdf/ });
    await expect.poll(() => window.getByTestId('materials').textContent()).toContain('落户户口簿');
    const [download] = await Promise.all([window.waitForEvent('download'), link.click()]);

    // then
    expect(download.suggestedFilename()).toBe('hukou.pdf');
    expect(await download.failure()).toBeNull();

    // when
    await window.getByTestId('task-title').focus();
    await window.keyboard.press('Escape');
    await window.waitForURL((url) => url.pathname === '/workbench');
    await returnApplication(window, applicationId, '请补充上传清晰的户口簿户主页。');

    // then
    await expect.poll(() => applicationStatus(applicationId)).toBe('returned');
    const detail = await citizen.request('GET', `/api/applications/${applicationId}`);
    expect(JSON.stringify(detail.body)).toContain('application.returned');
    await screenshot(window, 'workbench-after-return');
  });

  it('fits a 375 px phone: the queue, a task with its form and the return dialog, nothing cut off', async () => {
    // given an application waiting for the window clerk
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const applicationId = await applyForNewborn(citizen, '陈思宁');
    const page = await openPage();
    await page.setViewportSize({ width: 375, height: 800 });

    // when the clerk signs in on a phone
    await signInAsClerk(page, baseUrl(), 'window1');

    // then the queue fits (a wide table scrolls inside its frame, the page does not)
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await cutOffElements(page)).toEqual([]);
    await screenshot(page, 'workbench-queue-phone');

    // when the clerk opens the task and claims it
    await openTaskForApplication(page, applicationId, '综窗受理');
    await page.getByTestId('action-claim').click();
    await page.getByTestId('task-status').filter({ hasText: '由您办理' }).waitFor();

    // then the summary, the form and the actions fit
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await cutOffElements(page)).toEqual([]);
    await screenshot(page, 'workbench-task-phone');

    // when the clerk opens the return dialog
    await page.getByTestId('task-title').focus();
    await page.keyboard.press('r');
    await page.getByRole('dialog', { name: '退回补正' }).waitFor();

    // then the dialog fits too
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await cutOffElements(page)).toEqual([]);
    await screenshot(page, 'workbench-return-dialog-phone');
  });

  it('opens the Workbench to a supervisor for the tasks of the supervisor group', async () => {
    // given
    const page = await openPage();

    // when
    await signInAsClerk(page, baseUrl(), 'supervisor1');

    // then
    await expect.poll(() => page.getByTestId('workbench-groups').textContent()).toContain('督办');
    expect(
      await page.getByRole('navigation', { name: '功能区' }).getByRole('link').allTextContents(),
    ).toContain('工作台');
    await screenshot(page, 'workbench-supervisor');
  });
});
