import type { AddressInfo } from 'node:net';
import { Camunda8, type Zeebe } from '@camunda8/sdk';
import {
  startConnectors,
  startEngine,
  type ProcessInstanceView,
  type RunningConnectors,
  type RunningEngine,
} from '@onething/engine';
import {
  SUPPLEMENT_MESSAGE,
  acceptanceVariables,
  loadBundle,
  startVariables,
  type Bundle,
} from '@onething/processes';
import { DEPARTMENTS, startRegistriesServer, type Faults } from '@onething/registries';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withClient, type TestDatabase } from '../support/database.ts';

/**
 * One bundle run for real: the embedded engine and the sandbox registries on
 * fresh databases, the registry connectors between them, the bundle's BPMN
 * deployed, and a clerk inbox that holds the user-task jobs the SDK activates
 * so that each scenario completes its own tasks as a clerk would.
 */

/** The registries' clock: the demo family's baby (born 2026-11-10) is a newborn. */
export const REGISTRY_NOW = new Date('2026-11-29T02:00:00Z');
const USER_TASK = 'io.camunda.zeebe:userTask';
const POLL_MS = 100;

export interface ClerkTask {
  readonly jobKey: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly formKey: string | undefined;
  readonly candidateGroups: readonly string[];
  readonly variables: Record<string, unknown>;
}

