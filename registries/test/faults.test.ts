import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/index.ts';
import { ADMIN_TOKEN, get, newKey, post, seededApp, setFaults, sql, contractViolations } from './support.ts';

const { CITIZEN1, CITIZEN2, CITIZEN2_SON } = demoPeople;

describe('fault injection', () => {
  let app: FastifyInstance;
  let db: { url: string; drop: () => Promise<void> };
  // The injected random source: each test sets the next value.
  let roll = 0.5;

  beforeAll(async () => {
    ({ app, db } = await seededApp({ random: () => roll }));
  });
  beforeEach(async () => {
    roll = 0.5;
    for (const dept of ['civil', 'health', 'hr', 'tax']) {
      await app.inject({
        method: 'DELETE',
        url: `/registries/${dept}/_admin/faults`,
        headers: { 'x-registry-admin-token': ADMIN_TOKEN },
      });
    }
  });
  afterAll(async () => {
    expect(contractViolations).toEqual([]);
    await app?.close();
    await db?.drop();
  });

  const cardCount = async (idNumber: string) =>
    (
      await sql(
        db.url,
        'select count(*)::int as n from registry_hr.social_security_cards where id_number = $1',
        [idNumber],
      )
    ).rows[0].n;

  it('keeps the admin endpoints closed without the token', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/registries/hr/_admin/faults',
      payload: { outage: true },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('ADMIN_UNAUTHORIZED');
  });

  it('fails the share of requests the error rate names, before anything is written', async () => {
    // given
    await setFaults(app, 'hr', { errorRate: 0.5 });
    roll = 0.4;
    // when
    const failed = await post(app, '/registries/hr/social-security-cards', {
      idNumber: CITIZEN2_SON.idNumber,
      name: CITIZEN2_SON.name,
    });
    // then
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('REGISTRY_UNAVAILABLE');
    expect(await cardCount(CITIZEN2_SON.idNumber)).toBe(0);
    roll = 0.6;
    expect((await get(app, `/registries/hr/persons/${CITIZEN1.idNumber}/insurance`)).status).toBe(200);
  });

  it('answers 503 to everything during an outage, until the faults are cleared', async () => {
    await setFaults(app, 'tax', { outage: true });
    expect((await get(app, `/registries/tax/taxpayers/${CITIZEN1.idNumber}`)).status).toBe(503);
    await app.inject({
      method: 'DELETE',
      url: '/registries/tax/_admin/faults',
      headers: { 'x-registry-admin-token': ADMIN_TOKEN },
    });
    expect((await get(app, `/registries/tax/taxpayers/${CITIZEN1.idNumber}`)).status).toBe(200);
  });

  it('hangs and times out the share of requests the timeout rate names', async () => {
    await setFaults(app, 'civil', { timeoutRate: 1, hangMs: 20 });
    const answer = await get(app, `/registries/civil/persons/${CITIZEN1.idNumber}`);
    expect(answer.status).toBe(504);
    expect(answer.body.error.code).toBe('REGISTRY_TIMEOUT');
  });

  it('commits a write and withholds its response; a retry with the key gets the stored one', async () => {
    // given
    await setFaults(app, 'hr', { lostResponseRate: 1, hangMs: 10 });
    const key = newKey();
    const body = { idNumber: CITIZEN2_SON.idNumber, name: CITIZEN2_SON.name };
    // when
    const lost = await post(app, '/registries/hr/social-security-cards', body, key);
    await setFaults(app, 'hr', { lostResponseRate: 0 });
    const retried = await post(app, '/registries/hr/social-security-cards', body, key);
    // then
    expect(lost.status).toBe(504);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotency-replayed']).toBe('true');
    expect(await cardCount(CITIZEN2_SON.idNumber)).toBe(1);
  });

  it('answers 503 when a registry it consults is down and lets the same key run again later', async () => {
    // given
    await setFaults(app, 'civil', { outage: true });
    const key = newKey();
    const body = { idNumber: CITIZEN2.idNumber, retirementDate: '2026-09-01' };
    // when
    const down = await post(app, '/registries/hr/pension-eligibility-checks', body, key);
    await setFaults(app, 'civil', { outage: false });
    const again = await post(app, '/registries/hr/pension-eligibility-checks', body, key);
    // then
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(again.status).toBe(201);
    expect(again.body.eligible).toBe(true);
  });

  it('delays requests by the latency asked for', async () => {
    await setFaults(app, 'health', { latencyMs: 30, latencyJitterMs: 10 });
    const faults = await app.inject({
      method: 'GET',
      url: '/registries/health/_admin/faults',
      headers: { 'x-registry-admin-token': ADMIN_TOKEN },
    });
    expect(faults.json()).toMatchObject({ latencyMs: 30, latencyJitterMs: 10, outage: false });
  });
});
