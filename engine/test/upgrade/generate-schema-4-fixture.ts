/**
 * Writes `fixtures/schema-4-live.sql` and `fixtures/schema-4-live.ts`: the rows of schema
 * `engine` as the engine at schema version 4 left them, with instances waiting in many
 * states, for `schema-5-upgrade.test.ts`. It runs the OLD engine (its own sources and
 * node_modules, from a worktree of the last commit before migration 5) and drives it
 * only through this repo's @camunda8/sdk client. The clock is fixed, so every rerun at
 * that commit writes the same keys, timestamps and rows.
 *
 * To rerun, from the repository root (b88abde is the last commit at schema 4; the next,
 * 76bbd8a, added migration 5 "variables stored once"):
 *
 *   git worktree add /tmp/engine-schema4 b88abde
 *   (cd /tmp/engine-schema4 && pnpm install --offline --frozen-lockfile)
 *   npx tsx engine/test/upgrade/generate-schema-4-fixture.ts /tmp/engine-schema4
 *   git worktree remove /tmp/engine-schema4
 *
 * It starts a throwaway embedded PostgreSQL, or uses the server DATABASE_URL names (a
 * maintenance URL; a fresh database is created and dropped there).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { format, resolveConfig } from 'prettier';
import { openBenchDatabase } from '../../bench/bench-postgres.ts';
import type { RunningEngine, StartEngineOptions } from '../../src/launch/start-engine.ts';
import { connect, type ConformanceClient, type Job } from '../support/zeebe-clients.ts';
import { dumpEngineRows } from './dump-engine-rows.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SCHEMA_4_COMMIT = 'b88abde';
const RESOURCES = [
  'upgrade-order.bpmn',
  'upgrade-reminder.bpmn',
  'upgrade-batch.bpmn',
  'upgrade-charge.bpmn',
  'upgrade-child.bpmn',
  'upgrade-parent.bpmn',
  'upgrade-late.bpmn',
  'upgrade-review.bpmn',
  'upgrade-signal.bpmn',
  'upgrade-retry.bpmn',
];
/** Long enough that no activated job times out before the test completes it. */
const LOCK_MS = 2 * 60 * 60_000;

interface OldEngineModule {
  startEngine(options: StartEngineOptions): Promise<RunningEngine>;
}

function isOldEngineModule(loaded: unknown): loaded is OldEngineModule {
  return typeof loaded === 'object' && loaded !== null && 'startEngine' in loaded;
}

class FixedClock {
  constructor(public current: number) {}
  now(): number {
    return this.current;
  }
}

async function main(): Promise<void> {
  const oldRoot = process.argv[2];
  if (!oldRoot) throw new Error('usage: generate-schema-4-fixture.ts <worktree of the schema-4 commit>');
  const loaded: unknown = await import(
    pathToFileURL(join(oldRoot, 'engine/src/launch/start-engine.ts')).href
  );
  if (!isOldEngineModule(loaded)) throw new Error(`${oldRoot} has no engine/src/launch/start-engine.ts`);
  const database = await openBenchDatabase();
  const clock = new FixedClock(Date.UTC(2026, 10, 2, 8, 0, 0));
  const engine = await loaded.startEngine({
    databaseUrl: database.url,
    gatewayAddress: '127.0.0.1:0',
    clock,
    logger: pino({ level: 'warn' }),
  });
  const client = connect('camunda8-sdk', engine.address);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const manifest = await leaveInstancesWaiting(client, pool, clock);
    await client.close();
    await engine.stop();
    const sql = await dumpEngineRows(pool, `engine at ${SCHEMA_4_COMMIT} (schema version 4)`);
    await writeFile(join(FIXTURES, 'schema-4-live.sql'), sql);
    await writeManifest({ ...manifest, clockAtEnd: clock.now() });
    console.log(`wrote ${sql.length} bytes of rows and the manifest to ${FIXTURES}`);
  } finally {
    await client.close().catch(() => undefined);
    await engine.stop();
    await pool.end();
    await database.stop();
  }
}

