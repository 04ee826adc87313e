import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import {
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  flow,
  oneTaskProcess,
  openCoreEngine,
} from './core-support.ts';

describe('one statement per batch', () => {
  let engine: OpenedEngine;
  let admin: pg.Client;

  beforeAll(async () => {
    const databaseUrl = await createCoreDatabase('commit_changes');
    engine = await openCoreEngine(databaseUrl);
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await engine.close();
  });

  const count = async (table: string, processInstanceKey: string) =>
    Number(
      (
        await admin.query<{ n: string }>(
          `select count(*)::text as n from engine.${table} where process_instance_key = $1`,
          [processInstanceKey],
        )
      ).rows[0]?.n,
    );

  it('leaves no runtime rows of an instance that starts and ends in one batch, and keeps its history', async () => {
    // given
    await deploy(
      engine.service,
      'straight.bpmn',
      bpmn('straight', '<bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/>' + flow('F', 'Start', 'End')),
    );
    // when
    const created = await create(engine.service, 'straight', '{"a": 1, "b": "two"}');
    // then
    expect(await count('element_instances', created.processInstanceKey)).toBe(0);
    const history = await admin.query<{ name: string; value: string }>(
      'select name, value from engine.history_variables where process_instance_key = $1 order by name',
      [created.processInstanceKey],
    );
    expect(history.rows).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '"two"' },
    ]);
    const instance = await engine.inspector.getProcessInstance(created.processInstanceKey);
    expect(instance).toMatchObject({ state: 'COMPLETED' });
  });

  it('updates, deletes and inserts rows of different tables in the same batch', async () => {
    // given
    await deploy(engine.service, 'two-steps.bpmn', oneTaskProcess('two-steps', 'two-steps-type'));
    const created = await create(engine.service, 'two-steps', '{"n": 1}');
    const job = await activateOne(engine.service, 'two-steps-type');
    // when
    await engine.service.completeJob(job.key, '{"n": 2}');
    // then
    expect(await count('jobs', created.processInstanceKey)).toBe(0);
    expect(await count('element_instances', created.processInstanceKey)).toBe(0);
    const jobs = await admin.query<{ state: string }>(
      'select state from engine.history_jobs where key = $1',
      [job.key],
    );
    expect(jobs.rows).toEqual([{ state: 'COMPLETED' }]);
    const variables = await admin.query<{ value: string }>(
      `select value from engine.history_variables where scope_key = $1 and name = 'n'`,
      [created.processInstanceKey],
    );
    expect(variables.rows).toEqual([{ value: '2' }]);
  });

  it('keeps an escaped lone surrogate in a value, and stores one in a name as U+FFFD instead of failing the batch', async () => {
    // given
    await deploy(engine.service, 'surrogate.bpmn', oneTaskProcess('surrogate', 'surrogate-type'));
    // when
    const created = await create(engine.service, 'surrogate', '{"text": "a\\ud800b", "b\\udc00": 1}');
    // then
    const job = await activateOne(engine.service, 'surrogate-type');
    expect(job.processInstanceKey).toBe(created.processInstanceKey);
    const stored = await admin.query<{ name: string; value: string }>(
      `select name, value from engine.history_variables where scope_key = $1 order by name`,
      [created.processInstanceKey],
    );
    expect(stored.rows).toEqual([
      { name: 'b\ufffd', value: '1' },
      { name: 'text', value: '"a\\ud800b"' },
    ]);
  });
});
