import type { Page } from 'playwright-core';
import { isRecord, type ApiSession } from './session.steps.ts';

/**
 * Reusable steps for the Studio's browser tests: what a process designer does in the UI, and
 * what the test checks through the HTTP api (as other users) around it.
 */

/** From the Studio's bundle list into the editor, once the diagram is drawn. */
export async function openBundle(page: Page, baseUrl: string, bundleKey: string): Promise<void> {
  await page.goto(`${baseUrl}/studio`);
  await page.locator(`[data-bundle="${bundleKey}"]`).getByRole('link', { name: '编辑' }).click();
  await page.waitForURL(`${baseUrl}/studio/bundles/${bundleKey}`);
  await page.locator('[data-testid="bpmn-canvas"] .djs-element').first().waitFor();
}

export function shape(page: Page, elementId: string) {
  return page.locator(`[data-testid="bpmn-canvas"] .djs-element[data-element-id="${elementId}"]`);
}

async function contextPadEntry(page: Page, elementId: string, action: string) {
  // A selected element has its context pad open already; clicking again could hit an overlay.
  const selected = page.locator(`.djs-element.selected[data-element-id="${elementId}"]`);
  if ((await selected.count()) === 0) await shape(page, elementId).click();
  const entry = page.locator(`.djs-context-pad .entry[data-action="${action}"]`);
  await entry.waitFor();
  return entry;
}

/** Appends a plain task after an element with the context pad; returns the new task's id. */
export async function appendTask(page: Page, afterElementId: string): Promise<string> {
  const before = new Set(await elementIds(page));
  await (await contextPadEntry(page, afterElementId, 'append.append-task')).click();
  // A new task opens its label for typing; leave it unnamed for now.
  const label = page.locator('.djs-direct-editing-parent');
  if (await label.isVisible()) await page.keyboard.press('Escape');
  const added = (await elementIds(page)).filter((id) => !before.has(id) && id.startsWith('Activity_'));
  const task = added[0];
  if (task === undefined) throw new Error('no task was appended');
  return task;
}

/** Changes an element into a department operation through the replace menu ("change element"). */
export async function applyDepartmentTemplate(
  page: Page,
  elementId: string,
  templateId: string,
  search: string,
) {
  await (await contextPadEntry(page, elementId, 'replace')).click();
  const menu = page.locator('.djs-popup');
  await menu.waitFor();
  await menu.locator('input').fill(search);
  await menu.locator(`[data-id="department-template-${templateId}"]`).click();
  await menu.waitFor({ state: 'detached' });
}

export async function elementIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-element-id') ?? ''));
}

/** Saves and waits for the confirmation; returns the new draft version. */
export async function saveDraft(page: Page): Promise<number> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const message = page.locator('.el-message').filter({ hasText: '已保存为草稿' });
  await message.waitFor();
  return versionIn((await message.textContent()) ?? '');
}

/** Publishes and waits for the confirmation; returns the published version. Fails with the problems listed when refused. */
export async function publishBundle(page: Page): Promise<number> {
  await page.getByRole('button', { name: '发布新版本' }).click();
  const message = page.locator('.el-message').filter({ hasText: '已发布' });
  const problems = page.getByTestId('publish-problems');
  await message.or(problems).first().waitFor({ timeout: 60_000 });
  if (await problems.isVisible()) throw new Error(`publishing was refused: ${await problems.textContent()}`);
  return versionIn((await message.textContent()) ?? '');
}

/** Publishes expecting a refusal; returns the problems as listed. */
export async function publishRefused(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: '发布新版本' }).click();
  const problems = page.getByTestId('publish-problems');
  await problems.waitFor({ timeout: 60_000 });
  return problems.locator('li').allTextContents();
}

function versionIn(text: string): number {
  const match = /v(\d+)/.exec(text);
  if (!match?.[1]) throw new Error(`no version in "${text}"`);
  return Number(match[1]);
}

/** Sets `a.b.c` in a nested object. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (isRecord(next)) {
      node = next;
    } else {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts.at(-1) ?? path] = value;
}

/**
 * A complete newborn application of citizen1: what the registries know (prefill) plus what
 * only the parents can say.
 */
export async function newbornApplicationData(citizen: ApiSession) {
  const prefill = await citizen.get('/api/bundles/newborn/prefill');
  const values = isRecord(prefill.body) && isRecord(prefill.body.values) ? prefill.body.values : {};
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) setPath(data, key, value);
  const own: Record<string, unknown> = {
    'applicant.mobile': '13812345678',
    'applicant.relationship': 'parent',
    'child.name': '陈思远',
    'child.sex': 'male',
    'child.birthDate': '2026-09-20',
    'child.birthPlace': '浙江省杭州市西湖区',
    'child.birthHospital': '浙江大学医学院附属妇产科医院',
    'household.entryParent': 'father',
    'household.number': '330102012345',
    'household.address': '浙江省杭州市西湖区文三路 1 号',
    'infantCare.claimant': 'mother',
    'infantCare.ratio': '100',
    'socialSecurityCard.bank': '中国工商银行',
    'socialSecurityCard.deliveryAddress': '浙江省杭州市西湖区文三路 1 号',
  };
  for (const [key, value] of Object.entries(own)) if (!(key in values)) setPath(data, key, value);
  return data;
}
