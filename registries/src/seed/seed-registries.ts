import pg from 'pg';
import { withTransaction } from '../shared/db.ts';
import { demoWorld } from './demo-world.ts';
import { generateResidents } from './generate-residents.ts';
import type { SeedWorld } from './seed-world.ts';

export interface SeedOptions {
  /** Generated residents besides the demo families (default 300). */
  readonly residents?: number;
  /** The generator's seed: the same seed gives the same residents (default 20261). */
  readonly seed?: number;
}

export interface SeedSummary {
  readonly persons: number;
  readonly households: number;
  readonly employments: number;
}

/**
 * Loads the demo families and the generated residents into the four registries.
 * Idempotent: every row has a natural key and existing rows are left alone, so
 * running it again changes nothing. Needs `migrateRegistries` first.
 */
export async function seedRegistries(databaseUrl: string, options: SeedOptions = {}): Promise<SeedSummary> {
  const demo = demoWorld();
  const generated = generateResidents(options.residents ?? 300, options.seed ?? 20261);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    for (const world of [demo, generated]) {
      await withTransaction(pool, (db) => seedCivil(db, world));
      await withTransaction(pool, (db) => seedHealth(db, world));
      await withTransaction(pool, (db) => seedHr(db, world));
      await withTransaction(pool, (db) => seedTax(db, world));
    }
  } finally {
    await pool.end();
  }
  return {
    persons: demo.persons.length + generated.persons.length,
    households: demo.households.length + generated.households.length,
    employments: demo.employments.length + generated.employments.length,
  };
}

type Db = pg.PoolClient;

async function seedCivil(db: Db, world: SeedWorld): Promise<void> {
  for (const h of world.households) {
    await db.query(
      `insert into registry_civil.households (number, address, region_code) values ($1, $2, $3) on conflict do nothing`,
      [h.number, h.address, h.regionCode],
    );
  }
  for (const p of world.persons) {
    await db.query(
      `insert into registry_civil.persons (id_number, name, sex, birth_date, status, death_date, household_number, relation_to_head, father_id_number, mother_id_number)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing`,
      [
        p.person.idNumber,
        p.person.name,
        p.person.sex,
        p.person.birthDate,
        p.deathDate ? 'deceased' : 'alive',
        p.deathDate ?? null,
        p.householdNumber,
        p.relationToHead,
        p.fatherIdNumber ?? null,
        p.motherIdNumber ?? null,
      ],
    );
  }
  for (const m of world.marriages) {
    await db.query(
      `insert into registry_civil.marriages (marriage_no, husband_id_number, wife_id_number, registered_on, status) values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [m.no, m.husbandIdNumber, m.wifeIdNumber, m.registeredOn, m.status],
    );
  }
  for (const d of world.deaths) {
    await db.query(
      `insert into registry_civil.deaths (cancellation_no, id_number, death_certificate_no, death_date, household_number, cancelled_at)
       values ($1, $2, $3, $4, $5, $4::date) on conflict do nothing`,
      [d.cancellationNo, d.idNumber, d.deathCertificateNo, d.deathDate, d.householdNumber],
    );
  }
}

async function seedHealth(db: Db, world: SeedWorld): Promise<void> {
  for (const d of world.deliveries) {
    await db.query(
      `insert into registry_health.deliveries (mother_id_number, birth_date, birth_place, hospital, sex, weight_grams)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [d.mother.idNumber, d.birthDate, d.birthPlace, d.hospital, d.sex, d.weightGrams],
    );
  }
  for (const c of world.deathCertificates) {
    await db.query(
      `insert into registry_health.death_certificates (no, deceased_id_number, deceased_name, death_date, death_place, death_place_type, death_cause, issued_at)
       values ($1, $2, $3, $4, $5, 'hospital', $6, $7::date) on conflict do nothing`,
      [c.no, c.person.idNumber, c.person.name, c.deathDate, c.deathPlace, c.deathCause, c.issuedAt],
    );
  }
}

