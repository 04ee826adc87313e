import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createPersonalDataCipher } from '../src/modules/people/personal-data-cipher.ts';
import { createOrm, migrate, type Orm } from '../src/orm.ts';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '../src/postgres/embedded-postgres.ts';
import { Readiness } from '../src/readiness.ts';
import { freePort } from '@onething/engine/free-port';

// This file runs its own PostgreSQL, so that it can stop and restart it.
let dataDir: string;
let port: number;
let postgres: RunningPostgres | undefined;
let orm: Orm;
let app: FastifyInstance;

async function startPostgres(): Promise<RunningPostgres> {
  return startEmbeddedPostgres({ dataDir, port });
}

// A PostgreSQL of its own (initdb, start, migrations): minutes, not seconds, on a loaded machine.
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'onething-ready-pg-'));
  port = await freePort();
  postgres = await startPostgres();
  await ensureDatabase(postgres.url, 'onething');
  orm = await createOrm(postgres.urlFor('onething'));
  await migrate(orm);
  app = await buildApp({
    orm,
    readiness: new Readiness(),
    personalData: createPersonalDataCipher(randomBytes(32)),
    spaRoot: dataDir,
  });
  await app.ready();
}, 180_000);

afterAll(async () => {
  await app.close();
  await orm.close();
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function readyStatus(): Promise<{
  status: number;
  body: { status: string; checks: Record<string, { ok: boolean }> };
}> {
  const response = await app.inject({ url: '/ready' });
  return { status: response.statusCode, body: response.json() };
}

/** Asks until the answer has the status (the pool reconnects on its own schedule). */
async function untilReadyStatus(status: number): Promise<number> {
  let last = 0;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    last = (await readyStatus()).status;
    if (last === status) return last;
    await new Promise((done) => setTimeout(done, 250));
  }
  return last;
}

describe('GET /ready', () => {
  it('is 200 while the database answers', async () => {
    const { status, body } = await readyStatus();
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ready', checks: { database: { ok: true } } });
  });

  it('turns 503 when the database stops, naming the failing check', async () => {
    // when
    await postgres?.stop();
    postgres = undefined;

    // then
    const { status, body } = await readyStatus();
    expect(status).toBe(503);
    expect(body.status).toBe('not_ready');
    expect(body.checks['database']?.ok).toBe(false);
  });

  it('is 200 again once the database is back', async () => {
    // when
    postgres = await startPostgres();

    // then
    expect(await untilReadyStatus(200)).toBe(200);
  });
});
