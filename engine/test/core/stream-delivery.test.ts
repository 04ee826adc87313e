import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openEngine, type OpenedEngine } from '../../src/core/open-engine.ts';
import type { ActivatedJob, JobStreamRequest } from '../../src/service.ts';
import {
  activate,
  create,
  createCoreDatabase,
  deploy,
  eventually,
  oneTaskProcess,
  openCoreEngine,
} from './core-support.ts';

const streamOf = (type: string, worker: string): JobStreamRequest => ({
  type,
  worker,
  timeout: 30_000,
  fetchVariable: [],
  tenantIds: [],
});

describe('job push to streams', () => {
  let engine: OpenedEngine;
  let admin: pg.Client;

  const storedJob = async (key: string) =>
    (
      await admin.query<{ state: string; worker: string }>(
        `select body->>'state' as state, body->>'worker' as worker from engine.jobs where key = $1`,
        [key],
      )
    ).rows[0];

  beforeAll(async () => {
    const databaseUrl = await createCoreDatabase('stream_delivery');
    engine = await openCoreEngine(databaseUrl);
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await engine.close();
  });

  it('activates a new job for the stream in the transaction that created it, and pushes it once that is durable', async () => {
    // given
    await deploy(engine.service, 'pushed.bpmn', oneTaskProcess('pushed', 'pushed-type'));
    const stored: Promise<unknown>[] = [];
    const pushed: ActivatedJob[] = [];
    const close = engine.service.openJobStream(streamOf('pushed-type', 'streamer'), {
      push: (job) => {
        pushed.push(job);
        stored.push(storedJob(job.key));
        return true;
      },
    });
    // when
    const created = await create(engine.service, 'pushed');
    // then
    await eventually(async () => expect(pushed).toHaveLength(1));
    expect(await Promise.all(stored)).toEqual([{ state: 'ACTIVATED', worker: 'streamer' }]);
    expect(pushed[0]).toMatchObject({ worker: 'streamer', retries: 3 });
    // the row that started the instance and the activated job row carry the same transaction id
    const sameTransaction = await admin.query<{ same: boolean }>(
      `select j.xmin::text = h.xmin::text as same from engine.jobs j, engine.history_process_instances h
       where j.key = $1 and h.key = $2`,
      [pushed[0]?.key, created.processInstanceKey],
    );
    expect(sameTransaction.rows).toEqual([{ same: true }]);
    close();
  });

  it('pushes nothing when the batch that would activate the job is not committed', async () => {
    // given
    await deploy(engine.service, 'unpushed.bpmn', oneTaskProcess('unpushed', 'unpushed-type'));
    const pushed: ActivatedJob[] = [];
    const close = engine.service.openJobStream(streamOf('unpushed-type', 'streamer'), {
      push: (job) => (pushed.push(job), true),
    });
    await admin.query(
      `create function engine.refuse_jobs() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`,
    );
    await admin.query(
      'create trigger refuse_jobs before insert on engine.jobs for each row execute function engine.refuse_jobs()',
    );
    // when
    const refused = await create(engine.service, 'unpushed').catch((error: unknown) => error);
    await admin.query('drop trigger refuse_jobs on engine.jobs');
    const accepted = await create(engine.service, 'unpushed');
    // then
    expect(refused).toMatchObject({ rejection: 'PROCESSING_ERROR' });
    await eventually(async () => expect(pushed).toHaveLength(1));
    expect(pushed[0]?.processInstanceKey).toBe(accepted.processInstanceKey);
    close();
  });

  it('hands a job back when its stream is gone by the time of the push, for long polls to take', async () => {
    // given
    await deploy(engine.service, 'gone.bpmn', oneTaskProcess('gone', 'gone-type'));
    const close = engine.service.openJobStream(streamOf('gone-type', 'vanishing'), { push: () => false });
    // when
    const created = await create(engine.service, 'gone');
    // then
    const [job] = await eventually(async () => {
      const jobs = await activate(engine.service, 'gone-type');
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(job).toMatchObject({ processInstanceKey: created.processInstanceKey, retries: 3 });
    close();
  });

  it('raises MESSAGE_SIZE_EXCEEDED instead of pushing a job too large for one message', async () => {
    // given
    const databaseUrl = await createCoreDatabase('stream_delivery_size');
    const limited = await openEngine({
      databaseUrl,
      maxMessageSize: 32 * 1024,
      logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
    });
    await deploy(limited.service, 'large.bpmn', oneTaskProcess('large', 'large-type'));
    const pushed: ActivatedJob[] = [];
    const close = limited.service.openJobStream(streamOf('large-type', 'streamer'), {
      push: (job) => pushed.push(job) > 0,
    });
    try {
      // when
      const created = await create(limited.service, 'large', JSON.stringify({ scan: 'x'.repeat(40_000) }));
      // then
      const incidents = await limited.inspector.listIncidents({
        processInstanceKey: created.processInstanceKey,
      });
      expect(incidents).toEqual([
        expect.objectContaining({ errorType: 'MESSAGE_SIZE_EXCEEDED', state: 'ACTIVE' }),
      ]);
      expect(pushed).toEqual([]);
      expect(await activate(limited.service, 'large-type')).toEqual([]);
    } finally {
      close();
      await limited.close();
    }
  });
});
