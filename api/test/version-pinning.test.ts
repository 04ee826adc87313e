import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { newbornData } from './support/newborn-application.ts';
import {
  claimWindowTask as claimTask,
  makeRequired,
  publishEdited,
  type DraftComponent,
} from './support/publication.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { signIn } from './support/test-app.ts';

// Running applications keep the forms of the bundle version they were
// submitted under: a Studio publication that tightens a citizen form and the
// window's form applies to new applications only.

let t: ProcessTestApp;
let bridge: UserTaskBridge;
let citizen1: string;
let window1: string;
let onFirstVersion: string;

beforeAll(async () => {
  t = await startProcessTestApp(['newborn']);
  bridge = startTestTaskBridge(t);
  citizen1 = await signIn(t.app, 'citizen1');
  window1 = await signIn(t.app, 'window1');
  const designer = await signIn(t.app, 'designer1');

  // given an application submitted on version 1, without the optional delivery address
  onFirstVersion = await apply(withoutDeliveryAddress());

  // and version 2, which asks the delivery address and the window's comment
  const version = await publishEdited(t.app, designer, 'newborn', (draft) => {
    makeRequired(draft, 'forms/social-security-card.form', 'socialSecurityCard.deliveryAddress');
    makeRequired(draft, 'forms/window-accept.form', 'acceptance.comment');
  });
  expect(version).toBe(2);
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  await t?.close();
});

function withoutDeliveryAddress(): Record<string, unknown> {
  return { ...newbornData(), socialSecurityCard: { bank: '中国工商银行' } };
}

function post(url: string, cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}

async function apply(data: Record<string, unknown>): Promise<string> {
  const response = await post('/api/applications', citizen1, { bundleKey: 'newborn', data });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

function claimWindowTask(applicationId: string, previous?: string): Promise<string> {
  return claimTask(t.app, window1, applicationId, previous);
}

async function commentRequired(taskId: string): Promise<boolean | undefined> {
  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/tasks/${taskId}`,
    headers: { cookie: window1 },
  });
  expect(detail.statusCode).toBe(200);
  const form: { components: DraftComponent[] } = detail.json().form;
  return form.components.find((component) => component.key === 'acceptance.comment')?.validate?.required;
}

describe('an application started before a publication', () => {
  it('is returned, supplemented and accepted against the forms of its own version', async () => {
    // given its window task, shown with version 1's form
    const first = await claimWindowTask(onFirstVersion);
    expect(await commentRequired(first)).toBe(false);

    // when the window returns it naming a field of its form, and the citizen supplements
    // without the delivery address version 2 asks for
    const returned = await post(`/api/tasks/${first}/return`, window1, {
      reason: '请核对社保卡领取银行',
      fields: ['socialSecurityCard.bank'],
    });
    const supplemented = await post(`/api/applications/${onFirstVersion}/supplement`, citizen1, {
      data: withoutDeliveryAddress(),
    });

    // then both pass on version 1's forms
    expect(returned.statusCode, returned.body).toBe(204);
    expect(supplemented.statusCode, supplemented.body).toBe(200);

    // when the window accepts the supplemented application without a comment
    const second = await claimWindowTask(onFirstVersion, first);
    expect(await commentRequired(second)).toBe(false);
    const accepted = await post(`/api/tasks/${second}/complete`, window1, {
      variables: { acceptance: { decision: 'accept' } },
    });

    // then version 1's window form lets it through
    expect(accepted.statusCode, accepted.body).toBe(204);
    const row = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: onFirstVersion });
    expect(row).toMatchObject({ bundleVersion: '1', status: 'accepted' });
  });
});

describe('an application started after the publication', () => {
  it('is held to the forms of the new version', async () => {
    // when a citizen applies without the delivery address
    const incomplete = await post('/api/applications', citizen1, {
      bundleKey: 'newborn',
      data: withoutDeliveryAddress(),
    });

    // then
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toHaveProperty(['socialSecurityCard.deliveryAddress']);

    // when the window accepts a complete one without a comment
    const id = await apply(newbornData());
    const task = await claimWindowTask(id);
    expect(await commentRequired(task)).toBe(true);
    const accepted = await post(`/api/tasks/${task}/complete`, window1, {
      variables: { acceptance: { decision: 'accept' } },
    });

    // then version 2's window form asks for it
    expect(accepted.statusCode).toBe(400);
    expect(accepted.json().error.fields).toHaveProperty(['acceptance.comment']);
    const row = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id });
    expect(row).toMatchObject({ bundleVersion: '2', status: 'submitted' });
  });
});
