import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Camunda8, type Zeebe } from '@camunda8/sdk';
import { demoPeople, startRegistriesServer, type Faults } from '@onething/registries';
import pg from 'pg';
import { pino } from 'pino';
import { startEngine, type RunningEngine } from '../../src/launch/start-engine.ts';
import type { ProcessInstanceView } from '../../src/service.ts';
import { isRecord } from '../../src/workers/registry-outcome.ts';
import { createDatabase } from '../support/test-engine.ts';

/**
 * The real pieces a connector test composes: the engine on its own database,
 * the sandbox registries (a separate HTTP server with fault injection) on
 * another, and an SDK client. The registries' clock is fixed, so the demo
 * family's baby is always a newborn.
 */
export const ADMIN_TOKEN = 'connector-tests';
export const REGISTRY_NOW = new Date('2026-11-29T02:00:00Z');
const DEPTS = ['civil', 'health', 'hr', 'tax'] as const;

export interface ConnectorWorld {
  engine: RunningEngine;
  readonly engineDatabaseUrl: string;
  readonly registriesUrl: string;
  readonly registriesDatabaseUrl: string;
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  deployChain(retries: number): Promise<void>;
  startChain(child: NewbornCase): Promise<string>;
  /** Resolves when every instance has ended; rejects with what is still open after the timeout. */
  waitForEnd(processInstanceKeys: readonly string[], timeoutMs: number): Promise<ProcessInstanceView[]>;
  setFaults(faults: Partial<Faults>): Promise<void>;
  clearFaults(): Promise<void>;
  /** Stops the engine and starts it again on the same database and the same port. */
  restartEngine(): Promise<void>;
  stop(): Promise<void>;
}

export interface NewbornCase {
  readonly childName: string;
  readonly motherIdNumber?: string;
}

