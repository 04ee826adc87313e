import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@onething/engine/free-port';
import { parseConfig, type Config } from '../src/config.ts';
import { PARTS } from '../src/launcher/parts.ts';
import { startUnits } from '../src/launcher/run-units.ts';
import { createOwnedTestDatabase, createTestDatabase, type TestDatabase } from './support/database.ts';

const silent = pino({ level: 'silent' });

describe('the start part', () => {
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;

  beforeAll(async () => {
    // An external database whose login user owns it but is no superuser.
    database = await createOwnedTestDatabase('parts');
    dataDir = await mkdtemp(join(tmpdir(), 'onething-parts-'));
    const parsed = parseConfig(
      {
        DATABASE_URL: database.url,
        ONETHING_SECRET_KEY: 'cd'.repeat(32),
        ONETHING_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
      },
      { repoRoot: '/repo', cwd: '/repo' },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    // An ephemeral gateway port, which the variable itself does not accept.
    config = { ...parsed.config, zeebeGatewayAddress: '127.0.0.1:0' };
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // A whole platform start takes about 30 s on a loaded two-core machine: more than the default limit.
  it('starts the engine, registries, catalogue, workers, api, dry-run expiry and task bridge on a fresh database, reports each in /ready and stops cleanly', async () => {
    // when
    const running = await startUnits(await PARTS.start(), config, silent);
    let registriesUrl: string | undefined;
    try {
      // then every part answers /ready
      const response = await fetch(`http://127.0.0.1:${config.port}/ready`);
      expect(await response.json()).toEqual({
        status: 'ready',
        checks: {
          postgres: { ok: true },
          engine: { ok: true },
          registries: { ok: true },
          catalogue: { ok: true },
          workers: { ok: true },
          database: { ok: true },
          'dry-run-expiry': { ok: true },
          'task-bridge': { ok: true },
          'application-progress': { ok: true },
        },
      });
      expect(response.status).toBe(200);

      // and a bundle of the catalogue starts through the Zeebe client
      const zeebe = running.provided.zeebe;
      if (zeebe === undefined) throw new Error('the engine unit provided no client');
      const instance = await zeebe.createProcessInstance({
        bpmnProcessId: 'onething-newborn',
        variables: {},
      });
      expect(instance.bpmnProcessId).toBe('onething-newborn');
      expect(instance.version).toBe(1);

      // and the sandbox registries answer on loopback, without admin endpoints
      registriesUrl = running.provided.registriesUrl;
      expect(registriesUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${registriesUrl}/health`)).status).toBe(200);
      expect((await fetch(`${registriesUrl}/registries/hr/_admin/faults`)).status).toBe(404);
    } finally {
      await running.stop();
    }

    // and after stopping, neither the api nor the registries listen any more
    await expect(fetch(`http://127.0.0.1:${config.port}/health`)).rejects.toThrow();
    await expect(fetch(`${registriesUrl}/health`)).rejects.toThrow();
  }, 120_000);

  it('deploys the catalogue again without new versions when nothing changed', async () => {
    // given the catalogue was deployed by the previous start on this database

    // when
    const running = await startUnits(await PARTS.start(), config, silent);
    try {
      // then
      const zeebe = running.provided.zeebe;
      if (zeebe === undefined) throw new Error('the engine unit provided no client');
      const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'onething-hiring', variables: {} });
      expect(instance.version).toBe(1);
    } finally {
      await running.stop();
    }
  }, 120_000);
});

describe('the registries part', () => {
  let database: TestDatabase;
  let config: Config;

  beforeAll(async () => {
    database = await createTestDatabase('registries');
    const parsed = parseConfig(
      {
        DATABASE_URL: database.url,
        ONETHING_SECRET_KEY: 'cd'.repeat(32),
        REGISTRIES_PORT: String(await freePort()),
        REGISTRIES_ADMIN_TOKEN: 'fault-injection-token',
      },
      { repoRoot: '/repo', cwd: '/repo' },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    config = parsed.config;
  });
  afterAll(async () => {
    await database.drop();
  });

  it('serves the registries alone on REGISTRIES_PORT, with fault injection only behind the admin token', async () => {
    // when
    const running = await startUnits(await PARTS.registries(), config, silent);
    try {
      // then
      const url = `http://127.0.0.1:${config.registriesPort}`;
      expect(running.provided.registriesUrl).toBe(url);
      expect((await running.readiness.run()).checks).toEqual({
        postgres: { ok: true },
        registries: { ok: true },
      });
      expect((await fetch(`${url}/registries/tax/_admin/faults`)).status).toBe(401);
      const faults = await fetch(`${url}/registries/tax/_admin/faults`, {
        headers: { 'x-registry-admin-token': 'fault-injection-token' },
      });
      expect(faults.status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
