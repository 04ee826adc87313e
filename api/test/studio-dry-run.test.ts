import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserTaskSchema } from '../src/modules/tasks/user-task.entity.ts';
import {
  openTask,
  startDryRunWorld,
  type DryRunDetail as DryRun,
  type DryRunTask as Task,
  type DryRunWorld,
} from './support/dry-run-world.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

// Studio dry runs through HTTP (support/dry-run-world.ts: the real app,
// embedded engine, connectors, user-task bridge and sandbox registries).

let world: DryRunWorld;
let t: DryRunWorld['t'];
let designer: string;
let window1: string;
let citizen1: string;

beforeAll(async () => {
  world = await startDryRunWorld();
  ({ t, designer, window1, citizen1 } = world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const draftVersion = () => world.draftVersion();
const start = (cookie?: string) => world.start(cookie);
const until = (id: string, what: string, ready: (run: DryRun) => boolean) => world.until(id, what, ready);

async function complete(id: string, task: Task, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/studio/dry-runs/${id}/tasks/${task.id}/complete`,
    headers: { cookie: designer },
    payload,
  });
}

describe('Studio dry runs', () => {
  it("runs newborn's draft to its end against the sandbox registries while the designer acts its user tasks", async () => {
    // given
    const before = await draftVersion();
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/bundles/newborn' })).json();

    // when
    const started = await start();
    expect(started.status).toBe(201);
    const id = String(started.body['id']);
    let run = await until(id, 'window task', (r) => openTask(r)?.elementId === 'Task_WindowAccept');

    // then: the window's task is the designer's, in no clerk's queue
    expect(run.bpmnProcessId).toBe('onething-newborn__dryrun');
    const queue: { applicationId: string | null }[] = (
      await t.app.inject({ method: 'GET', url: '/api/tasks?state=open', headers: { cookie: window1 } })
    ).json();
    expect(queue.filter((task) => task.applicationId === id)).toEqual([]);
    expect(await t.orm.em.fork().count(UserTaskSchema, { processInstanceKey: run.processInstanceKey })).toBe(
      0,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/applications', headers: { cookie: citizen1 } })).json(),
    ).toEqual([]);

    // when: a completion with the form's required value missing, then the form's values, then defaults
    const window = openTask(run);
    if (window === undefined) throw new Error('no window task');
    const missing = await complete(id, window, { variables: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty(['acceptance.decision']);
    const accepted = await complete(id, window, { variables: { acceptance: { decision: 'accept' } } });
    expect(accepted.statusCode).toBe(200);
    const acted: string[] = ['Task_WindowAccept'];
    while (run.state === 'ACTIVE') {
      run = await until(id, 'next task or the end', (r) => r.state !== 'ACTIVE' || openTask(r) !== undefined);
      const task = openTask(run);
      if (task === undefined) break;
      expect(task.form).not.toBeNull();
      expect((await complete(id, task, { defaults: true })).statusCode).toBe(200);
      acted.push(task.elementId);
    }

    // then
    expect(run.state).toBe('COMPLETED');
    expect(run.incidents).toEqual([]);
    expect(acted).toEqual(
      expect.arrayContaining([
        'Task_WindowAccept',
        'Task_BirthCertificateReview',
        'Task_HouseholdRegistrationReview',
        'Task_DeliverResults',
      ]),
    );
    expect(run.elements.map((e) => e.elementId)).toContain('EndEvent_Completed');
    expect(run.outcomes.map((o) => o.status)).toEqual(run.outcomes.map(() => 'done'));
    expect(run.outcomes.find((o) => o.service === 'birthCertificate')?.result).toMatchObject({
      birthCertificateNo: expect.stringMatching(/^Q\d{9}$/),
    });
    expect(JSON.stringify(run.variables)).not.toContain('330106199608150244');
    // the registry queries behind the test citizen's form are in her data-access log
    const log: { purpose: { en: string }; actor: string; kind: string }[] = (
      await t.app.inject({ method: 'GET', url: '/api/me/data-access', headers: { cookie: citizen1 } })
    ).json();
    expect(log).toContainEqual(
      expect.objectContaining({
        kind: 'registry-query',
        actor: '流程设计员 (designer)',
        purpose: expect.objectContaining({ en: expect.stringContaining('Dry run') }),
      }),
    );
    // the catalogue's version and definition are as they were
    expect(await draftVersion()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/bundles/newborn' })).json().version).toBe(
      catalogue.version,
    );
  }, 120_000);

  it('cancels a running dry run once, and its open task with it', async () => {
    // given
    const started = await start();
    const id = String(started.body['id']);
    await until(id, 'window task', (r) => openTask(r) !== undefined);

    // when
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/studio/dry-runs/${id}`,
      headers: { cookie: designer },
    });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/studio/dry-runs/${id}`,
      headers: { cookie: designer },
    });

    // then
    expect(cancelled.statusCode).toBe(200);
    const run: DryRun = cancelled.json();
    expect(run.state).toBe('CANCELLED');
    expect(run.cancelReason).toBe('designer');
    expect(run.tasks.map((task) => task.state)).toEqual(['cancelled']);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DRY_RUN_ENDED');
  }, 60_000);

  it('is the Studio’s only: a citizen or clerk is refused and an unknown run is 404', async () => {
    // given
    const started = await start();
    const id = String(started.body['id']);

    // when
    const byCitizen = await start(citizen1);
    const byClerk = await t.app.inject({
      method: 'GET',
      url: `/api/studio/dry-runs/${id}`,
      headers: { cookie: window1 },
    });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/studio/dry-runs/00000000-0000-4000-8000-000000000000',
      headers: { cookie: designer },
    });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/studio/dry-runs/${id}`,
      headers: { cookie: designer },
    });

    // then
    expect(byCitizen.status).toBe(403);
    expect(byClerk.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('DRY_RUN_NOT_FOUND');
  }, 60_000);

  it('lists the test citizens and the recent runs of a bundle', async () => {
    // when
    const citizens = await t.app.inject({
      method: 'GET',
      url: '/api/studio/test-citizens',
      headers: { cookie: designer },
    });
    const runs = await t.app.inject({
      method: 'GET',
      url: '/api/studio/bundles/newborn/dry-runs',
      headers: { cookie: designer },
    });

    // then
    expect(citizens.json()).toEqual({
      available: true,
      citizens: [
        { key: 'citizen1', name: '王芳', idNumber: '330106**********44' },
        { key: 'citizen2', name: '李建国', idNumber: '330105**********12' },
      ],
    });
    expect(runs.statusCode).toBe(200);
    const listed: { state: string; cancelReason: string | null }[] = runs.json();
    expect(listed.length).toBeGreaterThan(0);
    // the runs the tests above cancelled say who did
    expect(listed.filter((run) => run.state === 'cancelled').map((run) => run.cancelReason)).toContain(
      'designer',
    );
    expect(listed.filter((run) => run.state !== 'cancelled').map((run) => run.cancelReason)).toEqual(
      listed.filter((run) => run.state !== 'cancelled').map(() => null),
    );
  });
  it('starts nothing for a stale draft version, an unknown citizen or a draft that fails the publish checks', async () => {
    // given
    const runs = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/studio/bundles/newborn/dry-runs',
          headers: { cookie: designer },
        })
      ).json().length;
    const before = await runs();
    const draft = (
      await t.app.inject({ method: 'GET', url: '/api/studio/bundles/newborn', headers: { cookie: designer } })
    ).json();
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/studio/bundles/newborn/dry-runs',
        headers: { cookie: designer },
        payload,
      });

    // when
    const stale = await post({ version: draft.version + 1, citizen: 'citizen1' });
    const stranger = await post({ version: draft.version, citizen: 'citizen9' });
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/studio/bundles/newborn',
      headers: { cookie: designer },
      payload: {
        version: draft.version,
        bpmn: draft.bpmn,
        forms: draft.forms,
        bundle: { ...draft.bundle, processId: 'onething-nowhere' },
      },
    });
    const broken = await post({ version: saved.json().version, citizen: 'citizen1' });

    // then
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'DRAFT_CONFLICT', version: draft.version });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields).toHaveProperty('citizen');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error).toMatchObject({
      code: 'DRY_RUN_REJECTED',
      problems: expect.arrayContaining([expect.objectContaining({ source: 'bundle' })]),
    });
    expect(await runs()).toBe(before);
  });
});

describe('Studio dry runs without the sandbox registries', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp({ registriesUrl: 'https://registries.example.gov.cn' });
  }, 60_000);
  afterAll(async () => {
    await plain?.close();
  });

  it('refuses to start one, saying why, and says so in the test citizens', async () => {
    // given
    const cookie = await signIn(plain.app, 'designer1');

    // when
    const response = await plain.app.inject({
      method: 'POST',
      url: '/api/studio/bundles/newborn/dry-runs',
      headers: { cookie },
      payload: { version: 1, citizen: 'citizen1' },
    });
    const citizens = await plain.app.inject({
      method: 'GET',
      url: '/api/studio/test-citizens',
      headers: { cookie },
    });

    // then
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('DRY_RUN_NEEDS_SANDBOX');
    expect(citizens.json().available).toBe(false);
  });
});
