import { status } from '@grpc/grpc-js';
import pg from 'pg';
import { pino } from 'pino';
import { ZBClient } from 'zeebe-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../src/index.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { createDatabase } from '../support/test-engine.ts';
import { connect, grpcCode, type ConformanceClient } from '../support/zeebe-clients.ts';

/**
 * PostgreSQL out of reach while the engine runs: commands are answered
 * UNAVAILABLE (14), which every Zeebe client retries, never INTERNAL; once
 * the database is back the engine reloads and goes on.
 */
describe('database outage', () => {
  let proxy: TcpProxy;
  let engine: RunningEngine;
  let sdk: ConformanceClient;
  let directUrl: string;

  beforeAll(async () => {
    directUrl = await createDatabase('database_outage');
    const databaseUrl = new URL(directUrl);
    proxy = await TcpProxy.start({ host: databaseUrl.hostname, port: Number(databaseUrl.port) });
    engine = await startEngine({
      databaseUrl: proxy.through(databaseUrl.toString()),
      gatewayAddress: '127.0.0.1:0',
      logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
    });
    sdk = connect('camunda8-sdk', engine.address);
  });
  afterAll(async () => {
    await sdk?.close();
    await proxy?.restore();
    await engine?.stop();
    await proxy?.cut();
  });

  it('answers UNAVAILABLE while the database is unreachable, and a retrying client gets through once it is back', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'outage');
    await sdk.deploy('one-task.bpmn', fixture.bytes);
    const before = await sdk.createInstance({ bpmnProcessId: fixture.id('Process_OneTask') });

    // when the database goes away
    await proxy.cut();
    // The first commit may go out on a pooled connection whose end the engine has not seen
    // yet: whether it landed is then settled once the database is back (lost-commit.test.ts).
    const refused = sdk
      .createInstance({ bpmnProcessId: fixture.id('Process_OneTask') })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refusedAgain = await sdk
      .createInstance({ bpmnProcessId: fixture.id('Process_OneTask') })
      .catch((error: unknown) => error);
    // ...and a client that retries (zeebe-node's default) calls meanwhile
    const retrying = new ZBClient(engine.address, { useTLS: false, loglevel: 'NONE' });
    const retried = retrying.createProcessInstance({
      bpmnProcessId: fixture.id('Process_OneTask'),
      variables: {},
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await proxy.restore();

    // then
    expect(grpcCode(await refused)).toBe(status.UNAVAILABLE);
    expect(grpcCode(refusedAgain)).toBe(status.UNAVAILABLE);
    const created = await retried;
    expect(BigInt(created.processInstanceKey)).toBeGreaterThan(BigInt(before.processInstanceKey));
    const jobs = await sdk.activateJobs({ type: fixture.type('work'), maxJobsToActivate: 10 });
    expect(jobs.map((job) => job.processInstanceKey).sort()).toEqual(
      [before.processInstanceKey, created.processInstanceKey].sort(),
    );
    await retrying.close(2_000);
    // the writer lock died with its connection and was taken again
    const admin = new pg.Client({ connectionString: directUrl });
    await admin.connect();
    const locks = await admin
      .query<{ n: string }>(
        `select count(*)::text as n from pg_locks l join pg_database d on d.oid = l.database
         where l.locktype = 'advisory' and l.granted and d.datname = current_database()`,
      )
      .finally(() => admin.end());
    expect(locks.rows).toEqual([{ n: '1' }]);
  });
});
