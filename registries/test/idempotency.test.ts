import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/index.ts';
import { newKey, post, seededApp, setFaults, sql, contractViolations } from './support.ts';

const { CITIZEN2_FATHER, CITIZEN2_SON, CITIZEN1 } = demoPeople;

const card = {
  idNumber: CITIZEN1.idNumber,
  name: CITIZEN1.name,
  mailingAddress: '浙江省杭州市西湖区文三路 88 号',
};

describe('idempotency keys on writes', () => {
  let app: FastifyInstance;
  let db: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    ({ app, db } = await seededApp());
  });
  afterAll(async () => {
    expect(contractViolations).toEqual([]);
    await app?.close();
    await db?.drop();
  });

  const deathCertificate = (name: string) => ({
    deceasedIdNumber: CITIZEN2_FATHER.idNumber,
    deceasedName: name,
    deathDate: '2026-11-18',
    deathPlace: '浙江省杭州市第一人民医院',
    deathCause: '肺炎',
  });

  it('returns the stored response for the same key and body, writing once', async () => {
    // given
    const key = newKey();
    const first = await post(
      app,
      '/registries/health/death-certificates',
      deathCertificate(CITIZEN2_FATHER.name),
      key,
    );
    // when
    const second = await post(
      app,
      '/registries/health/death-certificates',
      deathCertificate(CITIZEN2_FATHER.name),
      key,
    );
    // then
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotency-replayed']).toBe('true');
    const rows = await sql(
      db.url,
      'select count(*)::int as n from registry_health.death_certificates where deceased_id_number = $1',
      [CITIZEN2_FATHER.idNumber],
    );
    expect(rows.rows[0].n).toBe(1);
  });

  it('rejects the same key with another body', async () => {
    const key = newKey();
    await post(app, '/registries/hr/pension-eligibility-checks', { idNumber: CITIZEN1.idNumber }, key);
    const other = await post(
      app,
      '/registries/hr/pension-eligibility-checks',
      { idNumber: CITIZEN2_FATHER.idNumber },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('replays a business rejection for the same key', async () => {
    const key = newKey();
    const first = await post(app, '/registries/health/death-certificates', deathCertificate('错误姓名'), key);
    const second = await post(
      app,
      '/registries/health/death-certificates',
      deathCertificate('错误姓名'),
      key,
    );
    expect(first.status).toBe(422);
    expect(second.status).toBe(422);
    expect(second.body).toEqual(first.body);
  });

  it('requires a key on every write', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/registries/hr/social-security-cards',
      payload: card,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IDEMPOTENCY_KEY_MISSING');
  });

  it('answers 409 while a request with the same key is in progress', async () => {
    // given: hr waits on the civil registry, slowed down
    await setFaults(app, 'civil', { latencyMs: 400 });
    const key = newKey();
    const slow = post(
      app,
      '/registries/hr/pension-eligibility-checks',
      { idNumber: CITIZEN1.idNumber, retirementDate: '2026-01-01' },
      key,
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    // when
    const concurrent = await post(
      app,
      '/registries/hr/pension-eligibility-checks',
      { idNumber: CITIZEN1.idNumber, retirementDate: '2026-01-01' },
      key,
    );
    // then
    expect(concurrent.status).toBe(409);
    expect(concurrent.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await slow).status).toBe(201);
    await setFaults(app, 'civil', { latencyMs: 0 });
  });

  it('writes exactly one record for concurrent requests with the same key', async () => {
    // given
    const key = newKey();
    const check = { idNumber: CITIZEN2_FATHER.idNumber, retirementDate: '2026-02-02' };
    // when
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(app, '/registries/hr/pension-eligibility-checks', check, key)),
    );
    // then
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    expect(new Set(created.map((answer) => answer.body.checkNo)).size).toBe(1);
    const rows = await sql(
      db.url,
      `select count(*)::int as n from registry_hr.pension_eligibility_checks where at_date = '2026-02-02'`,
    );
    expect(rows.rows[0].n).toBe(1);
  });

  it('issues one card when concurrent requests with different keys ask for the same person', async () => {
    // given
    const son = { idNumber: CITIZEN2_SON.idNumber, name: CITIZEN2_SON.name };
    // when
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(app, '/registries/hr/social-security-cards', son)),
    );
    // then
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 422).map((answer) => answer.body.error.code)).toEqual(
      Array(4).fill('CARD_ALREADY_ISSUED'),
    );
  });

  it('takes over a claim left in progress by a crashed request once its lease has passed', async () => {
    // given: a claim from a request that never finished, two minutes ago
    const key = newKey();
    const body = { idNumber: CITIZEN2_FATHER.idNumber, retirementDate: '2026-03-03' };
    const first = await post(app, '/registries/hr/pension-eligibility-checks', body, key);
    await sql(
      db.url,
      `update registry_hr.idempotency_keys set state = 'in_progress', status = null, response = null, claimed_at = now() - interval '2 minutes' where key = $1`,
      [key],
    );
    // when
    const retried = await post(app, '/registries/hr/pension-eligibility-checks', body, key);
    // then
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotency-replayed']).toBeUndefined();
  });
});