export async function startConnectorWorld(label: string): Promise<ConnectorWorld> {
  const engineDatabaseUrl = await createDatabase(`${label}_engine`);
  const registriesDatabaseUrl = await createDatabase(`${label}_registries`);
  const logger = pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' });
  let engine = await startEngine({ databaseUrl: engineDatabaseUrl, gatewayAddress: '127.0.0.1:0', logger });
  const registries = await startRegistriesServer({
    databaseUrl: registriesDatabaseUrl,
    port: 0,
    logger: false,
    adminToken: ADMIN_TOKEN,
    now: () => REGISTRY_NOW,
  });
  const { port } = registries.server.address() as AddressInfo;
  const registriesUrl = `http://127.0.0.1:${port}`;
  const zeebe = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();

  const admin = async (method: 'PUT' | 'DELETE', body?: Partial<Faults>): Promise<void> => {
    for (const dept of DEPTS) {
      const response = await fetch(`${registriesUrl}/registries/${dept}/_admin/faults`, {
        method,
        headers: {
          'x-registry-admin-token': ADMIN_TOKEN,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!response.ok)
        throw new Error(`faults ${method} ${dept}: HTTP ${response.status} ${await response.text()}`);
    }
  };

  const world: ConnectorWorld = {
    engine,
    engineDatabaseUrl,
    registriesUrl,
    registriesDatabaseUrl,
    zeebe,
    deployChain: async (retries) => {
      const xml = readFileSync(
        join(import.meta.dirname, 'fixtures', 'connector-chain.bpmn'),
        'utf8',
      ).replaceAll('${retries}', String(retries));
      await zeebe.deployResource({ name: 'connector-chain.bpmn', process: Buffer.from(xml) });
    },
    startChain: async (child) => {
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: 'connector_chain',
        variables: newbornVariables(child),
      });
      return String(created.processInstanceKey);
    },
    waitForEnd: async (keys, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const views = await Promise.all(keys.map((key) => world.engine.inspector.getProcessInstance(key)));
        const open = keys.filter(
          (_, index) => views[index]?.state !== 'COMPLETED' && views[index]?.state !== 'TERMINATED',
        );
        if (open.length === 0) return views.filter((view): view is ProcessInstanceView => view !== undefined);
        if (Date.now() > deadline) {
          const incidents = await Promise.all(
            open.map((key) =>
              world.engine.inspector.listIncidents({ processInstanceKey: key, state: 'ACTIVE' }),
            ),
          );
          throw new Error(
            `instances still open: ${open.join(', ')}; incidents: ${JSON.stringify(incidents.flat().map((incident) => incident.errorMessage))}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    setFaults: (faults) => admin('PUT', faults),
    clearFaults: () => admin('DELETE'),
    restartEngine: async () => {
      const address = world.engine.address;
      await world.engine.stop();
      engine = await startEngine({ databaseUrl: engineDatabaseUrl, gatewayAddress: address, logger });
      world.engine = engine;
    },
    stop: async () => {
      await zeebe.close(2_000);
      await world.engine.stop();
      await registries.close();
    },
  };
  return world;
}

/** The demo family of citizen1 (王芳 and 陈明, household 100000101) with a new baby. */
export function newbornVariables(child: NewbornCase) {
  return {
    mother: {
      idNumber: child.motherIdNumber ?? demoPeople.CITIZEN1.idNumber,
      name: demoPeople.CITIZEN1.name,
    },
    father: { idNumber: demoPeople.CITIZEN1_SPOUSE.idNumber, name: demoPeople.CITIZEN1_SPOUSE.name },
    child: {
      name: child.childName,
      sex: 'female',
      birthDate: '2026-11-10',
      birthPlace: '浙江省杭州市西湖区',
      birthHospital: '浙江大学医学院附属妇产科医院',
    },
    household: { number: demoPeople.DEMO_HOUSEHOLDS.citizen1.number },
    infantCare: { ratio: '50' },
  };
}

/** How many records each registry holds for each child, read back through the query APIs and tables. */
export async function recordsPerChild(
  world: ConnectorWorld,
  childNames: readonly string[],
): Promise<Record<string, Record<string, number>>> {
  const mother = demoPeople.CITIZEN1.idNumber;
  /** `unknown`: what a 404 stands for (a person the registry has no record of yet, while work is in flight). */
  const get = async (path: string, unknown?: unknown): Promise<unknown> => {
    const response = await fetch(`${world.registriesUrl}${path}`);
    if (response.status === 404 && unknown !== undefined) return unknown;
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json();
  };
  const certificates = listOf(await get(`/registries/health/persons/${mother}/birth-certificates`), 'items');
  const children = listOf(await get(`/registries/civil/persons/${mother}/relations`), 'children');
  const deductions = listOf(await get(`/registries/tax/taxpayers/${mother}`), 'deductions');
  const db = new pg.Client({ connectionString: world.registriesDatabaseUrl });
  await db.connect();
  try {
    const counts: Record<string, Record<string, number>> = {};
    for (const name of childNames) {
      const ids = children.filter((child) => child.name === name).map((child) => String(child.idNumber));
      const vaccination = await db.query<{ n: string }>(
        `select count(*) as n from registry_health.vaccination_records v join registry_health.birth_certificates b on b.no = v.birth_certificate_no where b.child_name = $1`,
        [name],
      );
      let medical = 0;
      for (const id of ids) {
        // A child the civil registry has registered may not be enrolled in HR yet: no enrolments.
        const insurance = await get(`/registries/hr/persons/${id}/insurance`, { enrolments: [] });
        medical += listOf(insurance, 'enrolments').filter(
          (enrolment) => enrolment.scheme === 'resident',
        ).length;
      }
      counts[name] = {
        'issue-birth-certificate': certificates.filter((certificate) => certificate.childName === name)
          .length,
        'create-vaccination-record': Number(vaccination.rows[0]?.n ?? 0),
        'register-birth': ids.length,
        'enroll-medical-insurance': medical,
        'register-infant-care-deduction': deductions.filter((deduction) => deduction.childName === name)
          .length,
      };
    }
    return counts;
  } finally {
    await db.end();
  }
}

function listOf(value: unknown, key: string): Record<string, unknown>[] {
  const list: unknown = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

export const ONE_OF_EACH = {
  'issue-birth-certificate': 1,
  'create-vaccination-record': 1,
  'register-birth': 1,
  'enroll-medical-insurance': 1,
  'register-infant-care-deduction': 1,
};
