import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateRegistries, registriesPlugin, seedRegistries, type RegistriesOptions } from '../src/index.ts';
import { buildIdNumber } from '../src/shared/id-number.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export const ADMIN_TOKEN = 'test-admin-token';
/** The registries' clock in tests: 2026-11-20 10:00 in China. */
export const NOW = new Date('2026-11-20T02:00:00Z');

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const maintenance = inject('postgresUrl');
  const name = `registries_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: maintenance });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(maintenance);
  url.pathname = `/${name}`;
  await migrateRegistries(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: maintenance });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Rejections answered with a code the operation does not declare (OPERATIONS.md); a test file ends by expecting none. */
export const contractViolations: string[] = [];
const errorLog = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const line = chunk.toString();
    if (line.includes('rejection code missing from the operation contract')) contractViolations.push(line);
    done();
  },
});

export async function buildApp(
  databaseUrl: string,
  options: Partial<RegistriesOptions> = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: 'error', stream: errorLog } });
  await app.register(registriesPlugin, { databaseUrl, adminToken: ADMIN_TOKEN, now: () => NOW, ...options });
  await app.ready();
  return app;
}

let keyCounter = 0;
export function newKey(): string {
  keyCounter += 1;
  return `test-${Date.now()}-${keyCounter}`;
}

export async function post(app: FastifyInstance, url: string, payload: object, key: string = newKey()) {
  const response = await app.inject({ method: 'POST', url, payload, headers: { 'idempotency-key': key } });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

export async function get(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
}

export async function setFaults(app: FastifyInstance, dept: string, faults: object): Promise<void> {
  const response = await app.inject({
    method: 'PUT',
    url: `/registries/${dept}/_admin/faults`,
    payload: faults,
    headers: { 'x-registry-admin-token': ADMIN_TOKEN },
  });
  if (response.statusCode !== 200) throw new Error(`setting faults failed: ${response.body}`);
}

export interface TestPerson {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
}

let sequence = 100;
export function person(
  name: string,
  sex: 'male' | 'female',
  birthDate: string,
  region = '330106',
): TestPerson {
  sequence += 2;
  const seq = sex === 'male' ? sequence + 1 : sequence;
  return { idNumber: buildIdNumber(region, birthDate, seq), name, sex, birthDate };
}

/** Writes persons and a household straight into the civil registry's tables (test fixtures). */
export async function insertHousehold(
  databaseUrl: string,
  number: string,
  members: { person: TestPerson; relation: string }[],
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into registry_civil.households (number, address, region_code) values ($1, $2, '330106')`,
      [number, '浙江省杭州市西湖区测试路 1 号'],
    );
    for (const { person: p, relation } of members) {
      await client.query(
        `insert into registry_civil.persons (id_number, name, sex, birth_date, household_number, relation_to_head) values ($1, $2, $3, $4, $5, $6)`,
        [p.idNumber, p.name, p.sex, p.birthDate, number, relation],
      );
    }
  } finally {
    await client.end();
  }
}

export async function sql(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** A fresh database with the demo families and a few generated residents, and an app on it. */
export async function seededApp(
  options: Partial<RegistriesOptions> = {},
): Promise<{ app: FastifyInstance; db: { url: string; drop: () => Promise<void> } }> {
  const db = await createTestDatabase();
  await seedRegistries(db.url, { residents: 20 });
  const app = await buildApp(db.url, options);
  return { app, db };
}
