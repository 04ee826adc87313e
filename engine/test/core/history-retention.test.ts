import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenedEngine } from '../../src/core/open-engine.ts';
import {
  ManualClock,
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  eventually,
  flow,
  oneTaskProcess,
} from './core-support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('history retention', () => {
  const clock = new ManualClock();
  let engine: OpenedEngine;
  let admin: pg.Client;

  beforeAll(async () => {
    const databaseUrl = await createCoreDatabase('history_retention');
    engine = await openEngine({
      databaseUrl,
      clock,
      logger: pino({ level: 'silent' }),
      historyRetention: { days: 30, intervalMs: 50, batchSize: 2 },
    });
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await engine.close();
  });

  const historyRows = async (processInstanceKey: string) => {
    const { rows } = await admin.query<{ n: string }>(
      `select ((select count(*) from engine.history_process_instances where key = $1)
        + (select count(*) from engine.history_element_instances where process_instance_key = $1)
        + (select count(*) from engine.history_jobs where process_instance_key = $1)
        + (select count(*) from engine.history_variables where process_instance_key = $1))::text as n`,
      [processInstanceKey],
    );
    return Number(rows[0]?.n);
  };

  it('deletes, in small batches, the history of instances that ended more than the retention ago, and keeps the rest', async () => {
    // given: five instances that ended 31 days ago, one still waiting since then, one that ends now
    await deploy(
      engine.service,
      'short.bpmn',
      bpmn('short', '<bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/>' + flow('F', 'Start', 'End')),
    );
    await deploy(engine.service, 'waiting.bpmn', oneTaskProcess('waiting', 'waiting-type'));
    const old = await Promise.all(
      Array.from({ length: 5 }, () => create(engine.service, 'short', '{"a": 1}')),
    );
    const waiting = await create(engine.service, 'waiting', '{"b": 2}');
    // (checked before the clock moves: from then on the pruner may run at any moment)
    for (const instance of [...old, waiting])
      expect(await historyRows(instance.processInstanceKey)).toBeGreaterThan(0);
    clock.advance(31 * DAY_MS);
    const recent = await create(engine.service, 'short', '{"c": 3}');
    // when the pruner runs
    // then
    await eventually(async () => {
      for (const instance of old) expect(await historyRows(instance.processInstanceKey)).toBe(0);
    });
    expect(await historyRows(waiting.processInstanceKey)).toBeGreaterThan(0);
    expect(await historyRows(recent.processInstanceKey)).toBeGreaterThan(0);
    const job = await activateOne(engine.service, 'waiting-type');
    expect(job.processInstanceKey).toBe(waiting.processInstanceKey);
  });
});
