import { describe, expect, it } from 'vitest';
import {
  appendTask,
  applyDepartmentTemplate,
  newbornApplicationData,
  openBundle,
  publishBundle,
  saveDraft,
  shape,
} from './steps/studio.steps.ts';
import { apiSession, isRecord, signIn } from './steps/session.steps.ts';
import { screenshot } from './support/browser.ts';
import { usePlatformSession } from './support/platform-session.ts';

const SOCIAL_SECURITY_CARD = 'onething.hr.issue-social-security-card';

const session = usePlatformSession();
const baseUrl = () => session.baseUrl();
const openPage = () => session.openPage({ viewport: { width: 1440, height: 900 } });

describe('the Studio', () => {
  it("runs newborn's draft for a test citizen from the editor and shows its progress on the diagram", async () => {
    // given
    const page = await openPage();
    await signIn(page, baseUrl(), 'designer1');
    await openBundle(page, baseUrl(), 'newborn');

    // when
    await page.getByTestId('dry-run-open').click();
    const panel = page.getByTestId('dry-run-panel');
    await panel.getByTestId('dry-run-start').click();

    // then: the run waits at the window's acceptance, drawn on the diagram
    const run = panel.getByTestId('dry-run-run');
    await run.waitFor();
    await panel.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
    const badge = (kind: string, elementId: string) =>
      panel.locator(`.ot-badge--${kind}[data-element-id="${elementId}"]`);
    await badge('active', 'Task_WindowAccept').waitFor();
    await expect.poll(() => run.getAttribute('data-state')).toBe('ACTIVE');
    const window1 = await apiSession(baseUrl(), 'window1');
    const queue = await window1.get('/api/tasks?state=open');
    expect(queue.body).toEqual([]);
    await screenshot(page, 'studio-dry-run-started');

    // when: the designer accepts in the window's task form, then acts every other step with its defaults
    const windowTask = panel.locator('[data-testid="dry-run-task"][data-element-id="Task_WindowAccept"]');
    await windowTask.getByRole('button', { name: '填写表单' }).click();
    await windowTask.locator('[data-testid="task-form"][data-ready="true"]').waitFor();
    await windowTask.getByLabel('受理', { exact: true }).check();
    await windowTask.getByRole('button', { name: '提交办理结果' }).click();
    await badge('completed', 'Task_WindowAccept').waitFor();
    const acted: string[] = ['Task_WindowAccept'];
    await expect
      .poll(
        async () => {
          if ((await run.getAttribute('data-state')) !== 'ACTIVE') return run.getAttribute('data-state');
          const task = panel.getByTestId('dry-run-task').first();
          if ((await task.count()) === 0) return 'waiting';
          const complete = task.getByRole('button', { name: '按默认值办理' });
          if (await complete.isDisabled()) return 'waiting';
          const elementId = await task.getAttribute('data-element-id');
          if (elementId !== null && !acted.includes(elementId)) acted.push(elementId);
          await complete.click();
          return 'acting';
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe('COMPLETED');

    // then: the diagram shows the path the run took to its end, with every registry's result
    expect(acted).toEqual(expect.arrayContaining(['Task_WindowAccept', 'Task_DeliverResults']));
    await badge('completed', 'Task_WindowAccept').waitFor();
    await badge('completed', 'EndEvent_Completed').waitFor();
    await expect.poll(() => panel.getByTestId('dry-run-state').textContent()).toContain('已结束');
    expect(await panel.getByTestId('dry-run-outcomes').textContent()).not.toContain('办理中');
    await screenshot(page, 'studio-dry-run-completed');
  });

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
