import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  appendTask,
  applyDepartmentTemplate,
  isRecord,
  newbornApplicationData,
  openBundle,
  publishBundle,
  saveDraft,
  shape,
  signIn,
} from './steps/studio.steps.ts';
import { launchChromium, screenshot, watchForProblems, type ExpectedFailure } from './support/browser.ts';
import { buildSpaIfStale, startPlatform, type RunningPlatform } from './support/platform.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** The SPA asks who is signed in before signing in; the api answers 401. */
const SIGNED_OUT_CHECK: ExpectedFailure = { method: 'GET', path: '/api/auth/me', status: 401 };
const SOCIAL_SECURITY_CARD = 'onething.hr.issue-social-security-card';

let database: TestDatabase | undefined;
let platform: RunningPlatform | undefined;
let browser: Browser | undefined;
const opened: { context: BrowserContext; problems: () => string[] }[] = [];

beforeAll(async () => {
  await buildSpaIfStale();
  database = await createTestDatabase();
  platform = await startPlatform(database.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await database?.drop();
});

afterEach(async () => {
  const problems = opened.flatMap((page) => page.problems());
  await Promise.all(opened.map((page) => page.context.close()));
  opened.length = 0;
  expect(problems, 'console errors, page errors or failed requests').toEqual([]);
});

async function openPage(): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  opened.push({ context, problems: watchForProblems(page, [SIGNED_OUT_CHECK]) });
  return page;
}

function baseUrl(): string {
  if (!platform) throw new Error('the platform did not start');
  return platform.baseUrl;
}

describe('the Studio', () => {
  it('lets a designer add a department operation to newborn, publish it, and new applications run on it', async () => {
    // given
    const page = await openPage();
    await signIn(page, baseUrl(), 'designer1');
    await page.goto(`${baseUrl()}/studio`);
    const row = page.locator('[data-bundle="newborn"]');
    await row.waitFor();
    const publishedBefore = Number(await row.getAttribute('data-published-version'));
    await screenshot(page, 'studio-bundles');
    await openBundle(page, baseUrl(), 'newborn');
    expect(await page.locator('.djs-palette .entry[aria-label="创建任务"]').count()).toBe(1);

    // when
    const task = await appendTask(page, 'Gateway_Join3');
    await applyDepartmentTemplate(page, task, SOCIAL_SECURITY_CARD, '社会保障卡');

    // then
    await expect.poll(() => shape(page, task).locator('.djs-visual').innerHTML()).toContain('path');
    await expect
      .poll(() => page.locator('.bio-properties-panel-header-type').textContent())
      .toContain('社会保障卡');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toContain('有未保存的修改');
    await screenshot(page, 'studio-template-applied');

    // when
    const draftVersion = await saveDraft(page);
    const publishedVersion = await publishBundle(page);

    // then
    expect(draftVersion).toBeGreaterThan(1);
    expect(publishedVersion).toBe(publishedBefore + 1);
    await expect
      .poll(() => page.getByTestId('published-version').textContent())
      .toContain(`v${publishedVersion}`);
    await screenshot(page, 'studio-published');

    // when: a citizen applies and a supervisor looks at the instance
    const designer = await apiSession(baseUrl(), 'designer1');
    const draft = await designer.get('/api/studio/bundles/newborn');
    const published = isRecord(draft.body) && isRecord(draft.body.published) ? draft.body.published : {};
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const submitted = await citizen.post('/api/applications', {
      bundleKey: 'newborn',
      data: await newbornApplicationData(citizen),
    });

    // then
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(draft.body).toMatchObject({ bpmn: expect.stringContaining(SOCIAL_SECURITY_CARD) });
    const supervisor = await apiSession(baseUrl(), 'supervisor1');
    await expect
      .poll(async () => {
        const instances = await supervisor.get(
          '/api/monitor/instances?bpmnProcessId=onething-newborn&limit=1',
        );
        const items =
          isRecord(instances.body) && Array.isArray(instances.body.items) ? instances.body.items : [];
        return items[0];
      })
      .toMatchObject({ processDefinitionKey: published.processDefinitionKey, state: 'ACTIVE' });
  });
});