/** Every step moves the clock a second, so history shows the order things happened in. */
async function leaveInstancesWaiting(client: ConformanceClient, pool: pg.Pool, clock: FixedClock) {
  const tick = () => {
    clock.current += 1_000;
  };
  for (const name of RESOURCES) {
    await client.deploy(name, await readFile(join(FIXTURES, name)));
    tick();
  }
  const create = async (bpmnProcessId: string, variables: Record<string, Json>) => {
    tick();
    return (await client.createInstance({ bpmnProcessId, variables })).processInstanceKey;
  };
  const completeNext = async (type: string, variables: Record<string, Json> = {}) => {
    const job = await activateOne(client, type, 60_000);
    tick();
    await client.completeJob(job.key, variables);
    return job;
  };
  const order = (id: string, total: number) => ({ order: { id, total }, clerk: 'li.na' });

  // Order F runs to its end before the upgrade: its history must survive it.
  const orderF = await create('upgrade_order', order('F-6', 60));
  await completeNext('upgrade-reserve', { reserved: true });
  await completeNext('io.camunda.zeebe:userTask', { approved: true });
  await waitForElement(pool, orderF, 'PaymentReceived');
  await client.publishMessage({ name: 'upgrade-payment', correlationKey: 'F-6', variables: { paid: 60 } });
  await waitForElement(pool, orderF, 'Cooling');
  clock.current += 60 * 60_000 + 1_000;
  await completeNext('upgrade-ship', { shipped: true });
  await waitForInstanceEnd(pool, orderF);

  // Order E waits at its one-hour timer, D at the payment message (its status set twice:
  // the latest value must survive), C at the user task, B at an activated job, A at a job.
  const orderE = await create('upgrade_order', order('E-5', 120));
  await completeNext('upgrade-reserve', { reserved: true });
  await completeNext('io.camunda.zeebe:userTask', { approved: true });
  await waitForElement(pool, orderE, 'PaymentReceived');
  tick();
  await client.publishMessage({ name: 'upgrade-payment', correlationKey: 'E-5', variables: { paid: 120 } });
  await waitForElement(pool, orderE, 'Cooling');

  const orderD = await create('upgrade_order', order('D-4', 80));
  await completeNext('upgrade-reserve', { reserved: true });
  await completeNext('io.camunda.zeebe:userTask', { approved: true });
  await waitForElement(pool, orderD, 'PaymentReceived');
  for (const status of ['awaiting-payment', 'payment-reminded']) {
    tick();
    await client.setVariables({ elementInstanceKey: orderD, variables: { status }, local: false });
  }

  const orderC = await create('upgrade_order', order('C-3', 40));
  await completeNext('upgrade-reserve', { reserved: true });
  await waitForElement(pool, orderC, 'Approve');

  const orderB = await create('upgrade_order', order('B-2', 20));
  tick();
  const orderBJob = await activateOne(client, 'upgrade-reserve', LOCK_MS);

  const orderA = await create('upgrade_order', order('A-1', 10));
  const orderAReserve = await waitForElement(pool, orderA, 'Reserve');
  tick();
  await client.setVariables({
    elementInstanceKey: orderAReserve,
    variables: { note: 'fragile' },
    local: true,
  });

  const reminder = await create('upgrade_reminder', { customer: 'r-1' });
  await waitForElement(pool, reminder, 'Wait');

  // Three parallel inner instances: one done, one activated, one waiting for a worker.
  const batch = await create('upgrade_batch', {
    batchId: 'BATCH-1',
    items: [{ sku: 'S1' }, { sku: 'S2' }, { sku: 'S3' }],
  });
  const first = await activateOne(client, 'upgrade-check', 60_000);
  tick();
  await client.completeJob(first.key, { checked: `${String(first.variables.sku)}-ok` });
  tick();
  const batchJob = await activateOne(client, 'upgrade-check', LOCK_MS);

  // Two incidents: an input mapping that needs a variable nobody set, and a job out of retries.
  const chargeUnmapped = await create('upgrade_charge', { customer: 'c-1' });
  const chargeDeclined = await create('upgrade_charge', { customer: 'c-2', limit: 300 });
  const declinedJob = await activateOne(client, 'upgrade-charge', 60_000);
  tick();
  await client.failJob({ jobKey: declinedJob.key, retries: 0, errorMessage: 'card declined' });
  const unmappedIncident = await waitForIncident(pool, chargeUnmapped);
  const declinedIncident = await waitForIncident(pool, chargeDeclined);

  const parent = await create('upgrade_parent', { caseId: 'P-9' });
  const child = await waitForChild(pool, parent);
  await waitForElement(pool, child, 'ChildWork');

  // A task two scopes deep (a sub-process with its own input mapping) under a
  // non-interrupting 45-minute timer; a signal catch; a job failed into a 20-minute back-off.
  const review = await create('upgrade_review', { case: { id: 'RV-1', level: 2 } });
  await waitForElement(pool, review, 'Assess');
  const signal = await create('upgrade_signal', { ticket: 'T-1' });
  await waitForElement(pool, signal, 'WaitResume');
  const retry = await create('upgrade_retry', { source: 'registry' });
  const retryJob = await activateOne(client, 'upgrade-fetch', 60_000);
  tick();
  await client.failJob({
    jobKey: retryJob.key,
    retries: 2,
    errorMessage: 'registry down',
    retryBackOff: 20 * 60_000,
  });
  await waitFor(pool, `select key::text from engine.jobs where key = $1 and body->>'state' = 'FAILED'`, [
    retryJob.key,
  ]);

  // A buffered message no instance waits for yet: the test starts one that takes it.
  tick();
  await client.publishMessage({
    name: 'upgrade-late-payment',
    correlationKey: 'L-7',
    timeToLive: LOCK_MS,
    variables: { latePaid: 75 },
  });
  await waitFor(pool, 'select 1 from engine.messages', []);
  const counter = await pool.query<{ value: string }>('select value from engine.key_counter');

  return {
    instances: {
      orderA,
      orderB,
      orderC,
      orderD,
      orderE,
      orderF,
      reminder,
      batch,
      parent,
      child,
      review,
      signal,
      retry,
    },
    charges: { unmapped: chargeUnmapped, declined: chargeDeclined },
    activatedJobs: {
      orderB: { key: orderBJob.key, processInstanceKey: orderBJob.processInstanceKey },
      batch: { key: batchJob.key, sku: String(batchJob.variables.sku) },
      batchDone: String(first.variables.sku),
      retry: retryJob.key,
    },
    incidents: {
      unmapped: unmappedIncident,
      declined: { key: declinedIncident, jobKey: declinedJob.key },
    },
    keyCounter: Number(counter.rows[0]?.value),
  };
}

