import { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryReader } from '../../src/index.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually, sleep } from '../support/conformance-helpers.ts';
import { EngineChild } from '../support/engine-child.ts';
import { freePort } from '../support/free-port.ts';
import { createDatabase } from '../support/test-engine.ts';

/**
 * "Nothing acknowledged is lost" (DESIGN.md): the engine runs in a child
 * process that is killed with SIGKILL several times while the Camunda 8 SDK
 * creates instances and completes jobs; after every restart the work goes on.
 */
const KILLS = 4;
const JOB_TIMEOUT_MS = 3_000;
/**
 * Each start is bounded by the child's progress (EngineChild.start), not by a
 * fixed wait; these outer limits only stop a run that never ends.
 */
const SETUP_LIMIT_MS = 11 * 60_000;
const TEST_LIMIT_MS = 30 * 60_000;

function sdkClient(address: string) {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  }).getZeebeGrpcApiClient();
}
type Client = ReturnType<typeof sdkClient>;

/** A call still pending on a killed engine's connection counts as never acknowledged. */
function within<T>(call: Promise<T>, ms = 5_000): Promise<T> {
  return Promise.race([
    call,
    new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('no answer in time')), ms)),
  ]);
}

/**
 * Polls `read` until `accept`, giving up only when `progress` has not grown
 * for `stallMs`; returns the last value read either way.
 */
async function whileProgressing<T>(
  read: () => Promise<T>,
  progress: (value: T) => number,
  accept: (value: T) => boolean,
  stallMs: number,
): Promise<T> {
  let value = await read();
  let best = progress(value);
  let lastGrowth = Date.now();
  while (!accept(value) && Date.now() - lastGrowth < stallMs) {
    await sleep(200);
    value = await read();
    if (progress(value) > best) {
      best = progress(value);
      lastGrowth = Date.now();
    }
  }
  return value;
}

describe('crash recovery', () => {
  let databaseUrl: string;
  let pool: pg.Pool;
  let engine: EngineChild;

  beforeAll(async () => {
    databaseUrl = await createDatabase('crash_recovery');
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    engine = new EngineChild(databaseUrl, `127.0.0.1:${await freePort()}`);
    await engine.start();
  }, SETUP_LIMIT_MS);
  afterAll(async () => {
    await engine?.stop();
    await pool?.end();
  });

  it(
    'finishes every acknowledged instance exactly once across kill -9 restarts, never redoing an acknowledged completion',
    async () => {
      // given
      const fixture = uniqueFixture('one-task.bpmn', 'crash');
      const type = fixture.type('work');
      let client: Client = sdkClient(engine.address);
      await client.deployResource({ name: 'one-task.bpmn', process: fixture.bytes });
      const acknowledgedInstances: string[] = [];
      const activations: { key: string; at: number }[] = [];
      const completions = new Map<string, number>();
      let creating = true;
      let working = true;
      const clients: Client[] = [client];

      const creator = async () => {
        while (creating) {
          try {
            const created = await within(
              client.createProcessInstance({ bpmnProcessId: fixture.id('Process_OneTask'), variables: {} }),
            );
            acknowledgedInstances.push(created.processInstanceKey);
          } catch {
            await sleep(100);
          }
        }
      };
      const creators = [creator(), creator(), creator()];
      const worker = async () => {
        while (working) {
          try {
            const jobs = await within(
              client.activateJobs({
                type,
                worker: 'crash-test',
                maxJobsToActivate: 5,
                timeout: JOB_TIMEOUT_MS,
                requestTimeout: 1_000,
              }),
            );
            const at = Date.now();
            for (const job of jobs) activations.push({ key: job.key, at });
            for (const job of jobs) {
              await within(client.completeJob({ jobKey: job.key, variables: {} }));
              if (!completions.has(job.key)) completions.set(job.key, Date.now());
            }
          } catch {
            await sleep(100);
          }
        }
      };
      const workers = [worker(), worker(), worker()];

      // when
      for (let kill = 0; kill < KILLS; kill++) {
        // Kill only once work flows again: gRPC reconnects with back-off after a restart.
        const before = acknowledgedInstances.length;
        await eventually(
          async () => acknowledgedInstances.length,
          (count) => count > before,
          30_000,
        );
        await sleep(500 + Math.random() * 2_000);
        await engine.kill();
        await engine.start();
        client = sdkClient(engine.address);
        clients.push(client);
      }
      await eventually(
        async () => acknowledgedInstances.length,
        (count) => count > 40,
        30_000,
      );
      creating = false;
      await Promise.all(creators);
      const history = createHistoryReader(pool);
      // Waits while instances keep finishing; a loaded machine is slow, a lost instance never finishes.
      const finished = await whileProgressing(
        () =>
          Promise.all(
            acknowledgedInstances.map(async (key) => (await history.getProcessInstance(key))?.state),
          ),
        (states) => states.filter((state) => state === 'COMPLETED').length,
        (states) => states.every((state) => state === 'COMPLETED'),
        60_000,
      );
      // Long enough for a lost completion to come back as a timed-out job.
      await sleep(JOB_TIMEOUT_MS + 1_500);
      working = false;
      await Promise.all(workers);
      await Promise.all(clients.map((each) => each.close(1_000).catch(() => undefined)));

      // then
      expect(acknowledgedInstances.length).toBeGreaterThan(20);
      expect(finished.every((state) => state === 'COMPLETED')).toBe(true);
      expect(new Set(acknowledgedInstances).size).toBe(acknowledgedInstances.length);

      const elements = await pool.query<{
        process_instance_key: string;
        element_id: string;
        state: string;
        n: string;
      }>(
        `select process_instance_key::text, element_id, state, count(*)::text as n
         from engine.history_element_instances
        where process_instance_key = any($1::bigint[]) and element_id in ('Task_Work', 'End_Done')
        group by 1, 2, 3`,
        [acknowledgedInstances],
      );
      for (const key of acknowledgedInstances) {
        const rows = elements.rows.filter((row) => row.process_instance_key === key);
        expect(rows, `instance ${key}`).toEqual(
          expect.arrayContaining([
            { process_instance_key: key, element_id: 'Task_Work', state: 'COMPLETED', n: '1' },
            { process_instance_key: key, element_id: 'End_Done', state: 'COMPLETED', n: '1' },
          ]),
        );
        expect(rows, `instance ${key}`).toHaveLength(2);
      }

      for (const [jobKey, ackedAt] of completions) {
        const redone = activations.filter(
          (activation) => activation.key === jobKey && activation.at > ackedAt,
        );
        expect(redone, `job ${jobKey} was handed out again after its completion was acknowledged`).toEqual(
          [],
        );
      }

      const keys = await pool.query<{ total: string; distinct_keys: string }>(
        `with all_keys as (
         select key from engine.deployments
         union all select key from engine.process_definitions
         union all select key from engine.history_element_instances
         union all select key from engine.history_jobs
         union all select key from engine.history_incidents
       )
       select count(*)::text as total, count(distinct key)::text as distinct_keys from all_keys`,
      );
      expect(keys.rows[0]?.distinct_keys).toBe(keys.rows[0]?.total);
    },
    TEST_LIMIT_MS,
  );
});
