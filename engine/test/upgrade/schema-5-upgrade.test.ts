import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../src/launch/start-engine.ts';
import { createHistoryReader, type HistoryReader } from '../../src/store/history-reader.ts';
import { migrate } from '../../src/store/migrations.ts';
import { ManualClock } from '../core/core-support.ts';
import { eventually, expectNoJobs, waitForElement, waitForJobs } from '../support/conformance-helpers.ts';
import { createDatabase } from '../support/test-engine.ts';
import { connect, type ConformanceClient, type Job } from '../support/zeebe-clients.ts';
import { SCHEMA_4_LIVE as OLD } from './fixtures/schema-4-live.ts';

/**
 * A database the engine wrote at schema version 4 (fixtures/schema-4-live.sql, made by
 * generate-schema-4-fixture.ts from the engine at that commit) is opened by today's engine,
 * which applies migration 5 (variables stored once, in history_variables). Every instance
 * that waited through the upgrade must go on, through a real Zeebe client, with the
 * variables it had. The cases run in order on the one upgraded database, as a deployment
 * would live through it; the clock starts half an hour after the old engine stopped.
 */
const MINUTE = 60_000;
/** Keys are the partition (1) in the top bits plus a counter; this was the last key given out. */
const LAST_OLD_KEY = (1n << 51n) + BigInt(OLD.keyCounter);
const ORDER = (id: string, total: number) => ({ order: { id, total }, clerk: 'li.na' });

let databaseUrl: string;
let pool: pg.Pool;
let engine: RunningEngine;
let client: ConformanceClient;
let history: HistoryReader;
const clock = new ManualClock(OLD.clockAtEnd + 30 * MINUTE);
/** Keys handed out after the upgrade, checked against the old ones at the end. */
const newKeys: string[] = [];
/** Rows of the runtime copy `engine.variables` in the schema-4 database, before the upgrade. */
let runtimeVariablesBefore = 0;
/** Its rows that history_variables of live scopes lacks, and the other way round (the premise of migration 5). */
let copiesDifferingBefore: unknown[] = [];

beforeAll(async () => {
  databaseUrl = await createDatabase('engine_schema_5_upgrade');
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await migrate(pool, { upTo: 4 });
  await pool.query(await readFile(join(import.meta.dirname, 'fixtures', 'schema-4-live.sql'), 'utf8'));
  const runtimeVariables = await pool.query('select 1 from engine.variables');
  runtimeVariablesBefore = runtimeVariables.rowCount ?? 0;
  const differing = await pool.query(
    `with live as (
       select v.scope_key, v.name, v.value from engine.history_variables v
       join engine.element_instances e on e.key = v.scope_key),
     runtime as (select scope_key, name, value from engine.variables)
     (select 'only at runtime' as side, * from (select * from runtime except select * from live) a)
     union all
     (select 'only in history' as side, * from (select * from live except select * from runtime) b)`,
  );
  copiesDifferingBefore = differing.rows;
  engine = await openUpgraded();
  client = connect('camunda8-sdk', engine.address);
  history = createHistoryReader(pool);
});

afterAll(async () => {
  await client?.close();
  await engine?.stop();
  await pool?.end();
});

/** Today's engine on the test's database, as `onething engine` starts it (migrating on open). */
function openUpgraded(): Promise<RunningEngine> {
  return startEngine({
    databaseUrl,
    gatewayAddress: '127.0.0.1:0',
    clock,
    logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
  });
}

/** Activates `count` jobs of a type (a short lock unless said otherwise), keyed by instance. */
async function jobsByInstance(type: string, count: number, timeout = 5 * MINUTE): Promise<Map<string, Job>> {
  const jobs = await waitForJobs(client, { type, count, timeout, worker: 'after-upgrade' });
  expect(jobs).toHaveLength(count);
  return new Map(jobs.map((job) => [job.processInstanceKey, job]));
}

function the<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

