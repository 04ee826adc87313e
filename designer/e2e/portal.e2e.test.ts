import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession, isRecord, signIn } from './steps/session.steps.ts';
import {
  acceptApplication,
  applyForNewborn,
  openTaskForApplication,
  returnApplication,
  signInAsClerk,
} from './steps/workbench.steps.ts';
import { screenshot, type ExpectedFailure } from './support/browser.ts';
import { SIGNED_OUT_CHECK, usePlatformSession } from './support/platform-session.ts';
import {
  applicationStatus,
  completedApplication,
  currentStep,
  fillNewbornForm,
  fillText,
  formField,
  choose,
  NEWBORN_ANSWERS,
  nextStep,
  openApplication,
  openMyApplication,
  partStatuses,
  PHONE_VIEWPORT,
  readOnlyValue,
  reviewAndSubmit,
  samplePdf,
  uploadMaterial,
  waitForDraftSaved,
} from './steps/portal.steps.ts';

const session = usePlatformSession();
const baseUrl = () => session.baseUrl();

/** A fresh phone-sized browser (no cookies) watched for problems. */
function openPhone(expected: readonly ExpectedFailure[]): Promise<Page> {
  return session.openPage({ viewport: PHONE_VIEWPORT, hasTouch: true, expected });
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('the Portal on a phone', () => {
  it('lets a visitor browse the catalogue and a bundle’s services, materials and time limit', async () => {
    // given
    const page = await openPhone([SIGNED_OUT_CHECK]);

    // when
    await page.goto(`${baseUrl()}/portal`);
    const card = page.getByRole('article', { name: '新生儿出生一件事' });
    await card.waitFor();

    // then
    expect(await card.textContent()).toContain('10 个工作日');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-catalogue-phone');

    // when
    await card.getByRole('link', { name: /查看详情/ }).click();

    // then
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('新生儿出生一件事');
    const text = (await page.locator('.bundle-detail').textContent()) ?? '';
    expect(text).toContain('出生医学证明');
    expect(text).toContain('落户户口簿');
    expect(text).toContain('卫健 · 3 个工作日');
    expect(await page.getByRole('link', { name: '登录后申请' }).count()).toBe(1);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-bundle-phone');
  });

  it('takes a citizen from the prefilled form through a resumed draft and a material to a submitted application with its parts', async () => {
    // given
    const page = await openPhone([SIGNED_OUT_CHECK]);
    await signIn(page, baseUrl(), 'citizen1');

    // when: the citizen starts applying
    await openApplication(page, baseUrl(), '新生儿出生一件事');

    // then: what the registries know is filled in, read-only, with where it came from
    await expect.poll(async () => (await readOnlyValue(page, '申请人姓名')).value).not.toBe('');
    expect((await readOnlyValue(page, '申请人姓名')).readOnly).toBe(true);
    expect(await page.getByTestId('form-step').textContent()).toContain('已由民政·户籍系统数据自动填写');
    expect(await page.getByTestId('prefill-notice').textContent()).toContain('卫健系统');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-apply-prefilled-phone');

    // when: a required answer is missing, the step does not move on and says why at the field
    await page.getByTestId('next-step').click();

    // then
    await expect
      .poll(() => page.locator('.fjs-form-field-error').first().textContent())
      .toContain('此项为必填项');
    expect(await currentStep(page).textContent()).toContain('申请人信息');

    // when: the citizen answers the first steps and leaves
    await fillText(page, '申请人手机号码', NEWBORN_ANSWERS.mobile);
    await choose(page, '申请人与当事人关系', '父母');
    await nextStep(page, '共同信息');
    const saved = waitForDraftSaved(page, NEWBORN_ANSWERS.childName);
    await fillText(page, '新生儿姓名', NEWBORN_ANSWERS.childName);
    await saved;
    await page.goto(`${baseUrl()}/portal`);

    // then: the catalogue offers to continue, and the draft comes back where it was left
    const card = page.getByRole('article', { name: '新生儿出生一件事' });
    await card.getByRole('link', { name: /继续填写/ }).click();
    await page.getByTestId('draft-resumed').waitFor();
    await expect.poll(() => currentStep(page).textContent()).toContain('共同信息');
    await expect
      .poll(async () => (await readOnlyValue(page, '新生儿姓名')).value)
      .toBe(NEWBORN_ANSWERS.childName);
    await screenshot(page, 'portal-apply-resumed-phone');

    // when: the citizen goes back to the start and fills in everything
    await page.getByRole('button', { name: '上一步' }).click();
    await fillNewbornForm(page);
    await uploadMaterial(page, 'household-register', samplePdf());
    await screenshot(page, 'portal-apply-materials-phone');
    await nextStep(page, '确认提交');

    // then: the review lists the answers
    const review = (await page.getByTestId('review').textContent()) ?? '';
    expect(review).toContain(NEWBORN_ANSWERS.childName);
    expect(review).toContain('household-register.pdf');
    await screenshot(page, 'portal-apply-review-phone');

    // when
    await page.getByRole('button', { name: '上一步' }).click();
    const id = await reviewAndSubmit(page);

    // then: the application is there with one part per service of the bundle
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await openMyApplication(page, baseUrl(), id);
    expect(Object.keys(await partStatuses(page)).sort()).toEqual(
      [
        'birthCertificate',
        'householdRegistration',
        'infantCareDeduction',
        'medicalInsurance',
        'socialSecurityCard',
        'vaccinationRecord',
      ].sort(),
    );
    expect(await page.getByTestId('application-status').getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('timeline').textContent()).toContain('提交申请');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-application-phone');

    // when: the citizen checks who used their data
    await page.getByTestId('portal-nav-portal-data-access').click();

    // then: the registry queries behind the prefill are listed with what was asked and why
    const log = page.getByTestId('data-access-list');
    await log.waitFor();
    const entries = (await log.textContent()) ?? '';
    expect(entries).toContain('民政·户籍系统');
    expect(entries).toContain('卫健系统');
    expect(entries).toContain('母亲姓名');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-data-access-phone');
  });

  it('takes a citizen through the correction the window asked for, only the named field, and the application goes on', async () => {
    // given: the window clerk returns an application, naming the child's name to correct
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const id = await applyForNewborn(citizen, '陈思齐');
    const window = await session.openPage();
    await signInAsClerk(window, baseUrl(), 'window1');
    await returnApplication(window, id, '新生儿姓名与出生医学证明不一致，请核对。', ['新生儿姓名']);

    // when the citizen opens the application on the phone
    const phone = await openPhone([SIGNED_OUT_CHECK]);
    await signIn(phone, baseUrl(), 'citizen1');
    await openMyApplication(phone, baseUrl(), id);

    // then the reason and the field to correct are named
    const returned = phone.getByTestId('returned');
    await expect.poll(() => returned.textContent()).toContain('新生儿姓名与出生医学证明不一致');
    await expect
      .poll(() => returned.getByTestId('returned-fields').locator('li').allTextContents())
      .toEqual(['新生儿姓名']);
    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'portal-returned-phone');

    // when the citizen goes to the correction
    await returned.getByRole('link', { name: '去补正' }).click();
    await phone.waitForURL((url) => url.pathname === `/portal/applications/${id}/supplement`);
    await formField(phone, '新生儿姓名').waitFor();

    // then only that field is asked
    const labels = await phone
      .getByTestId('form-step')
      .locator('.fjs-form-field:not(.fjs-form-field-grouplike) .fjs-form-field-label')
      .allTextContents();
    expect(labels.map((label) => label.replace('*', '').trim())).toEqual(['新生儿姓名']);
    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'portal-supplement-phone');

    // when the citizen corrects it and submits
    await fillText(phone, '新生儿姓名', '陈思琪');
    await phone.getByTestId('submit-supplement').click();

    // then the application is with the window again
    await phone.waitForURL((url) => url.pathname === `/portal/applications/${id}`);
    await expect
      .poll(() => phone.getByTestId('application-status').getAttribute('data-status'))
      .toBe('submitted');
    expect(await phone.getByTestId('timeline').textContent()).toContain('补正后重新提交');
    await screenshot(phone, 'portal-supplemented-phone');

    // when the window accepts the corrected application
    await acceptApplication(window, id);

    // then it goes on to the departments with the corrected name
    await expect.poll(() => applicationStatus(citizen, id), { timeout: 30_000 }).toBe('processing');
    const detail = await citizen.get(`/api/applications/${id}`);
    const data = isRecord(detail.body) && isRecord(detail.body.data) ? detail.body.data : {};
    expect(isRecord(data.child) ? data.child.name : undefined).toBe('陈思琪');
  });

  it('lets a citizen rate a completed application; a low score reaches a supervisor as a follow-up task', async () => {
    // given
    const id = await completedApplication(baseUrl());
    const phone = await openPhone([SIGNED_OUT_CHECK]);
    await signIn(phone, baseUrl(), 'citizen1');
    await openMyApplication(phone, baseUrl(), id);

    // when the citizen gives two stars with the keyboard, and a comment
    const form = phone.getByTestId('rating-form');
    await form.getByRole('radio', { name: '2 · 不满意' }).focus();
    await phone.keyboard.press('Space');
    await phone.keyboard.press('Tab');
    await phone.keyboard.insertText('证书领取说明不清楚，打了两次电话才弄明白。');
    expect(await form.getByRole('radio', { name: '2 · 不满意' }).isChecked()).toBe(true);
    expect(await form.getByLabel('意见建议（选填）').inputValue()).toContain('证书领取说明不清楚');
    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'portal-rating-phone');
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Enter');

    // then
    const done = phone.getByTestId('rating-done');
    await expect.poll(() => done.textContent()).toContain('感谢您的评价');
    expect(await done.textContent()).toContain('证书领取说明不清楚');
    await screenshot(phone, 'portal-rated-phone');

    // when a supervisor opens the Workbench
    const supervisor = await session.openPage();
    await signInAsClerk(supervisor, baseUrl(), 'supervisor1');
    await openTaskForApplication(supervisor, id, '差评回访');

    // then the follow-up shows the score and what the citizen wrote, with its time limit
    const followUp = supervisor.getByTestId('task-form');
    await expect.poll(() => followUp.textContent()).toContain('证书领取说明不清楚');
    expect(await followUp.textContent()).toContain('评分：2 分');
    expect(await supervisor.getByTestId('time-left').first().getAttribute('data-urgency')).not.toBe('none');
    await screenshot(supervisor, 'workbench-supervisor-follow-up');
  });
});
