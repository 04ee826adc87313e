import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, registriesPlugin, seedRegistries } from '../src/index.ts';
import { createTestDatabase, NOW, post } from './support.ts';

const { CITIZEN1, CITIZEN1_SPOUSE, DEMO_HOUSEHOLDS } = demoPeople;

/** Civil and health as two servers, talking over real HTTP like separate department systems. */
describe('registries on separate servers', () => {
  let civil: FastifyInstance;
  let health: FastifyInstance;
  let db: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedRegistries(db.url, { residents: 0 });
    // civil learns health's address once health listens: a late-bound origin.
    let healthUrl = '';
    const lateFetch: typeof fetch = (input, init) =>
      fetch(String(input).replace('http://health.test', healthUrl), init);
    civil = Fastify({ logger: false });
    await civil.register(registriesPlugin, {
      databaseUrl: db.url,
      departments: ['civil'],
      now: () => NOW,
      peerBaseUrl: 'http://health.test',
      peerFetch: lateFetch,
    });
    const civilUrl = await civil.listen({ port: 0, host: '127.0.0.1' });
    health = Fastify({ logger: false });
    await health.register(registriesPlugin, {
      databaseUrl: db.url,
      departments: ['health'],
      now: () => NOW,
      peerBaseUrl: civilUrl,
    });
    healthUrl = await health.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await civil?.close();
    await health?.close();
    await db?.drop();
  });

  it('registers a birth in civil against a certificate issued by health over HTTP', async () => {
    // given
    const issued = await post(health, '/registries/health/birth-certificates', {
      motherIdNumber: CITIZEN1.idNumber,
      motherName: CITIZEN1.name,
      fatherIdNumber: CITIZEN1_SPOUSE.idNumber,
      fatherName: CITIZEN1_SPOUSE.name,
      childName: '陈安',
      childSex: 'male',
      childBirthDate: '2026-11-01',
      childBirthPlace: '浙江省杭州市',
    });
    expect(issued.status).toBe(201);
    // when
    const registered = await post(civil, '/registries/civil/birth-registrations', {
      birthCertificateNo: issued.body.birthCertificateNo,
      childName: '陈安',
      householdNumber: DEMO_HOUSEHOLDS.citizen1.number,
    });
    // then
    expect(registered.status).toBe(201);
    expect(registered.body.childIdNumber).toMatch(/^33010620261101\d{2}[13579][\dX]$/);
  });

  it('answers 503 when the peer registry cannot be reached', async () => {
    const isolated = Fastify({ logger: false });
    await isolated.register(registriesPlugin, {
      databaseUrl: db.url,
      departments: ['civil'],
      now: () => NOW,
      peerBaseUrl: 'http://127.0.0.1:1',
      peerTimeoutMs: 500,
    });
    const registered = await post(isolated, '/registries/civil/birth-registrations', {
      birthCertificateNo: 'Q100000001',
      childName: '陈安',
      householdNumber: DEMO_HOUSEHOLDS.citizen1.number,
    });
    await isolated.close();
    expect(registered.status).toBe(503);
    expect(registered.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('treats a peer registry that is not mounted as unavailable, not as a missing record', async () => {
    // given: hr alone in a server, with civil nowhere
    const lonely = Fastify({ logger: false });
    await lonely.register(registriesPlugin, { databaseUrl: db.url, departments: ['hr'], now: () => NOW });
    // when
    const card = await post(lonely, '/registries/hr/social-security-cards', {
      idNumber: CITIZEN1.idNumber,
      name: CITIZEN1.name,
    });
    await lonely.close();
    // then
    expect(card.status).toBe(503);
    expect(card.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