describe('an engine database from schema version 4 with instances in flight', () => {
  it('opens with migration 5 applied: the runtime variables table is gone', async () => {
    // given the engine opened in beforeAll on a database whose live scopes had runtime variables
    expect(runtimeVariablesBefore).toBeGreaterThan(20);
    expect(copiesDifferingBefore).toEqual([]);

    // when
    const versions = await pool.query<{ version: number }>(
      'select version from engine.schema_migrations order by version',
    );
    const variablesTable = await pool.query(`select to_regclass('engine.variables') as found`);

    // then
    // (and 6, the commit number on the key counter's row, which later commits then move on)
    expect(versions.rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(variablesTable.rows).toEqual([{ found: null }]);
  });

  it('fires a timer that fell due while the engine was down, with the instance’s variables', async () => {
    // given the reminder's ten-minute timer, due twenty minutes before the engine opened

    // when
    const reminder = the((await jobsByInstance('upgrade-remind', 1)).get(OLD.instances.reminder));
    await client.completeJob(reminder.key);

    // then
    expect(reminder.variables).toEqual({ customer: 'r-1' });
    expect(reminder.elementId).toBe('Remind');
  });

  it('makes a job whose retry back-off ran out while the engine was down activatable again', async () => {
    // given the fetch job failed before the upgrade with two retries left and a 20-minute back-off

    // when
    const fetch = the((await jobsByInstance('upgrade-fetch', 1)).get(OLD.instances.retry));
    await client.completeJob(fetch.key);

    // then
    expect(fetch.key).toBe(OLD.activatedJobs.retry);
    expect(fetch.retries).toBe(2);
    expect(fetch.variables).toEqual({ source: 'registry' });
  });

  it('delivers a broadcast signal to the catch event that subscribed before the upgrade', async () => {
    // given the instance waiting at the signal catch since before the upgrade

    // when
    newKeys.push((await client.broadcastSignal('upgrade-resume', { resumed: true })).key);
    const resume = the((await jobsByInstance('upgrade-resume', 1)).get(OLD.instances.signal));

    // then
    expect(resume.variables).toEqual({ ticket: 'T-1', resumed: true });
    await client.completeJob(resume.key);
  });

  it('hands a waiting job to a worker with its root and local variables, not the one still locked', async () => {
    // given order A's job (never activated) and order B's (activated before the upgrade, locked 2 h)

    // when
    const jobs = await client.activateJobs({ type: 'upgrade-reserve', requestTimeout: 1_000 });

    // then the input-mapped orderId and the note set locally on the task came through
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([OLD.instances.orderA]);
    expect(jobs[0]?.variables).toEqual({ ...ORDER('A-1', 10), orderId: 'A-1', note: 'fragile' });
    await client.completeJob(the(jobs[0]).key, { reserved: true });
  });

  it('lets the worker that held a job through the upgrade complete it by its old key', async () => {
    // given order B's job, activated by a worker before the upgrade

    // when
    await client.completeJob(OLD.activatedJobs.orderB.key, { reserved: true });

    // then B reaches its user task, like A and like C, which waited there through the upgrade
    const userTasks = await jobsByInstance('io.camunda.zeebe:userTask', 3);
    const orderC = the(userTasks.get(OLD.instances.orderC));
    expect(orderC.variables).toEqual({ ...ORDER('C-3', 40), reserved: true });
    expect(orderC.customHeaders).toEqual({ 'io.camunda.zeebe:assignee': 'li.na' });
    expect(the(userTasks.get(OLD.instances.orderB)).variables).toEqual({
      ...ORDER('B-2', 20),
      reserved: true,
    });
    for (const job of userTasks.values()) {
      if (job.processInstanceKey !== OLD.instances.orderC) newKeys.push(job.key);
      await client.completeJob(job.key, { approved: true });
    }
  });

  it('correlates payment messages by correlation key, also to the subscription opened before the upgrade', async () => {
    // given order D waiting at the message since before the upgrade, A to C arriving there now
    for (const order of [OLD.instances.orderA, OLD.instances.orderB, OLD.instances.orderC]) {
      await waitForElement(engine.inspector, order, 'PaymentReceived');
    }

    // when
    for (const [id, paid] of [
      ['A-1', 10],
      ['B-2', 20],
      ['C-3', 40],
      ['D-4', 80],
    ] as const) {
      const published = await client.publishMessage({
        name: 'upgrade-payment',
        correlationKey: id,
        variables: { paid },
      });
      newKeys.push(published.key);
    }

    // then all four wait at the one-hour cooling timer, like E did through the upgrade
    for (const order of [
      OLD.instances.orderA,
      OLD.instances.orderB,
      OLD.instances.orderC,
      OLD.instances.orderD,
    ]) {
      await waitForElement(engine.inspector, order, 'Cooling');
    }
  });

  it('reopens the upgraded database after a restart with nothing left to migrate', async () => {
    // given the upgraded database, with rows written before and after the upgrade
    await client.close();
    await engine.stop();

    // when
    engine = await openUpgraded();
    client = connect('camunda8-sdk', engine.address);

    // then
    const versions = await pool.query('select version from engine.schema_migrations');
    expect(versions.rowCount).toBe(6);
    expect(await client.activateJobs({ type: 'upgrade-reserve', requestTimeout: 500 })).toEqual([]);
  });

  it('continues a parallel multi-instance with one inner instance done, one locked and one waiting', async () => {
    // given S1 checked before the upgrade, S2 activated then, S3 waiting for a worker

    // when
    const waiting = await client.activateJobs({ type: 'upgrade-check', requestTimeout: 1_000 });
    await client.completeJob(OLD.activatedJobs.batch.key, { checked: `${OLD.activatedJobs.batch.sku}-ok` });
    for (const job of waiting)
      await client.completeJob(job.key, { checked: `${String(job.variables.sku)}-ok` });
    const summarize = the((await jobsByInstance('upgrade-summarize', 1)).get(OLD.instances.batch));

    // then the inner instance's locals (item, loop counter, input-mapped sku) survived, and
    // the body's output collection holds the result collected before the upgrade
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.variables).toEqual({
      batchId: 'BATCH-1',
      items: [{ sku: 'S1' }, { sku: 'S2' }, { sku: 'S3' }],
      results: ['S1-ok', null, null],
      item: { sku: 'S3' },
      loopCounter: 3,
      sku: 'S3',
      checked: null,
    });
    expect(summarize.variables).toEqual({
      batchId: 'BATCH-1',
      items: [{ sku: 'S1' }, { sku: 'S2' }, { sku: 'S3' }],
      results: ['S1-ok', 'S2-ok', 'S3-ok'],
    });
    newKeys.push(summarize.key);
    await client.completeJob(summarize.key);
  });

  it('resolves an input-mapping incident once the missing variable is set', async () => {
    // given the charge whose input mapping failed before the upgrade for want of a limit

    // when
    await client.setVariables({
      elementInstanceKey: OLD.charges.unmapped,
      variables: { limit: 500 },
      local: false,
    });
    await client.resolveIncident(OLD.incidents.unmapped);
    const charge = the((await jobsByInstance('upgrade-charge', 1)).get(OLD.charges.unmapped));

    // then
    expect(charge.variables).toEqual({ customer: 'c-1', limit: 500, approvedLimit: 500 });
    newKeys.push(charge.key);
    await client.completeJob(charge.key);
  });

  it('resolves a job incident once retries are given back, with the same job', async () => {
    // given the charge whose job failed without retries before the upgrade

    // when
    await client.updateJobRetries(OLD.incidents.declined.jobKey, 1);
    await client.resolveIncident(OLD.incidents.declined.key);
    const charge = the((await jobsByInstance('upgrade-charge', 1)).get(OLD.charges.declined));

    // then
    expect(charge.key).toBe(OLD.incidents.declined.jobKey);
    expect(charge.variables).toEqual({ customer: 'c-2', limit: 300, approvedLimit: 300 });
    await client.completeJob(charge.key);
  });

  it('completes a called child and hands its variables back to the parent waiting for it', async () => {
    // given the child started by the parent's call activity before the upgrade

    // when
    const work = the((await jobsByInstance('upgrade-child-work', 1)).get(OLD.instances.child));
    await client.completeJob(work.key, { childResult: 'done' });
    const close = the((await jobsByInstance('upgrade-close', 1)).get(OLD.instances.parent));

    // then
    expect(work.variables).toEqual({ caseId: 'P-9' });
    expect(close.variables).toEqual({ caseId: 'P-9', childResult: 'done' });
    newKeys.push(close.key);
    await client.completeJob(close.key);
  });

  it('correlates a message buffered before the upgrade to an instance started after it', async () => {
    // given the late payment published with a two-hour time to live before the upgrade

    // when
    const late = await client.createInstance({ bpmnProcessId: 'upgrade_late', variables: { ref: 'L-7' } });
    const book = the((await jobsByInstance('upgrade-book', 1)).get(late.processInstanceKey));

    // then
    expect(book.variables).toEqual({ ref: 'L-7', latePaid: 75 });
    newKeys.push(late.processInstanceKey, book.key);
    await client.completeJob(book.key);
  });

  it('keeps a timer that is not yet due waiting, and fires it when it is', async () => {
    // given order E's cooling timer and the review's boundary timer, due about half an hour
    // and a quarter of an hour after the engine opened
    await expectNoJobs(client, 'upgrade-ship', 1_000);
    await expectNoJobs(client, 'upgrade-escalate', 500);

    // when
    clock.advance(2 * 60 * MINUTE);
    const ships = await jobsByInstance('upgrade-ship', 5);
    const escalate = the((await jobsByInstance('upgrade-escalate', 1)).get(OLD.instances.review));

    // then every order arrives with the variables it gathered before and after the upgrade
    const shipped = (key: string) => the(ships.get(key)).variables;
    const gathered = { reserved: true, approved: true };
    expect(shipped(OLD.instances.orderA)).toEqual({ ...ORDER('A-1', 10), ...gathered, paid: 10 });
    expect(shipped(OLD.instances.orderB)).toEqual({ ...ORDER('B-2', 20), ...gathered, paid: 20 });
    expect(shipped(OLD.instances.orderC)).toEqual({ ...ORDER('C-3', 40), ...gathered, paid: 40 });
    expect(shipped(OLD.instances.orderD)).toEqual({
      ...ORDER('D-4', 80),
      ...gathered,
      paid: 80,
      status: 'payment-reminded',
    });
    expect(shipped(OLD.instances.orderE)).toEqual({ ...ORDER('E-5', 120), ...gathered, paid: 120 });
    for (const job of ships.values()) {
      newKeys.push(job.key);
      await client.completeJob(job.key, { shipped: true });
    }
    expect(escalate.variables).toEqual({ case: { id: 'RV-1', level: 2 } });
    newKeys.push(escalate.key);
    await client.completeJob(escalate.key);
  });

  it('keeps a sub-process’s local variables for the task inside it, under a boundary timer that fired', async () => {
    // given the review's task, waiting since before the upgrade inside the sub-process

    // when
    const assess = the((await jobsByInstance('upgrade-assess', 1)).get(OLD.instances.review));
    await client.completeJob(assess.key, { verdict: 'sound' });
    const archive = the((await jobsByInstance('upgrade-archive', 1)).get(OLD.instances.review));

    // then the sub-process's mapped level and the task's mapped grade, both computed before
    // the upgrade, reached the job; they stayed local, so only the task's result reached the root
    expect(assess.variables).toEqual({ case: { id: 'RV-1', level: 2 }, level: 2, grade: 'L2' });
    expect(archive.variables).toEqual({ case: { id: 'RV-1', level: 2 }, verdict: 'sound' });
    newKeys.push(archive.key);
    await client.completeJob(archive.key);
  });

  it('completes every instance that waited through the upgrade', async () => {
    // given every step above

    // when
    const waited = [...Object.values(OLD.instances), ...Object.values(OLD.charges)];
    const views = await eventually(
      () => history.getProcessInstances(waited),
      (found) => [...found.values()].every((view) => view.state === 'COMPLETED'),
    );

    // then
    expect(waited.map((key) => views.get(key)?.state)).toEqual(waited.map(() => 'COMPLETED'));
    expect(await history.listIncidents({ state: 'ACTIVE' })).toEqual([]);
  });

  it('gives out new keys after the old ones, never again an old one', () => {
    // given the keys seen since the upgrade

    // when
    const seen = new Set(newKeys);

    // then
    expect(newKeys.length).toBeGreaterThan(10);
    expect(seen.size).toBe(newKeys.length);
    for (const key of newKeys) expect(BigInt(key)).toBeGreaterThan(LAST_OLD_KEY);
  });

  it('still shows the history written before the upgrade, and carries on the change feed', async () => {
    // given order F, which ended before the upgrade, and D, which waited through it

    // when
    const orderF = the(await history.getProcessInstance(OLD.instances.orderF));
    const orderD = the(await history.getProcessInstance(OLD.instances.orderD));
    const incidents = await history.listIncidents({ processInstanceKey: OLD.charges.declined });
    const feed = await history.listHistoryChanges('0', 10_000);

    // then
    const before = new Date(OLD.clockAtEnd).toISOString();
    const endedBefore = (at: string | null) => at !== null && at <= before;
    expect(orderF.state).toBe('COMPLETED');
    expect(endedBefore(orderF.endedAt)).toBe(true);
    expect(orderF.elements.map((element) => element.elementId)).toEqual([
      'upgrade_order',
      'Start',
      'Reserve',
      'Approve',
      'PaymentReceived',
      'Cooling',
      'Ship',
      'End',
    ]);
    expect(orderF.variables[OLD.instances.orderF]).toEqual({
      ...ORDER('F-6', 60),
      reserved: true,
      approved: true,
      paid: 60,
      shipped: true,
    });
    const reserveD = the(orderD.elements.find((element) => element.elementId === 'Reserve'));
    expect(reserveD.startedAt <= before && endedBefore(reserveD.endedAt)).toBe(true);
    expect(orderD.variables[OLD.instances.orderD]).toMatchObject({
      status: 'payment-reminded',
      shipped: true,
    });
    expect(incidents).toMatchObject([{ key: OLD.incidents.declined.key, state: 'RESOLVED' }]);
    expect(the(incidents[0]).createdAt <= before).toBe(true);
    const positions = feed.map((change) => BigInt(change.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(feed.some((change) => change.processInstanceKey === OLD.instances.orderF)).toBe(true);
    expect(
      feed.filter((change) => change.processInstanceKey === OLD.instances.orderE).length,
    ).toBeGreaterThan(1);
  });
});
