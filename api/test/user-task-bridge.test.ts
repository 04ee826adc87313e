import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationSchema } from '../src/modules/applications/application.entity.ts';
import type { UserTaskBridge } from '../src/modules/tasks/user-task-bridge.ts';
import { UserTaskSchema } from '../src/modules/tasks/user-task.entity.ts';
import { startProcessTestApp, startTestTaskBridge, type ProcessTestApp } from './support/process-app.ts';
import { newbornData } from './support/newborn-application.ts';
import { signIn } from './support/test-app.ts';

let t: ProcessTestApp;
let bridge: UserTaskBridge;
beforeAll(async () => {
  t = await startProcessTestApp(['newborn']);
  // Short activations renewed often, so that the test sees several renewals.
  bridge = startTestTaskBridge(t, {
    activationTimeoutMs: 3_000,
    renewBeforeMs: 2_000,
    renewEveryMs: 200,
  });
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  await t?.close();
});

async function applyAndWaitForTask() {
  const citizen1 = await signIn(t.app, 'citizen1');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/applications',
    payload: { bundleKey: 'newborn', data: newbornData() },
    headers: { cookie: citizen1 },
  });
  const applicationId: string = response.json().id;
  const task = await eventually(() => t.orm.em.fork().findOne(UserTaskSchema, { applicationId }));
  return { applicationId, task };
}

async function eventually<T>(read: () => Promise<T | null | undefined>, attempts = 100): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}

describe('the user-task bridge', () => {
  it('keeps one task per job and renews the activation while nobody completes it', async () => {
    // given
    const { applicationId, task } = await applyAndWaitForTask();

    // when several activation timeouts pass
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    // then it is still one open task and its activation deadline moved on
    const rows = await t.orm.em.fork().find(UserTaskSchema, { applicationId });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.state).toBe('open');
    expect(rows[0]?.jobDeadline?.getTime()).toBeGreaterThan(task.jobDeadline?.getTime() ?? Infinity);
    expect(rows[0]?.variablesCipher).not.toContain('王芳');
  });

  it('marks the task cancelled when its process instance is cancelled', async () => {
    // given
    const { applicationId, task } = await applyAndWaitForTask();
    const application = await t.orm.em.fork().findOneOrFail(ApplicationSchema, { id: applicationId });

    // when
    await t.zeebe.cancelProcessInstance(application.processInstanceKey ?? '');

    // then
    const cancelled = await eventually(async () => {
      const row = await t.orm.em.fork().findOneOrFail(UserTaskSchema, { id: task.id });
      return row.state === 'cancelled' ? row : null;
    }, 60);
    expect(cancelled.state).toBe('cancelled');
  });
});
