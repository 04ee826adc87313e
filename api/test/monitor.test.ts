import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startEngine, type RunningEngine } from '@onething/engine';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openZeebeClient, type ZeebeClient } from '../src/launcher/zeebe-client.ts';
import { createPersonalDataCipher } from '../src/modules/people/personal-data-cipher.ts';
import { seedDemoAccounts } from '../src/modules/users/demo-accounts.ts';
import { createOrm, migrate, type Orm } from '../src/orm.ts';
import { Readiness } from '../src/readiness.ts';
import { createTestDatabase, withClient, type TestDatabase } from './support/database.ts';
import { signIn } from './support/test-app.ts';

const PROCESS_ID = 'monitor-fixture';
const JOB_TYPE = 'monitor-fixture-registry-call';
const ID_NUMBER = '11010519491231002X';

const FIXTURE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://onething.test">
  <bpmn:process id="${PROCESS_ID}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callRegistry" />
    <bpmn:serviceTask id="callRegistry" name="Call the registry">
      <bpmn:extensionElements><zeebe:taskDefinition type="${JOB_TYPE}" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="callRegistry" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/** The history is written with the command's effects; polling only covers the client's round trips. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await read();
    if (done(value) || attempt >= 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the Monitor engine routes', () => {
  let database: TestDatabase;
  let orm: Orm;
  let engine: RunningEngine;
  let zeebe: ZeebeClient;
  let app: FastifyInstance;
  let supervisor: string;
  let instanceKey: string;
  let incidentKey: string;

  beforeAll(async () => {
    database = await createTestDatabase('monitor');
    orm = await createOrm(database.url);
    await migrate(orm);
    const personalData = createPersonalDataCipher(randomBytes(32));
    await seedDemoAccounts(orm.em.fork(), personalData);
    engine = await startEngine({
      databaseUrl: database.url,
      gatewayAddress: '127.0.0.1:0',
      logger: pino({ level: 'silent' }),
    });
    zeebe = openZeebeClient({ kind: 'embedded', address: engine.address });
    app = await buildApp({
      orm,
      readiness: new Readiness(),
      personalData,
      zeebe,
      spaRoot: await mkdtemp(join(tmpdir(), 'onething-no-spa-')),
    });
    await app.ready();
    supervisor = await signIn(app, 'supervisor1');

    // given an instance whose registry call failed with no retries left
    await zeebe.deployResource({ name: 'monitor-fixture.bpmn', process: Buffer.from(FIXTURE_BPMN) });
    const instance = await zeebe.createProcessInstance({
      bpmnProcessId: PROCESS_ID,
      variables: { applicant: { name: '张三', idNumber: ID_NUMBER }, note: `申请人 ${ID_NUMBER} 已核验` },
    });
    instanceKey = instance.processInstanceKey;
    const [job] = await zeebe.activateJobs({
      type: JOB_TYPE,
      worker: 'monitor-test',
      maxJobsToActivate: 1,
      timeout: 60_000,
    });
    if (job === undefined) throw new Error('the fixture job was not activated');
    await zeebe.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'registry unavailable',
      retryBackOff: 0,
    });
  });

  afterAll(async () => {
    await app?.close();
    await zeebe?.close(2_000);
    await engine?.stop();
    await orm?.close();
    await database?.drop();
  });

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  it('lists the failed job as an active incident', async () => {
    // when
    const response = await eventually(
      () => get(`/api/monitor/incidents?state=ACTIVE&processInstanceKey=${instanceKey}`, supervisor),
      (answer) => answer.json().length > 0,
    );

    // then
    expect(response.statusCode).toBe(200);
    const incidents = response.json();
    expect(incidents).toEqual([
      expect.objectContaining({
        processInstanceKey: instanceKey,
        elementId: 'callRegistry',
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'registry unavailable',
        jobKey: expect.stringMatching(/^\d+$/),
        state: 'ACTIVE',
      }),
    ]);
    incidentKey = incidents[0].key;
  });

  it('lists instances by process with their active incidents, a page at a time', async () => {
    // when
    const response = await get(`/api/monitor/instances?bpmnProcessId=${PROCESS_ID}&limit=1`, supervisor);

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        expect.objectContaining({
          key: instanceKey,
          bpmnProcessId: PROCESS_ID,
          state: 'ACTIVE',
          incidents: 1,
        }),
      ],
      nextCursor: null,
    });
  });

  it('leaves the Studio’s dry runs out of the instance and incident lists', async () => {
    // given a dry run (process id ending in __dryrun) whose registry call failed too
    const dryRunProcessId = `${PROCESS_ID}__dryrun`;
    await zeebe.deployResource({
      name: 'monitor-fixture__dryrun.bpmn',
      process: Buffer.from(FIXTURE_BPMN.replace(`id="${PROCESS_ID}"`, `id="${dryRunProcessId}"`)),
    });
    const dryRun = await zeebe.createProcessInstance({ bpmnProcessId: dryRunProcessId, variables: {} });
    const [job] = await zeebe.activateJobs({
      type: JOB_TYPE,
      worker: 'monitor-test',
      maxJobsToActivate: 1,
      timeout: 60_000,
    });
    if (job === undefined) throw new Error('the dry run job was not activated');
    await zeebe.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'registry unavailable',
      retryBackOff: 0,
    });
    const detail = await eventually(
      () => get(`/api/monitor/instances/${dryRun.processInstanceKey}`, supervisor),
      (answer) => answer.statusCode === 200 && answer.json().incidents.length > 0,
    );
    expect(detail.json().incidents).toHaveLength(1);

    // when
    const instances = await get('/api/monitor/instances', supervisor);
    const incidents = await get('/api/monitor/incidents?state=ACTIVE', supervisor);

    // then
    const instanceKeys = instances.json().items.map((item: { key: string }) => item.key);
    expect(instanceKeys).toContain(instanceKey);
    expect(instanceKeys).not.toContain(dryRun.processInstanceKey);
    const incidentInstances = incidents
      .json()
      .map((incident: { processInstanceKey: string }) => incident.processInstanceKey);
    expect(incidentInstances).toContain(instanceKey);
    expect(incidentInstances).not.toContain(dryRun.processInstanceKey);
  });

  it('shows one instance with its element history, masked variables and incidents, and audits the look', async () => {
    // when
    const response = await get(`/api/monitor/instances/${instanceKey}`, supervisor);

    // then
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.elements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elementId: 'start', state: 'COMPLETED' }),
        expect.objectContaining({ elementId: 'callRegistry', state: 'ACTIVE' }),
      ]),
    );
    expect(detail.variables[instanceKey]).toEqual({
      applicant: { name: '张三', idNumber: '110105**********2X' },
      note: '申请人 110105**********2X 已核验',
    });
    expect(response.body).not.toContain(ID_NUMBER);
    expect(detail.incidents).toEqual([expect.objectContaining({ key: incidentKey, state: 'ACTIVE' })]);
    const audit = await withClient(database.url, (client) =>
      client.query("select actor_name, target from app.audit_event where action = 'monitor.instance.read'"),
    );
    expect(audit.rows).toContainEqual({ actor_name: 'supervisor1', target: instanceKey });
  });

  it('resolves a job incident by giving the job a retry, so that a worker gets it again', async () => {
    // when
    const response = await app.inject({
      method: 'POST',
      url: `/api/monitor/incidents/${incidentKey}/resolve`,
      headers: { cookie: supervisor },
    });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ key: incidentKey, resolved: true, retriedJob: true });
    const active = await get(
      `/api/monitor/incidents?state=ACTIVE&processInstanceKey=${instanceKey}`,
      supervisor,
    );
    expect(active.json()).toEqual([]);
    const [job] = await zeebe.activateJobs({
      type: JOB_TYPE,
      worker: 'monitor-test',
      maxJobsToActivate: 1,
      timeout: 60_000,
    });
    expect(job?.processInstanceKey).toBe(instanceKey);
    expect(job?.retries).toBe(1);
    const audit = await withClient(database.url, (client) =>
      client.query("select outcome, target from app.audit_event where action = 'monitor.incident.resolve'"),
    );
    expect(audit.rows).toEqual([{ outcome: 'success', target: incidentKey }]);
  });

  it('answers 404 in the error shape for an unknown instance or incident', async () => {
    // when
    const instance = await get('/api/monitor/instances/999999', supervisor);
    const resolve = await app.inject({
      method: 'POST',
      url: '/api/monitor/incidents/999999/resolve',
      headers: { cookie: supervisor },
    });

    // then
    expect(instance.statusCode).toBe(404);
    expect(instance.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(resolve.statusCode).toBe(404);
  });

  it('refuses citizens and clerks', async () => {
    for (const username of ['citizen1', 'hr1']) {
      // given
      const cookie = await signIn(app, username);

      // when
      const instances = await get('/api/monitor/instances', cookie);
      const detail = await get(`/api/monitor/instances/${instanceKey}`, cookie);
      const resolve = await app.inject({
        method: 'POST',
        url: `/api/monitor/incidents/${incidentKey}/resolve`,
        headers: { cookie },
      });

      // then
      expect([instances.statusCode, detail.statusCode, resolve.statusCode]).toEqual([403, 403, 403]);
    }
  });

  it('rejects a malformed key or filter before reading anything', async () => {
    // when
    const key = await get('/api/monitor/instances/not-a-key', supervisor);
    const state = await get('/api/monitor/instances?state=RUNNING', supervisor);

    // then
    expect(key.statusCode).toBe(400);
    expect(state.statusCode).toBe(400);
  });
});