type Json = string | number | boolean | Json[] | { [key: string]: Json };

async function activateOne(client: ConformanceClient, type: string, timeout: number): Promise<Job> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const [job] = await client.activateJobs({
      type,
      timeout,
      maxJobsToActivate: 1,
      requestTimeout: 1_000,
      worker: 'before-upgrade',
    });
    if (job) return job;
  }
  throw new Error(`no ${type} job became activatable`);
}

/** Polls the old engine's tables (written by it, read here only to know what to wait for). */
async function waitFor(pool: pg.Pool, sql: string, params: unknown[]): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const result = await pool.query<{ key: string }>(sql, params);
    const key = result.rows[0]?.key;
    if (result.rowCount) return key ?? '';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing matched: ${sql} ${JSON.stringify(params)}`);
}

const waitForElement = (pool: pg.Pool, instance: string, elementId: string) =>
  waitFor(
    pool,
    `select key::text from engine.element_instances where process_instance_key = $1 and body->>'elementId' = $2`,
    [instance, elementId],
  );
const waitForInstanceEnd = (pool: pg.Pool, instance: string) =>
  waitFor(
    pool,
    `select key::text from engine.history_process_instances where key = $1 and state = 'COMPLETED'`,
    [instance],
  );
const waitForIncident = (pool: pg.Pool, instance: string) =>
  waitFor(pool, `select key::text from engine.incidents where process_instance_key = $1`, [instance]);
const waitForChild = (pool: pg.Pool, parent: string) =>
  waitFor(
    pool,
    `select key::text from engine.history_process_instances where parent_process_instance_key = $1`,
    [parent],
  );

async function writeManifest(manifest: object): Promise<void> {
  const source =
    `// Written by generate-schema-4-fixture.ts with schema-4-live.sql; do not edit.\n` +
    `// The keys of what the engine at ${SCHEMA_4_COMMIT} left waiting, and its clock when it stopped.\n` +
    `export const SCHEMA_4_LIVE = ${JSON.stringify(manifest)} as const;\n`;
  const path = join(FIXTURES, 'schema-4-live.ts');
  await writeFile(path, await format(source, { ...(await resolveConfig(path)), filepath: path }));
}

await main();