export interface BundleWorld {
  readonly bundle: Bundle;
  readonly engine: RunningEngine;
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  readonly registriesUrl: string;
  /** Creates an instance for a citizen's application; answers its key. */
  submit(applicationId: string, data: Record<string, unknown>, services: readonly string[]): Promise<string>;
  /** Waits for the user task `elementId` of the instance, as the SDK activated it. */
  task(processInstanceKey: string, elementId: string, timeoutMs?: number): Promise<ClerkTask>;
  complete(task: ClerkTask, variables: Record<string, unknown>): Promise<void>;
  /**
   * Completes the window's acceptance task with the documented variables; the
   * parts of `overdueParts` get a due date a minute ago (a short time limit).
   */
  windowDecides(
    processInstanceKey: string,
    decision: 'accept' | 'return',
    services: readonly string[],
    overdueParts?: readonly string[],
  ): Promise<ClerkTask>;
  /** The window returns the application for correction, to be supplemented by `supplementDueAt`. */
  windowReturnsUntil(processInstanceKey: string, supplementDueAt: string): Promise<ClerkTask>;
  /** The window's delivery task (统一出件), completed online. */
  deliver(processInstanceKey: string): Promise<ClerkTask>;
  supplement(applicationId: string, data: Record<string, unknown>): Promise<void>;
  /** Resolves with the finished instance; rejects naming what is still open (and any incident) after the deadline. */
  finished(processInstanceKey: string, timeoutMs?: number): Promise<ProcessInstanceView>;
  registry<T = Record<string, unknown>>(path: string): Promise<T>;
  /** A count read straight from the registries' tables, for records no query API lists. */
  count(sql: string, params: readonly unknown[]): Promise<number>;
  /** Rows of the registries' tables: picks seeded residents that fit a scenario. */
  rows(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Lets every registry answer normally again (the checks after a faulty run read them). */
  clearFaults(): Promise<void>;
  /** Registry calls of the connectors that failed technically (5xx or no answer in time). */
  readonly failedRegistryCalls: () => number;
  stop(): Promise<void>;
}

export interface BundleWorldOptions {
  /** Faults every registry injects from the start (registries/OPERATIONS.md, "Fault injection"). */
  readonly faults?: Partial<Faults>;
}

/**
 * The faults of the issue's connector test: 30 % of calls fail (15 % at once,
 * 15 % by hanging past the connector's timeout) and 5 % of writes lose their
 * response after committing.
 */
export const THIRTY_PERCENT_FAULTS: Partial<Faults> = {
  errorRate: 0.15,
  timeoutRate: 0.15,
  lostResponseRate: 0.05,
  hangMs: 1_500,
};
const ADMIN_TOKEN = 'bundle-e2e';

export async function startBundleWorld(
  bundleKey: string,
  options: BundleWorldOptions = {},
): Promise<BundleWorld> {
  const bundle = loadBundle(bundleKey);
  const name = `e2e_${bundleKey.replace('-', '_')}${options.faults ? '_faults' : ''}`;
  const databases: TestDatabase[] = [
    await createTestDatabase(`${name}_engine`),
    await createTestDatabase(`${name}_registries`),
  ];
  const [engineDb, registriesDb] = databases as [TestDatabase, TestDatabase];
  const logger = pino({ level: process.env.E2E_LOG ?? 'silent' });
  const engine = await startEngine({ databaseUrl: engineDb.url, gatewayAddress: '127.0.0.1:0', logger });
  const registries = await startRegistriesServer({
    databaseUrl: registriesDb.url,
    port: 0,
    logger: false,
    adminToken: ADMIN_TOKEN,
    now: () => REGISTRY_NOW,
    ...(options.faults ? { random: faultDice() } : {}),
  });
  const { port } = registries.server.address() as AddressInfo;
  const registriesUrl = `http://127.0.0.1:${port}`;
  const zeebe = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();
  let failedRegistryCalls = 0;
  const countingFetch = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      const response = await fetch(url, init);
      if (response.status >= 500) failedRegistryCalls += 1;
      return response;
    } catch (error) {
      failedRegistryCalls += 1;
      throw error;
    }
  };
  const connectors: RunningConnectors = startConnectors({
    zeebe,
    registriesUrl,
    fetch: countingFetch,
    logger,
    pollInterval: 100,
    // Under faults a hung call must time out well before the registry's hang ends.
    requestTimeoutMs: options.faults ? 1_000 : 5_000,
    quickRetries: { count: 2, delayMs: 50 },
    retryPolicy: { baseMs: 100, maxMs: 1_000 },
  });
  const setFaults = async (method: 'PUT' | 'DELETE', faults?: Partial<Faults>) => {
    for (const dept of DEPARTMENTS) {
      const response = await fetch(`${registriesUrl}/registries/${dept}/_admin/faults`, {
        method,
        headers: {
          'x-registry-admin-token': ADMIN_TOKEN,
          ...(faults ? { 'content-type': 'application/json' } : {}),
        },
        ...(faults ? { body: JSON.stringify(faults) } : {}),
      });
      if (!response.ok) throw new Error(`${method} ${dept} faults: HTTP ${response.status}`);
    }
  };
  if (options.faults) await setFaults('PUT', options.faults);
  await zeebe.deployResource({ name: `${bundleKey}.bpmn`, process: Buffer.from(bundle.bpmnXml) });

  // The clerk inbox: jobs stay locked to this worker until a scenario completes them.
  const inbox: ClerkTask[] = [];
  const clerks = zeebe.createWorker({
    taskType: USER_TASK,
    maxJobsToActivate: 64,
    pollInterval: POLL_MS,
    timeout: 300_000,
    loglevel: 'NONE',
    taskHandler: (job) => {
      const variables: unknown = JSON.parse(JSON.stringify(job.variables ?? {}));
      const headers: Record<string, unknown> = { ...job.customHeaders };
      inbox.push({
        jobKey: String(job.key),
        processInstanceKey: String(job.processInstanceKey),
        elementId: job.elementId,
        formKey:
          typeof headers['io.camunda.zeebe:formKey'] === 'string'
            ? headers['io.camunda.zeebe:formKey']
            : undefined,
        candidateGroups: parseGroups(headers['io.camunda.zeebe:candidateGroups']),
        variables: isRecord(variables) ? variables : {},
      });
      return job.forward();
    },
  });

  const world: BundleWorld = {
    bundle,
    engine,
    zeebe,
    registriesUrl,
    submit: async (applicationId, data, services) => {
      const variables = startVariables(bundle.manifest, {
        applicationId,
        applicant: recordOf(data.applicant),
        data,
        services,
        submittedAt: new Date(),
      });
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: bundle.manifest.processId,
        variables: toJsonDoc(variables),
      });
      return String(created.processInstanceKey);
    },
    task: (processInstanceKey, elementId, timeoutMs = options.faults ? 60_000 : 20_000) =>
      until(
        `${elementId} of ${processInstanceKey}`,
        timeoutMs,
        async () => {
          const index = inbox.findIndex(
            (task) => task.processInstanceKey === processInstanceKey && task.elementId === elementId,
          );
          if (index < 0) return undefined;
          const [task] = inbox.splice(index, 1);
          return task;
        },
        () => openWork(engine, processInstanceKey),
      ),
    complete: async (task, variables) => {
      await zeebe.completeJob({ jobKey: task.jobKey, variables: toJsonDoc(variables) });
    },
    windowDecides: async (processInstanceKey, decision, services, overdueParts = []) => {
      const task = await world.task(processInstanceKey, 'Task_WindowAccept');
      const form =
        decision === 'return'
          ? { reason: '申请材料信息有误，请更正后重新提交' }
          : { materialsChecked: bundle.manifest.materials.map((m) => m.key) };
      const variables = acceptanceVariables(bundle.manifest, decision, new Date(), services, form);
      const parts = recordOf(variables.parts);
      for (const department of overdueParts) parts[department] = { dueAt: shanghaiTime(-60_000) };
      await world.complete(task, variables);
      return task;
    },
    windowReturnsUntil: async (processInstanceKey, supplementDueAt) => {
      const task = await world.task(processInstanceKey, 'Task_WindowAccept');
      const variables = acceptanceVariables(bundle.manifest, 'return', new Date(), [], {
        reason: '请补充提交出生医学证明所需的分娩记录',
      });
      await world.complete(task, { acceptance: { ...recordOf(variables.acceptance), supplementDueAt } });
      return task;
    },
    deliver: async (processInstanceKey) => {
      const task = await world.task(processInstanceKey, 'Task_DeliverResults');
      await world.complete(task, { delivery: { method: 'online' } });
      return task;
    },
    supplement: async (applicationId, data) => {
      await zeebe.publishMessage({
        name: SUPPLEMENT_MESSAGE,
        correlationKey: applicationId,
        variables: toJsonDoc(data),
        timeToLive: 10_000,
      });
    },
    finished: (processInstanceKey, timeoutMs = options.faults ? 90_000 : 30_000) =>
      until(
        `the end of ${processInstanceKey}`,
        timeoutMs,
        async () => {
          const view = await engine.inspector.getProcessInstance(processInstanceKey);
          return view && view.state !== 'ACTIVE' ? view : undefined;
        },
        () => openWork(engine, processInstanceKey),
      ),
    registry: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${registriesUrl}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    count: async (sql, params) => {
      const rows = await withClient(registriesDb.url, (client) =>
        client.query<{ n: string }>(sql, [...params]),
      );
      return Number(rows.rows[0]?.n ?? 0);
    },
    rows: async (sql, params) => {
      const result = await withClient(registriesDb.url, (client) =>
        client.query<Record<string, unknown>>(sql, [...params]),
      );
      return result.rows;
    },
    clearFaults: () => setFaults('DELETE'),
    failedRegistryCalls: () => failedRegistryCalls,
    stop: async () => {
      await clerks.close(2_000);
      await connectors.stop();
      await zeebe.close(2_000);
      await engine.stop();
      await registries.close();
      for (const database of databases) await database.drop();
    },
  };
  return world;
}

