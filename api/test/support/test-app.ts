import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { loadBundles } from '@onething/processes';
import { buildApp } from '../../src/app.ts';
import { catalogueOfFolders } from '../../src/modules/catalogue/catalogue.ts';
import { seedDemoAccounts } from '../../src/modules/users/demo-accounts.ts';
import {
  createPersonalDataCipher,
  type PersonalDataCipher,
} from '../../src/modules/people/personal-data-cipher.ts';
import { createOrm, migrate, type Orm } from '../../src/orm.ts';
import { Readiness } from '../../src/readiness.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  orm: Orm;
  database: TestDatabase;
  personalData: PersonalDataCipher;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra routes registered beside the app's (to exercise guards and errors). */
  extraRoutes?: FastifyPluginAsync;
  /** Designer build folder; defaults to an empty folder (no SPA built). */
  spaRoot?: string;
  /** Base URL of the department registries (prefill). */
  registriesUrl?: string;
  submitRateLimit?: { max: number; timeWindowMs: number };
}

/** The real app on its own migrated and seeded database, ready for `inject`. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const orm = await createOrm(database.url);
  await migrate(orm);
  const personalData = createPersonalDataCipher(randomBytes(32));
  await seedDemoAccounts(orm.em.fork(), personalData);
  const app = await buildApp({
    orm,
    readiness: new Readiness(),
    personalData,
    spaRoot: options.spaRoot ?? (await mkdtemp(join(tmpdir(), 'onething-no-spa-'))),
    // No engine here: the bundles as the folders hold them (nothing can be started).
    catalogue: catalogueOfFolders(loadBundles()),
    ...(options.registriesUrl === undefined ? {} : { registriesUrl: options.registriesUrl }),
    ...(options.submitRateLimit === undefined ? {} : { submitRateLimit: options.submitRateLimit }),
  });
  if (options.extraRoutes) await app.register(options.extraRoutes);
  await app.ready();
  return {
    app,
    orm,
    database,
    personalData,
    close: async () => {
      await app.close();
      await orm.close();
      await database.drop();
    },
  };
}

/** Signs in through the real route; returns the Cookie header value for later requests. */
export async function signIn(app: FastifyInstance, username: string, password = 'demo'): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'onething_session');
  if (cookie === undefined) throw new Error('sign-in set no session cookie');
  return `onething_session=${cookie.value}`;
}
