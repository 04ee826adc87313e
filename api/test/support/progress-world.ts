import { randomUUID } from 'node:crypto';
import { createHistoryReader, startEngine, type HistoryReader, type RunningEngine } from '@onething/engine';
import type { BundleManifest } from '@onething/processes';
import pg from 'pg';
import { pino } from 'pino';
import {
  ApplicationSchema,
  type ApplicationStatus,
} from '../../src/modules/applications/application.entity.ts';
import { createOrm, migrate, type Orm } from '../../src/orm.ts';
import type { TestDatabase } from './database.ts';

/**
 * The embedded engine and the api's tables on one fresh database, with a
 * two-service process the test drives job by job: Task_Alpha (hr) →
 * Task_Beta (tax) → Task_Deliver → end. Applications are stored as the
 * window leaves them, each with its own process instance.
 */
export interface ProgressWorld {
  database: TestDatabase;
  orm: Orm;
  engine: RunningEngine;
  history: HistoryReader;
  manifestOf: (application: { bundleKey: string }) => Promise<BundleManifest | undefined>;
  /** A new instance (both services selected) and its application. */
  application(status?: ApplicationStatus): Promise<{ id: string; processInstanceKey: string }>;
  /** Completes every waiting job of the type, with the variables the instance's key gives. */
  completeAll(
    type: 'alpha' | 'beta' | 'deliver',
    variables?: (processInstanceKey: string) => object,
  ): Promise<number>;
  /** A new api connection pool (another replica). */
  replica(): Promise<Orm>;
  /** The application's timeline event names, oldest first. */
  timeline(applicationId: string): Promise<string[]>;
  close(): Promise<void>;
}

const PROCESS_ID = 'Process_ProgressTest';
export const PROGRESS_BUNDLE = 'progress-test';

const text = { 'zh-CN': '测试', en: 'Test' };
const service = (key: string, department: 'hr' | 'tax') => ({
  key,
  title: text,
  department,
  mode: 'automatic' as const,
  timeLimitDays: 5,
  operation: `onething:${department}:${key}`,
  form: `forms/${key}.form`,
  requires: [],
});
export const progressManifest: BundleManifest = {
  key: PROGRESS_BUNDLE,
  processId: PROCESS_ID,
  title: text,
  summary: text,
  departments: ['hr', 'tax'],
  materials: [],
  timeLimitDays: 10,
  services: [service('alpha', 'hr'), service('beta', 'tax')],
};

const task = (id: string, type: string) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>`;
const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
const PROCESS = new TextEncoder().encode(
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Progress" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_ID}" isExecutable="true">
    <bpmn:startEvent id="Start"/>${task('Task_Alpha', 'alpha')}${task('Task_Beta', 'beta')}${task('Task_Deliver', 'deliver')}
    <bpmn:endEvent id="End"/>
    ${flow('Flow_1', 'Start', 'Task_Alpha')}${flow('Flow_2', 'Task_Alpha', 'Task_Beta')}${flow('Flow_3', 'Task_Beta', 'Task_Deliver')}${flow('Flow_4', 'Task_Deliver', 'End')}
  </bpmn:process>
</bpmn:definitions>`,
);

/** Starts on a fresh database (`createTestDatabase` in tests; the bench makes its own). */
export async function startProgressWorld(database: TestDatabase): Promise<ProgressWorld> {
  const engine = await startEngine({
    databaseUrl: database.url,
    gatewayAddress: '127.0.0.1:0',
    logger: pino({ level: 'silent' }),
  });
  await engine.service.deploy([{ name: 'progress.bpmn', content: PROCESS }], '');
  const orm = await createOrm(database.url);
  await migrate(orm);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const replicas: Orm[] = [];

  return {
    database,
    orm,
    engine,
    history: createHistoryReader(pool),
    manifestOf: async (application) =>
      application.bundleKey === PROGRESS_BUNDLE ? progressManifest : undefined,
    application: async (status = 'processing') => {
      const created = await engine.service.createProcessInstance({
        bpmnProcessId: PROCESS_ID,
        version: -1,
        processDefinitionKey: '',
        variables: JSON.stringify({ services: ['alpha', 'beta'] }),
        startInstructions: [],
        tenantId: '',
      });
      const id = randomUUID();
      const now = new Date();
      await orm.em.fork().insert(ApplicationSchema, {
        id,
        bundleKey: PROGRESS_BUNDLE,
        bundleVersion: '1',
        applicantId: randomUUID(),
        status,
        services: ['alpha', 'beta'],
        departments: ['hr', 'tax'],
        dataCipher: 'not read by the worker',
        idempotencyKey: null,
        processInstanceKey: created.processInstanceKey,
        outcomes: null,
        submittedAt: now,
        updatedAt: now,
        acceptedAt: status === 'submitted' ? null : now,
      });
      return { id, processInstanceKey: created.processInstanceKey };
    },
    completeAll: async (type, variables = () => ({})) => {
      let completed = 0;
      for (;;) {
        const jobs = await engine.service.activateJobs({
          type,
          worker: 'progress-test',
          timeout: 60_000,
          maxJobsToActivate: 100,
          fetchVariable: [],
          tenantIds: [],
        });
        if (jobs.length === 0) return completed;
        for (const job of jobs) {
          await engine.service.completeJob(job.key, JSON.stringify(variables(job.processInstanceKey)));
          completed += 1;
        }
      }
    },
    replica: async () => {
      const replica = await createOrm(database.url);
      replicas.push(replica);
      return replica;
    },
    timeline: async (applicationId) => {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute<{ event: string }[]>(
          'select event from app.application_event where application_id = ? order by at, id',
          [applicationId],
        );
      return rows.map((row) => row.event);
    },
    close: async () => {
      for (const replica of replicas) await replica.close();
      await orm.close();
      await pool.end();
      await engine.stop();
      await database.drop();
    },
  };
}

/** The variables a connector leaves when its service is done. */
export const results = (...services: string[]) => ({
  results: Object.fromEntries(services.map((key) => [key, { number: `${key}-1` }])),
});
