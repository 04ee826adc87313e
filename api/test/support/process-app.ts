import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Camunda8, type Zeebe } from '@camunda8/sdk';
import { startEngine, type RunningEngine } from '@onething/engine';
import { loadBundle } from '@onething/processes';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/app.ts';
import { seedCatalogue } from '../../src/modules/catalogue/seed-catalogue.ts';
import {
  createPersonalDataCipher,
  type PersonalDataCipher,
} from '../../src/modules/people/personal-data-cipher.ts';
import {
  startUserTaskBridge,
  type UserTaskBridge,
  type UserTaskBridgeOptions,
} from '../../src/modules/tasks/user-task-bridge.ts';
import { seedDemoAccounts } from '../../src/modules/users/demo-accounts.ts';
import { createOrm, migrate, type Orm } from '../../src/orm.ts';
import { Readiness } from '../../src/readiness.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface ProcessTestApp {
  app: FastifyInstance;
  orm: Orm;
  engine: RunningEngine;
  zeebe: Zeebe.ZeebeGrpcClient;
  personalData: PersonalDataCipher;
  close(): Promise<void>;
}

/**
 * The real app beside the real embedded engine (gateway on an ephemeral
 * port) on one fresh database, with the given bundles seeded into the
 * catalogue (published as version 1) and deployed.
 */
export interface ProcessTestAppOptions {
  spaRoot?: string;
  /** Base URL of the department registries (prefill). */
  registriesUrl?: string;
  /** Those registries are the sandbox (Studio dry runs allowed). */
  registriesSandbox?: boolean;
  /** Folder of uploaded materials. */
  materialsDir?: string;
}

export async function startProcessTestApp(
  bundleKeys: readonly string[],
  options: ProcessTestAppOptions = {},
): Promise<ProcessTestApp> {
  const database: TestDatabase = await createTestDatabase('api_process');
  const engine = await startEngine({
    databaseUrl: database.url,
    gatewayAddress: '127.0.0.1:0',
    logger: pino({ level: 'silent' }),
  });
  const zeebe = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();
  const orm = await createOrm(database.url);
  await migrate(orm);
  await seedCatalogue({
    orm,
    zeebe,
    logger: pino({ level: 'silent' }),
    bundles: bundleKeys.map((key) => loadBundle(key)),
  });
  const personalData = createPersonalDataCipher(randomBytes(32));
  await seedDemoAccounts(orm.em.fork(), personalData);
  const app = await buildApp({
    orm,
    readiness: new Readiness(),
    personalData,
    zeebe,
    ...options,
    spaRoot: options.spaRoot ?? (await mkdtemp(join(tmpdir(), 'onething-no-spa-'))),
  });
  await app.ready();
  return {
    app,
    orm,
    engine,
    zeebe,
    personalData,
    close: async () => {
      await app.close();
      await zeebe.close(2_000);
      await engine.stop();
      await orm.close();
      await database.drop();
    },
  };
}

/**
 * The user-task bridge on a process test app: it turns the engine's user-task
 * jobs into clerks' tasks, polling briefly so that a test sees them soon.
 * `options` override the defaults (renewal timings, for the bridge's own tests).
 */
export function startTestTaskBridge(
  t: ProcessTestApp,
  options: Partial<UserTaskBridgeOptions> = {},
): UserTaskBridge {
  return startUserTaskBridge({
    zeebe: t.zeebe,
    orm: t.orm,
    personalData: t.personalData,
    pollTimeoutMs: 500,
    ...options,
  });
}
