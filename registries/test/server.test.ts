import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, startRegistriesServer } from '../src/index.ts';
import { createTestDatabase } from './support.ts';

describe('startRegistriesServer', () => {
  let db: { url: string; drop: () => Promise<void> };
  let server: FastifyInstance;
  let origin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startRegistriesServer({ databaseUrl: db.url, port: 0, logger: false });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    origin = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('migrates, seeds and serves the registries over HTTP', async () => {
    const response = await fetch(`${origin}/registries/civil/persons/${demoPeople.CITIZEN1.idNumber}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: demoPeople.CITIZEN1.name });
  });

  it('has no admin endpoints without an admin token', async () => {
    const response = await fetch(`${origin}/registries/hr/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"outage":true}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