async function seedHr(db: Db, world: SeedWorld): Promise<void> {
  for (const e of world.employers) {
    await db.query(
      `insert into registry_hr.employers (credit_code, name, address, region_code) values ($1, $2, $3, $4) on conflict do nothing`,
      [e.creditCode, e.name, e.address, e.regionCode],
    );
  }
  for (const e of world.employments) {
    await db.query(
      `insert into registry_hr.employments (registration_no, id_number, name, employer_credit_code, start_date, end_date, contract_type, position,
         monthly_salary, status, registered_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $5::date) on conflict do nothing`,
      [
        e.no,
        e.person.idNumber,
        e.person.name,
        e.employerCreditCode,
        e.startDate,
        e.endDate,
        e.contractType,
        e.position,
        e.monthlySalary,
        e.endDate ? 'ended' : 'active',
      ],
    );
  }
  for (const e of world.enrolments) {
    await db.query(
      `insert into registry_hr.insurance_enrolments (enrolment_no, type, scheme, id_number, employer_credit_code, contribution_base, start_date, end_date, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [
        e.no,
        e.type,
        e.scheme,
        e.idNumber,
        e.employerCreditCode,
        e.contributionBase,
        e.startDate,
        e.endDate,
        e.endDate ? 'ended' : 'active',
      ],
    );
  }
  for (const c of world.cards) {
    await db.query(
      `insert into registry_hr.social_security_cards (card_no, id_number, name, issued_at, status) values ($1, $2, $3, $4::date, 'active') on conflict do nothing`,
      [c.cardNo, c.person.idNumber, c.person.name, c.issuedAt],
    );
  }
  for (const c of world.pensionClaims) {
    await db.query(
      `insert into registry_hr.pension_claims (claim_no, id_number, retirement_date, monthly_amount, start_month, bank_name, bank_account_number, status)
       values ($1, $2, $3, $4, $5, '中国工商银行杭州分行', '6222020000000000101', 'active') on conflict do nothing`,
      [c.no, c.idNumber, c.retirementDate, c.monthlyAmount, c.startMonth],
    );
  }
}

async function seedTax(db: Db, world: SeedWorld): Promise<void> {
  for (const e of world.employers) {
    await db.query(
      `insert into registry_tax.employers (credit_code, name, address, tax_authority) values ($1, $2, $3, $4) on conflict do nothing`,
      [e.creditCode, e.name, e.address, e.taxAuthority],
    );
  }
  for (const t of world.taxpayers) {
    await db.query(
      `insert into registry_tax.taxpayers (id_number, taxpayer_no, name, status, registered_at) values ($1, $1, $2, 'active', '2019-01-01') on conflict do nothing`,
      [t.idNumber, t.name],
    );
  }
  for (const w of world.withholdings) {
    await db.query(
      `insert into registry_tax.withholding_registrations (registration_no, employer_credit_code, id_number, start_date, status)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [w.no, w.employerCreditCode, w.idNumber, w.startDate, w.ended ? 'ended' : 'active'],
    );
  }
  for (const d of world.deductions) {
    await db.query(
      `insert into registry_tax.deductions (deduction_no, id_number, type, child_id_number, child_name, share_percent, monthly_amount, start_month, end_month, status)
       values ($1, $2, $3, $4, $5, 100, 2000, $6, $7, 'active') on conflict do nothing`,
      [d.no, d.idNumber, d.type, d.childIdNumber, d.childName, d.startMonth, d.endMonth],
    );
  }
  for (const s of world.pensionIncomeStatuses) {
    await db.query(
      `insert into registry_tax.pension_income_statuses (status_no, id_number, effective_month, pension_claim_no) values ($1, $2, $3, $4) on conflict do nothing`,
      [s.no, s.idNumber, s.effectiveMonth, s.pensionClaimNo],
    );
  }
}
