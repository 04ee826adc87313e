import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedEngine } from '../../src/core/open-engine.ts';
import type { ActivatedJob } from '../../src/service.ts';
import {
  activate,
  activateOne,
  bpmn,
  create,
  createCoreDatabase,
  deploy,
  eventually,
  flow,
  oneTaskProcess,
  openCoreEngine,
} from './core-support.ts';

describe('durability and delivery', () => {
  let databaseUrl: string;
  let engine: OpenedEngine;
  let admin: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createCoreDatabase('durability');
    engine = await openCoreEngine(databaseUrl);
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await engine.close();
  });

  it('refuses to open a second engine on the same database', async () => {
    await expect(openCoreEngine(databaseUrl)).rejects.toThrow(/another engine/);
  });

  it('does not acknowledge a command whose commit failed, and forgets its effects', async () => {
    // given
    await deploy(engine.service, 'fragile.bpmn', oneTaskProcess('fragile', 'fragile-type'));
    await admin.query(
      `create function engine.fail_insert() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`,
    );
    await admin.query(
      'create trigger fail_jobs before insert on engine.jobs for each row execute function engine.fail_insert()',
    );
    // when
    const failed = await create(engine.service, 'fragile').catch((error: unknown) => error);
    await admin.query('drop trigger fail_jobs on engine.jobs');
    // then
    expect(failed).toMatchObject({ rejection: 'PROCESSING_ERROR' });
    expect(await activate(engine.service, 'fragile-type')).toEqual([]);
    const created = await create(engine.service, 'fragile');
    expect((await activateOne(engine.service, 'fragile-type')).processInstanceKey).toBe(
      created.processInstanceKey,
    );
  });

  it('answers CreateProcessInstanceWithResult with the root variables once the instance completes', async () => {
    await deploy(engine.service, 'result.bpmn', oneTaskProcess('result', 'result-type'));
    const created = await create(engine.service, 'result', '{"a": 1, "b": 2}');
    const waiting = engine.service.awaitCompletion(
      created.processInstanceKey,
      ['b', 'c'],
      new AbortController().signal,
    );
    const job = await activateOne(engine.service, 'result-type');
    await engine.service.completeJob(job.key, '{"c": 3}');
    expect(JSON.parse(await waiting)).toEqual({ b: 2, c: 3 });
  });

  it('answers a result request for an instance that already completed from history', async () => {
    await deploy(
      engine.service,
      'straight.bpmn',
      bpmn('straight', '<bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/>' + flow('F', 'Start', 'End')),
    );
    const created = await create(engine.service, 'straight', '{"x": 12345678901234567890}');
    const result = await engine.service.awaitCompletion(
      created.processInstanceKey,
      [],
      new AbortController().signal,
    );
    expect(result).toBe('{"x":12345678901234567890}');
  });

  it('never answers a result request for a cancelled instance until the caller gives up', async () => {
    await deploy(engine.service, 'cancelled.bpmn', oneTaskProcess('cancelled', 'cancelled-type'));
    const created = await create(engine.service, 'cancelled');
    const abort = new AbortController();
    const waiting = engine.service.awaitCompletion(created.processInstanceKey, [], abort.signal);
    await engine.service.cancelProcessInstance(created.processInstanceKey);
    setTimeout(() => abort.abort(new Error('deadline')), 100);
    await expect(waiting).rejects.toThrow('deadline');
  });

  it('pushes new jobs to an open job stream and yields jobs the stream cannot take', async () => {
    // given
    await deploy(engine.service, 'stream.bpmn', oneTaskProcess('stream', 'stream-type'));
    await create(engine.service, 'stream');
    const pushed: ActivatedJob[] = [];
    const close = engine.service.openJobStream(
      { type: 'stream-type', worker: 'streamer', timeout: 30_000, fetchVariable: [], tenantIds: [] },
      { push: (job) => (pushed.push(job), true) },
    );
    // when
    await create(engine.service, 'stream', '{"fresh": true}');
    // then
    await eventually(async () => expect(pushed).toHaveLength(1));
    expect(pushed[0]).toMatchObject({ worker: 'streamer', variables: '{"fresh":true}' });
    expect(await activate(engine.service, 'stream-type')).toHaveLength(1);
    close();
    const refuse = engine.service.openJobStream(
      { type: 'stream-type', worker: 'full', timeout: 30_000, fetchVariable: [], tenantIds: [] },
      { push: () => false },
    );
    await create(engine.service, 'stream');
    await eventually(async () => expect(await activate(engine.service, 'stream-type')).toHaveLength(1));
    refuse();
  });
});
