import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryReader } from '@onething/engine';
import { loadBundles } from '@onething/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApplicationProgress } from '../src/modules/applications/progress/application-progress.ts';
import { retryFailures, type RetryPolicy } from '../src/modules/applications/progress/progress-failures.ts';
import { runProgressRound } from '../src/modules/applications/progress/progress-round.ts';
import { buildApp } from '../src/app.ts';
import { catalogueOfFolders } from '../src/modules/catalogue/catalogue.ts';
import { createPersonalDataCipher } from '../src/modules/people/personal-data-cipher.ts';
import { seedDemoAccounts } from '../src/modules/users/demo-accounts.ts';
import { Readiness } from '../src/readiness.ts';
import { createTestDatabase, withClient } from './support/database.ts';
import { signIn } from './support/test-app.ts';
import { startProgressWorld, type ProgressWorld } from './support/progress-world.ts';

// One application whose progress cannot be applied (here: a constraint of
// the timeline refuses its entries, or its history cannot be read) must not
// hold up the others: it is recorded, retried with back-off a bounded number
// of times, set aside, and applied once the cause is gone.

let world: ProgressWorld;
beforeAll(async () => {
  world = await startProgressWorld(await createTestDatabase('progress_failures'));
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const policy: RetryPolicy = { maxAttempts: 3, firstDelayMs: 60_000, maxDelayMs: 600_000 };
const MINUTE = 60_000;

const round = (options: { at?: Date; history?: HistoryReader; retryPolicy?: RetryPolicy } = {}) =>
  runProgressRound({
    orm: world.orm,
    history: options.history ?? world.history,
    manifestOf: world.manifestOf,
    feedLimit: 500,
    sweepLimit: 100,
    retryPolicy: options.retryPolicy ?? policy,
    ...(options.at === undefined ? {} : { now: () => options.at ?? new Date() }),
  });

async function catchUp(at?: Date): Promise<void> {
  for (;;) {
    const result = await round(at === undefined ? {} : { at });
    if (result.kind === 'done' && !result.more) return;
  }
}

const parts = async (id: string) =>
  (await world.timeline(id)).filter((event) => event === 'part.started' || event === 'part.done');

interface FailureRow {
  state: string;
  attempts: number;
  position: string;
  error: string;
  next_attempt_at: string;
}
const failureOf = async (applicationId: string): Promise<FailureRow | undefined> =>
  (
    await world.orm.em
      .fork()
      .getConnection()
      .execute<FailureRow[]>(
        'select state, attempts, position, error, next_attempt_at from app.progress_failure where application_id = ?',
        [applicationId],
      )
  )[0];

/** As the schema's owner: the timeline refuses every entry of this application (bad data for one). */
const refuseTimelineOf = (applicationId: string) =>
  withClient(world.database.url, (client) =>
    client.query(
      `alter table app.application_event add constraint "refuse_${applicationId}" check (application_id <> '${applicationId}') not valid`,
    ),
  );
const acceptTimelineOf = (applicationId: string) =>
  withClient(world.database.url, (client) =>
    client.query(`alter table app.application_event drop constraint "refuse_${applicationId}"`),
  );

describe('application progress when one application fails', () => {
  it('applies every other application and moves the cursor on, recording the failing one', async () => {
    // given three applications whose first service started, one of which cannot be written
    const [first, failing, last] = [
      await world.application(),
      await world.application(),
      await world.application(),
    ];
    if (first === undefined || failing === undefined || last === undefined)
      throw new Error('no applications');
    await refuseTimelineOf(failing.id);

    // when
    await catchUp();

    // then the others show their progress, and the cursor passed the failing one's changes
    expect(await parts(first.id)).toEqual(['part.started']);
    expect(await parts(last.id)).toEqual(['part.started']);
    expect(await parts(failing.id)).toEqual([]);
    const failure = await failureOf(failing.id);
    expect(failure).toMatchObject({ state: 'retrying', attempts: 1 });
    expect(failure?.error).toContain('check constraint');
    expect(BigInt(failure?.position ?? '0')).toBeGreaterThan(0n);
    const [cursor] = await world.orm.em
      .fork()
      .getConnection()
      .execute<{ behind: boolean }[]>('select position < ? as behind from app.progress_cursor', [
        failure?.position ?? '0',
      ]);
    expect(cursor?.behind).toBe(false);
    await acceptTimelineOf(failing.id);
    await retryFailures(world.orm.em.fork(), policy, new Date(), failing.id);
    await catchUp();
  });

  it('retries after a growing wait, the bounded number of times, then sets the application aside', async () => {
    // given an application that fails at t0
    const failing = await world.application();
    await refuseTimelineOf(failing.id);
    const t0 = new Date();
    await catchUp(t0);
    expect(await failureOf(failing.id)).toMatchObject({ state: 'retrying', attempts: 1 });

    // when rounds run before its wait is over: no attempt
    await catchUp(new Date(t0.getTime() + 30_000));
    expect((await failureOf(failing.id))?.attempts).toBe(1);

    // when the first wait (1 min) and then the doubled one (2 min) are over
    await catchUp(new Date(t0.getTime() + MINUTE + 1_000));
    const second = await failureOf(failing.id);
    expect(second).toMatchObject({ state: 'retrying', attempts: 2 });
    expect(new Date(second?.next_attempt_at ?? 0).getTime()).toBe(t0.getTime() + MINUTE + 1_000 + 2 * MINUTE);
    await catchUp(new Date(t0.getTime() + 4 * MINUTE));

    // then the third failure sets it aside, and later rounds leave it be
    expect(await failureOf(failing.id)).toMatchObject({ state: 'set_aside', attempts: 3 });
    await catchUp(new Date(t0.getTime() + 24 * 60 * MINUTE));
    expect(await failureOf(failing.id)).toMatchObject({ state: 'set_aside', attempts: 3 });
    expect(await parts(failing.id)).toEqual([]);

    // when the cause is removed and an admin asks for a retry
    await acceptTimelineOf(failing.id);
    expect(await retryFailures(world.orm.em.fork(), policy, new Date(), failing.id)).toBe(1);
    await catchUp();

    // then its progress is applied and its failure forgotten
    expect(await parts(failing.id)).toEqual(['part.started']);
    expect(await failureOf(failing.id)).toBeUndefined();
  });

  it('applies a set-aside application when the worker restarts after the cause is removed', async () => {
    // given an application set aside after its only attempt
    const failing = await world.application();
    await refuseTimelineOf(failing.id);
    await round({ retryPolicy: { ...policy, maxAttempts: 1 } });
    expect(await failureOf(failing.id)).toMatchObject({ state: 'set_aside', attempts: 1 });

    // when the cause is removed and the worker starts again
    await acceptTimelineOf(failing.id);
    const worker = startApplicationProgress({
      orm: await world.replica(),
      history: world.history,
      manifestOf: world.manifestOf,
      intervalMs: 20,
      retryPolicy: policy,
    });
    try {
      // then
      await expect.poll(() => failureOf(failing.id), { timeout: 10_000, interval: 50 }).toBeUndefined();
      expect(await parts(failing.id)).toEqual(['part.started']);
    } finally {
      await worker.stop();
    }
  });

  it('keeps following the others when the history of one instance cannot be read', async () => {
    // given the history of one instance fails to load (whether alone or with others)
    const [healthy, unreadable] = [await world.application(), await world.application()];
    const history: HistoryReader = {
      ...world.history,
      getProcessInstances: async (keys) => {
        if (keys.includes(unreadable.processInstanceKey))
          throw new Error('invalid input syntax for type json');
        return world.history.getProcessInstances(keys);
      },
    };

    // when
    await round({ history });

    // then
    expect(await parts(healthy.id)).toEqual(['part.started']);
    expect(await failureOf(unreadable.id)).toMatchObject({
      state: 'retrying',
      attempts: 1,
      error: 'Error: invalid input syntax for type json',
    });

    // and once it can be read again, its due retry applies it
    await catchUp(new Date(Date.now() + 2 * MINUTE));
    expect(await parts(unreadable.id)).toEqual(['part.started']);
    expect(await failureOf(unreadable.id)).toBeUndefined();
  });
});

describe('progress failures in the Monitor', () => {
  it('lists a set-aside application for supervisors, and an admin retry schedules it at once', async () => {
    // given an application set aside, and the api on the same database
    const failing = await world.application();
    await refuseTimelineOf(failing.id);
    await round({ retryPolicy: { ...policy, maxAttempts: 1 } });
    const personalData = createPersonalDataCipher(randomBytes(32));
    await seedDemoAccounts(world.orm.em.fork(), personalData);
    const app = await buildApp({
      orm: world.orm,
      readiness: new Readiness(),
      personalData,
      spaRoot: await mkdtemp(join(tmpdir(), 'onething-no-spa-')),
      catalogue: catalogueOfFolders(loadBundles()),
    });
    try {
      const supervisor = await signIn(app, 'supervisor1');
      const admin = await signIn(app, 'admin');

      // when
      const listed = await app.inject({
        method: 'GET',
        url: '/api/monitor/progress-failures',
        headers: { cookie: supervisor },
      });
      const retried = await app.inject({
        method: 'POST',
        url: `/api/monitor/progress-failures/${failing.id}/retry`,
        headers: { cookie: admin },
      });

      // then
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toContainEqual(
        expect.objectContaining({
          applicationId: failing.id,
          bundleKey: 'progress-test',
          processInstanceKey: failing.processInstanceKey,
          state: 'set_aside',
          attempts: 1,
          nextAttemptAt: null,
        }),
      );
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ applicationId: failing.id, state: 'retrying', attempts: 1 });
      expect(await failureOf(failing.id)).toMatchObject({ state: 'retrying' });
    } finally {
      await app.close();
      await acceptTimelineOf(failing.id);
    }
  });
});
