import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, seedRegistries } from '../src/index.ts';
import { isValidCreditCode } from '../src/shared/credit-code.ts';
import { checkIdNumber } from '../src/shared/id-number.ts';
import { generateResidents } from '../src/seed/generate-residents.ts';
import { buildApp, createTestDatabase, get, sql } from './support.ts';

describe('seed', () => {
  let db: { url: string; drop: () => Promise<void> };
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedRegistries(db.url, { residents: 300 });
    app = await buildApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const counts = async () =>
    (
      await sql(
        db.url,
        `select (select count(*) from registry_civil.persons)::int as persons, (select count(*) from registry_civil.marriages)::int as marriages,
           (select count(*) from registry_hr.insurance_enrolments)::int as enrolments, (select count(*) from registry_tax.taxpayers)::int as taxpayers`,
      )
    ).rows[0];

  it('changes nothing when run again', async () => {
    // given
    const before = await counts();
    // when
    await seedRegistries(db.url, { residents: 300 });
    // then
    expect(await counts()).toEqual(before);
    expect(before.persons).toBe(300 + 9);
  });

  it('gives every resident a valid ID number and every employer a valid credit code', async () => {
    const persons = await sql(db.url, 'select id_number, sex, birth_date::text from registry_civil.persons');
    for (const row of persons.rows) {
      const checked = checkIdNumber(row.id_number);
      expect(checked, row.id_number).toMatchObject({
        ok: true,
        facts: { sex: row.sex, birthDate: row.birth_date },
      });
    }
    const employers = await sql(db.url, 'select credit_code from registry_hr.employers');
    expect(employers.rows.every((row) => isValidCreditCode(row.credit_code))).toBe(true);
  });

  it('links generated children to both parents and gives them a tax deduction by age', async () => {
    const children = await sql(
      db.url,
      'select count(*)::int as n from registry_civil.persons where father_id_number is not null and mother_id_number is not null',
    );
    expect(children.rows[0].n).toBeGreaterThan(9);
    const deductions = await sql(db.url, 'select distinct type from registry_tax.deductions order by type');
    expect(deductions.rows.map((row) => row.type)).toEqual(['children-education', 'infant-care']);
  });

  it('generates the same residents from the same seed', () => {
    expect(generateResidents(50, 7)).toEqual(generateResidents(50, 7));
    expect(generateResidents(50, 7).persons[0]).not.toEqual(generateResidents(50, 8).persons[0]);
  });

  it('answers the demo citizens’ queries coherently', async () => {
    const citizen1 = await get(app, `/registries/civil/persons/${demoPeople.CITIZEN1.idNumber}/relations`);
    expect(citizen1.body).toMatchObject({
      spouse: { idNumber: demoPeople.CITIZEN1_SPOUSE.idNumber },
      father: { idNumber: demoPeople.CITIZEN1_FATHER.idNumber },
      household: {
        number: demoPeople.DEMO_HOUSEHOLDS.citizen1.number,
        headIdNumber: demoPeople.CITIZEN1_SPOUSE.idNumber,
      },
    });
    const insurance = await get(app, `/registries/hr/persons/${demoPeople.CITIZEN1.idNumber}/insurance`);
    expect(insurance.body.enrolments.filter((e: { status: string }) => e.status === 'active')).toHaveLength(
      3,
    );
    const taxpayer = await get(app, `/registries/tax/taxpayers/${demoPeople.CITIZEN1.idNumber}`);
    expect(taxpayer.body.withholdings[0]).toMatchObject({
      employerCreditCode: demoPeople.DEMO_EMPLOYER.creditCode,
      status: 'active',
    });
    const mother = await get(
      app,
      `/registries/health/persons/${demoPeople.CITIZEN2_MOTHER.idNumber}/death-certificate`,
    );
    expect(mother.body.deathCertificateNo).toBe('SW201900012345');
    const missing = await get(app, '/registries/civil/persons/11010519491231002X');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PERSON_NOT_FOUND');
  });

  it('answers the prefill summaries: delivery, household by person, insured summary, employer', async () => {
    const delivery = await get(app, `/registries/health/persons/${demoPeople.CITIZEN1.idNumber}/delivery`);
    expect(delivery.body).toMatchObject({ birthDate: '2026-11-10', sex: 'female', weightGrams: 3350 });
    const household = await get(app, `/registries/civil/persons/${demoPeople.CITIZEN1.idNumber}/household`);
    expect(household.body).toMatchObject({
      number: demoPeople.DEMO_HOUSEHOLDS.citizen1.number,
      headName: demoPeople.CITIZEN1_SPOUSE.name,
    });
    const person = await get(app, `/registries/civil/persons/${demoPeople.CITIZEN2.idNumber}`);
    expect(person.body).toMatchObject({
      nationality: '中国',
      householdNumber: demoPeople.DEMO_HOUSEHOLDS.citizen2.number,
    });
    const insured = await get(app, `/registries/hr/persons/${demoPeople.CITIZEN2.idNumber}/insured`);
    expect(insured.body).toMatchObject({
      contributionMonths: 456,
      lastEmployerName: demoPeople.DEMO_EMPLOYER_MACHINERY.name,
      separationDate: '2026-06-30',
      currentEmployerName: null,
    });
    const employer = await get(app, `/registries/tax/employers/${demoPeople.DEMO_EMPLOYER.creditCode}`);
    expect(employer.body).toMatchObject({
      name: demoPeople.DEMO_EMPLOYER.name,
      address: demoPeople.DEMO_EMPLOYER.address,
    });
  });
});
