import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenedEngine } from '../../src/core/open-engine.ts';
import { createHistoryReader, type HistoryReader } from '../../src/store/history-reader.ts';
import { pruneHistoryChangesBatch } from '../../src/store/history-retention.ts';
import {
  ManualClock,
  activateOne,
  createCoreDatabase,
  create,
  deploy,
  oneTaskProcess,
} from './core-support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

// The history's change feed lets a reader follow the history by position
// (the api's application-progress worker) instead of re-reading it.
describe('history change feed', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;
  let pool: pg.Pool;
  let history: HistoryReader;

  beforeAll(async () => {
    const databaseUrl = await createCoreDatabase('history_changes');
    engine = await openEngine({ databaseUrl, clock, logger: pino({ level: 'silent' }) });
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    history = createHistoryReader(pool);
    await deploy(engine.service, 'feed.bpmn', oneTaskProcess('feed', 'feed-type'));
  });
  afterAll(async () => {
    await pool.end();
    await engine.close();
  });

  const last = async () => (await history.listHistoryChanges('0', 10_000)).at(-1)?.position ?? '0';

  it('lists each instance a commit touched, once per commit, in commit order after a position', async () => {
    // given two instances, the first started before the cursor
    const first = await create(engine.service, 'feed', '{"n": 1}');
    const cursor = await last();
    const second = await create(engine.service, 'feed', '{"n": 2}');
    const job = await activateOne(engine.service, 'feed-type');
    expect(job.processInstanceKey).toBe(first.processInstanceKey);

    // when the first one's job completes, after the second started
    await engine.service.completeJob(job.key, '{"n": 10}');
    const changes = await history.listHistoryChanges(cursor, 100);

    // then the feed holds the second's start, then the first's job activation and its completion
    expect(changes.map((change) => change.processInstanceKey)).toEqual([
      second.processInstanceKey,
      first.processInstanceKey,
      first.processInstanceKey,
    ]);
    const positions = [cursor, ...changes.map((change) => change.position)].map(BigInt);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('reads at most the limit, continuing from the last position read', async () => {
    // given
    const cursor = await last();
    const created = [];
    for (let i = 0; i < 3; i += 1) created.push(await create(engine.service, 'feed', `{"i": ${i}}`));

    // when
    const page = await history.listHistoryChanges(cursor, 2);
    const rest = await history.listHistoryChanges(page.at(-1)!.position, 2);

    // then
    expect([...page, ...rest].map((change) => change.processInstanceKey)).toEqual(
      created.map((instance) => instance.processInstanceKey),
    );
  });

  it('reads many instances at once as it reads each one', async () => {
    // given two instances, one with a completed job
    const first = await create(engine.service, 'feed', '{"many": 1}');
    const second = await create(engine.service, 'feed', '{"many": 2}');
    const job = await activateOne(engine.service, 'feed-type');
    await engine.service.completeJob(job.key, '{"done": true}');

    // when
    const views = await history.getProcessInstances([
      first.processInstanceKey,
      second.processInstanceKey,
      '42',
    ]);

    // then
    expect([...views.keys()].sort()).toEqual([first.processInstanceKey, second.processInstanceKey].sort());
    for (const instance of [first, second])
      expect(views.get(instance.processInstanceKey)).toEqual(
        await history.getProcessInstance(instance.processInstanceKey),
      );
  });

  it('drops feed rows older than the retention, oldest first', async () => {
    // given a change committed now, and one a month later
    const old = await create(engine.service, 'feed', '{"old": true}');
    clock.advance(31 * DAY_MS);
    const recent = await create(engine.service, 'feed', '{"recent": true}');

    // when the feed is pruned with a 30-day cutoff
    while ((await pruneHistoryChangesBatch(pool, new Date(clock.now() - 30 * DAY_MS), 2)) > 0);

    // then
    const keys = (await history.listHistoryChanges('0', 10_000)).map((change) => change.processInstanceKey);
    expect(keys).not.toContain(old.processInstanceKey);
    expect(keys).toContain(recent.processInstanceKey);
  });
});
