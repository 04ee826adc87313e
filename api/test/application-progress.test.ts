import type { HistoryReader } from '@onething/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApplicationProgress } from '../src/modules/applications/progress/application-progress.ts';
import { runProgressRound } from '../src/modules/applications/progress/progress-round.ts';
import type { Orm } from '../src/orm.ts';
import { createTestDatabase, withClient } from './support/database.ts';
import { results, startProgressWorld, type ProgressWorld } from './support/progress-world.ts';

// The application-progress worker follows the engine's history change feed
// by a cursor stored with the progress: each part's start and end become
// one timeline entry each, whatever crashes or how many replicas run it.

let world: ProgressWorld;
beforeAll(async () => {
  world = await startProgressWorld(await createTestDatabase('progress'));
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const round = (
  options: { orm?: Orm; history?: HistoryReader; beforeCommit?: () => Promise<void> | void } = {},
) =>
  runProgressRound({
    orm: options.orm ?? world.orm,
    history: options.history ?? world.history,
    manifestOf: world.manifestOf,
    feedLimit: 500,
    sweepLimit: 100,
    ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}),
  });

/** Rounds until the feed has nothing more. */
async function catchUp(orm?: Orm): Promise<void> {
  for (;;) {
    const result = await round(orm ? { orm } : {});
    if (result.kind === 'done' && !result.more) return;
  }
}

const PART_EVENTS = ['part.started', 'part.done'];
const parts = async (id: string) => (await world.timeline(id)).filter((event) => PART_EVENTS.includes(event));

const stored = async (id: string) => {
  const rows = await world.orm.em.fork().getConnection().execute<
    {
      status: string;
      progress: Record<string, { status: string; department?: string }> | null;
      progress_final: boolean;
    }[]
  >('select status, progress, progress_final from app.application where id = ?', [id]);
  return rows[0];
};

describe('application progress by history cursor', () => {
  it('shows each part started, then done, once, as the history grows', async () => {
    // given an application whose first service started
    const application = await world.application('processing');
    await catchUp();
    expect(await parts(application.id)).toEqual(['part.started']);

    // when the first service's connector completes, then the second's
    await world.completeAll('alpha', () => results('alpha'));
    await catchUp();
    await world.completeAll('beta', () => results('alpha', 'beta'));
    await catchUp();
    await catchUp();

    // then
    expect(await parts(application.id)).toEqual(['part.started', 'part.done', 'part.started', 'part.done']);
    const row = await stored(application.id);
    expect(row?.progress).toMatchObject({
      alpha: { status: 'done', department: 'hr' },
      beta: { status: 'done', department: 'tax' },
    });
    expect(row?.progress_final).toBe(false);

    // and once the process ends, the progress is final
    await world.completeAll('deliver');
    await catchUp();
    expect((await stored(application.id))?.progress_final).toBe(true);
  });

  it('applies a round again after a crash before its commit, adding no timeline entry twice', async () => {
    // given three applications whose first service is done
    const applications = [await world.application(), await world.application(), await world.application()];
    await world.completeAll('alpha', () => results('alpha'));

    // when a worker dies in the middle of its round: the applications and the cursor written, not committed
    await expect(
      round({
        beforeCommit: () => {
          throw new Error('the worker process died');
        },
      }),
    ).rejects.toThrow('the worker process died');

    // then nothing of the round was kept
    for (const application of applications) expect(await parts(application.id)).toEqual([]);

    // when a new worker (another connection pool, as after a restart) takes over
    await catchUp(await world.replica());
    await catchUp();

    // then each part entry is there once
    for (const application of applications)
      expect(await parts(application.id)).toEqual(['part.started', 'part.done', 'part.started']);
  });

  it('lets only one replica apply a range at a time', async () => {
    // given a change to apply
    const application = await world.application();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => undefined;
    const inRound = new Promise<void>((resolve) => {
      entered = resolve;
    });

    // when one replica is in a round and another starts one
    const first = round({
      beforeCommit: async () => {
        entered();
        await held;
      },
    });
    await inRound;
    const second = await round({ orm: await world.replica() });
    release();

    // then the second finds the range taken, and the first applies it
    expect(second).toEqual({ kind: 'busy' });
    expect(await first).toMatchObject({ kind: 'done' });
    expect(await parts(application.id)).toEqual(['part.started']);
  });

  it('adds each timeline entry once with two workers running side by side', async () => {
    // given two running workers, each on its own connection pool
    const workers = [
      startApplicationProgress({
        orm: await world.replica(),
        history: world.history,
        manifestOf: world.manifestOf,
        intervalMs: 20,
        batchSize: 7,
      }),
      startApplicationProgress({
        orm: await world.replica(),
        history: world.history,
        manifestOf: world.manifestOf,
        intervalMs: 20,
        batchSize: 7,
      }),
    ];
    try {
      // when ten applications run to their end
      const applications: { id: string }[] = [];
      for (let i = 0; i < 10; i += 1) applications.push(await world.application());
      await world.completeAll('alpha', () => results('alpha'));
      await world.completeAll('beta', () => results('alpha', 'beta'));
      await world.completeAll('deliver');

      // then every application's progress is final, with each part entry once
      await expect
        .poll(
          async () =>
            (await Promise.all(applications.map((a) => stored(a.id)))).every((row) => row?.progress_final),
          {
            timeout: 20_000,
            interval: 100,
          },
        )
        .toBe(true);
      for (const application of applications)
        expect(await parts(application.id)).toEqual([
          'part.started',
          'part.done',
          'part.started',
          'part.done',
        ]);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  it('moves an application on to processing when its parts started before the acceptance was stored', async () => {
    // given the worker read the started parts while the application was still submitted
    const application = await world.application('submitted');
    await catchUp();
    expect((await stored(application.id))?.status).toBe('submitted');

    // when the window's acceptance is stored afterwards (with no new history)
    await world.orm.em
      .fork()
      .getConnection()
      .execute(`update app.application set status = 'accepted' where id = ?`, [application.id]);
    await catchUp();

    // then
    expect((await stored(application.id))?.status).toBe('processing');
    expect((await world.timeline(application.id)).sort()).toEqual(['application.processing', 'part.started']);
  });

  it('catches up, once, on applications whose history predates the feed', async () => {
    // given an application that progressed while nobody followed the feed (the feed moved on)
    const application = await world.application('processing');
    await world.completeAll('alpha', () => results('alpha'));
    // (as the schema's owner: the api's role may not read the engine's tables)
    await withClient(world.database.url, (client) =>
      client.query(
        `update app.progress_cursor set position = (select max(position) from engine.history_changes), sweeping = true, swept_up_to = null`,
      ),
    );

    // when the worker sweeps the applications the polling worker followed
    await catchUp();
    await catchUp();

    // then
    expect(await parts(application.id)).toEqual(['part.started', 'part.done', 'part.started']);
    const cursor = await world.orm.em
      .fork()
      .getConnection()
      .execute<{ sweeping: boolean }[]>('select sweeping from app.progress_cursor');
    expect(cursor[0]?.sweeping).toBe(false);
  });
});