/**
 * The registries' dice under faults: the first throw always fails (so every
 * faulty run meets at least one failure), then a seeded sequence, so a run is
 * repeatable as far as the order of concurrent calls allows.
 */
function faultDice(): () => number {
  let state = 2026;
  let first = true;
  return () => {
    if (first) {
      first = false;
      return 0;
    }
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The issue's connector test for one bundle: its happy path in a world of its own
 * whose registries fail 30 % of calls (THIRTY_PERCENT_FAULTS) still completes with
 * exactly one record per operation, and the run did meet failures.
 */
export function describeFaultRun(
  bundleKey: string,
  happyPath: (world: BundleWorld, applicationId: string) => Promise<void>,
): void {
  describe(`${bundleKey} bundle while the registries fail`, () => {
    let faulty: BundleWorld | undefined;

    beforeAll(async () => {
      faulty = await startBundleWorld(bundleKey, { faults: THIRTY_PERCENT_FAULTS });
    }, 60_000);

    afterAll(async () => {
      await faulty?.stop();
    }, 120_000);

    it('completes and registers each operation exactly once while 30 % of registry calls fail', async () => {
      if (!faulty) throw new Error('the faulty world did not start');
      await happyPath(faulty, `e2e-${bundleKey}-faults`);
      expect(faulty.failedRegistryCalls()).toBeGreaterThan(0);
    }, 120_000);
  });
}

/** The instance's root variables. */
export function rootVariables(view: ProcessInstanceView): Record<string, unknown> {
  return view.variables[view.key] ?? {};
}

export function visited(view: ProcessInstanceView): string[] {
  return view.elements.map((element) => element.elementId);
}

/** An ISO date-time in Asia/Shanghai, `offsetMs` from now (the form due dates take). */
export function shanghaiTime(offsetMs: number): string {
  const local = new Date(Date.now() + offsetMs + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  explain: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${await explain()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function openWork(engine: RunningEngine, processInstanceKey: string): Promise<string> {
  const view = await engine.inspector.getProcessInstance(processInstanceKey);
  const active =
    view?.elements.filter((element) => element.state === 'ACTIVE').map((element) => element.elementId) ?? [];
  const incidents = await engine.inspector.listIncidents({ processInstanceKey, state: 'ACTIVE' });
  return `state ${view?.state ?? 'unknown'}, active ${JSON.stringify(active)}, incidents ${JSON.stringify(incidents.map((incident) => `${incident.elementId}: ${incident.errorMessage}`))}`;
}

function parseGroups(header: unknown): string[] {
  if (typeof header !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed)
      ? parsed.filter((group): group is string => typeof group === 'string')
      : [header];
  } catch {
    return [header];
  }
}

type JsonValue = string | number | boolean | JsonValue[] | JsonDoc;
interface JsonDoc {
  [key: string]: JsonValue;
}

/** The SDK's variable type; nulls and undefined fields are left out (the process reads them as null). */
function toJsonDoc(value: Record<string, unknown>): JsonDoc {
  const doc: JsonDoc = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = toJsonValue(item);
    if (converted !== undefined) doc[key] = converted;
  }
  return doc;
}

function toJsonValue(value: unknown): JsonValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value))
    return value.map(toJsonValue).filter((item): item is JsonValue => item !== undefined);
  if (isRecord(value)) return toJsonDoc(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
