import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema } from '../src/modules/audit/audit-event.entity.ts';
import { expireDryRuns } from '../src/modules/studio/dry-run/expire-dry-runs.ts';
import { createOrm, type Orm } from '../src/orm.ts';
import { openTask, startDryRunWorld, type DryRunWorld } from './support/dry-run-world.ts';

// Abandoned Studio dry runs are cancelled as the designer's cancel would do,
// with the reason `expired`: real app, engine, bridge and sandbox registries.

let world: DryRunWorld;
beforeAll(async () => {
  world = await startDryRunWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

const expire = (orm: Orm = world.t.orm) =>
  expireDryRuns({ orm, zeebe: () => world.t.zeebe, maxIdleMs: WEEK, now: new Date(), limit: 50 });

/** A running dry run waiting at the window's task. */
async function waitingRun(): Promise<string> {
  const started = await world.start();
  expect(started.status).toBe(201);
  const id = String(started.body['id']);
  await world.until(id, 'window task', (run) => openTask(run) !== undefined);
  return id;
}

/** The designer's last act on the run was this many days ago. */
const idleFor = (id: string, days: number) =>
  world.t.orm.em
    .fork()
    .getConnection()
    .execute(`update app.dry_run set last_activity_at = now() - make_interval(days => ?) where id = ?`, [
      days,
      id,
    ]);

const expiries = (id: string) =>
  world.t.orm.em.fork().count(AuditEventSchema, { action: 'studio.dry-run.expire', details: { dryRun: id } });

describe('expiry of abandoned dry runs', () => {
  it('cancels a run idle past the limit with its open task, and leaves a recent one be', async () => {
    // given a run untouched for 8 days and one started just now
    const abandoned = await waitingRun();
    const recent = await waitingRun();
    await idleFor(abandoned, 8);

    // when
    const result = await expire();

    // then the abandoned run is cancelled in the engine and in the Studio, saying why
    expect(result).toMatchObject({ expired: 1, ended: 0, failed: 0 });
    const cancelled = await world.view(abandoned);
    expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelReason: 'expired' });
    expect(cancelled.tasks.map((task) => task.state)).toEqual(['cancelled']);
    expect(cancelled.elements.filter((element) => element.state === 'ACTIVE')).toEqual([]);
    expect(await expiries(abandoned)).toBe(1);
    // and the bundle's list says so too
    const listed = await world.t.app.inject({
      method: 'GET',
      url: '/api/studio/bundles/newborn/dry-runs',
      headers: { cookie: world.designer },
    });
    expect(listed.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: abandoned, state: 'cancelled', cancelReason: 'expired' }),
        expect.objectContaining({ id: recent, state: 'running', cancelReason: null }),
      ]),
    );
    // and the recent one waits at its task as before
    const untouched = await world.view(recent);
    expect(untouched).toMatchObject({ state: 'ACTIVE', cancelReason: null });
    expect(openTask(untouched)?.elementId).toBe('Task_WindowAccept');
  }, 120_000);

  it('counts a completed task as activity', async () => {
    // given a run started 8 days ago whose window task the designer completes now
    const id = await waitingRun();
    await idleFor(id, 8);
    const task = openTask(await world.view(id));
    if (task === undefined) throw new Error('no open task');
    const completed = await world.t.app.inject({
      method: 'POST',
      url: `/api/studio/dry-runs/${id}/tasks/${task.id}/complete`,
      headers: { cookie: world.designer },
      payload: { variables: { acceptance: { decision: 'accept' } } },
    });
    expect(completed.statusCode).toBe(200);

    // when
    await expire();

    // then
    expect((await world.view(id)).state).not.toBe('CANCELLED');
  }, 120_000);

  it('cancels each run once when run twice, and when two api processes run it side by side', async () => {
    // given an abandoned run, and a second api process on its own connection pool
    const id = await waitingRun();
    await idleFor(id, 30);
    const url = world.t.orm.config.get('clientUrl');
    if (url === undefined) throw new Error('no database url');
    const other = await createOrm(url);
    try {
      // when both expire at once, then one of them again
      const [first, second] = await Promise.all([expire(), expire(other)]);
      const again = await expire();

      // then
      expect((first?.expired ?? 0) + (second?.expired ?? 0)).toBe(1);
      expect(again).toMatchObject({ expired: 0, ended: 0, failed: 0 });
      expect(await world.view(id)).toMatchObject({ state: 'CANCELLED', cancelReason: 'expired' });
      expect(await expiries(id)).toBe(1);
    } finally {
      await other.close();
    }
  }, 120_000);
});
