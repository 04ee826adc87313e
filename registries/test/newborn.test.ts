import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../src/index.ts';
import { get, post, seededApp, contractViolations } from './support.ts';

const { CITIZEN1, CITIZEN1_SPOUSE, CITIZEN2, DEMO_HOUSEHOLDS } = demoPeople;

const birth = {
  motherIdNumber: CITIZEN1.idNumber,
  motherName: CITIZEN1.name,
  fatherIdNumber: CITIZEN1_SPOUSE.idNumber,
  fatherName: CITIZEN1_SPOUSE.name,
  childName: '陈小满',
  childSex: 'female',
  childBirthDate: '2026-11-10',
  childBirthPlace: '浙江省杭州市西湖区',
  childBirthHospital: '浙江大学医学院附属妇产科医院',
};

describe('newborn: health, civil, hr and tax for citizen1’s baby', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let birthCertificateNo: string;
  let childIdNumber: string;

  beforeAll(async () => {
    const seeded = await seededApp();
    app = seeded.app;
    drop = seeded.db.drop;
  });
  afterAll(async () => {
    expect(contractViolations).toEqual([]);
    await app?.close();
    await drop?.();
  });

  it('issues a birth certificate numbered Q + 9 digits with an e-certificate', async () => {
    // when
    const issued = await post(app, '/registries/health/birth-certificates', birth);
    // then
    expect(issued.status).toBe(201);
    expect(issued.body.birthCertificateNo).toMatch(/^Q\d{9}$/);
    birthCertificateNo = issued.body.birthCertificateNo;
    const document = await get(app, issued.body.documentUrl);
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({
      documentNo: birthCertificateNo,
      kind: 'birth-certificate',
      content: { childName: '陈小满' },
    });
  });

  it('rejects a second certificate for the same birth', async () => {
    const again = await post(app, '/registries/health/birth-certificates', birth);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('BIRTH_ALREADY_CERTIFIED');
  });

  it('rejects a mother who is not a woman, an unknown mother and a wrong name', async () => {
    const male = await post(app, '/registries/health/birth-certificates', {
      ...birth,
      motherIdNumber: CITIZEN1_SPOUSE.idNumber,
      motherName: CITIZEN1_SPOUSE.name,
    });
    const unknown = await post(app, '/registries/health/birth-certificates', {
      ...birth,
      motherIdNumber: '11010519491231002X',
      motherName: '某某',
    });
    const misnamed = await post(app, '/registries/health/birth-certificates', {
      ...birth,
      motherName: '王小芳',
    });
    expect([male.body.error.code, unknown.body.error.code, misnamed.body.error.code]).toEqual([
      'MOTHER_NOT_FEMALE',
      'PERSON_NOT_FOUND',
      'NAME_MISMATCH',
    ]);
  });

  it('rejects an ID number with a wrong check digit and a future birth date as invalid input', async () => {
    const wrongCheck = CITIZEN1.idNumber.slice(0, 17) + (CITIZEN1.idNumber.endsWith('4') ? '5' : '4');
    const invalid = await post(app, '/registries/health/birth-certificates', {
      ...birth,
      motherIdNumber: wrongCheck,
      childBirthDate: '2027-01-01',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(invalid.body.error.fields)).toEqual(
      expect.arrayContaining(['motherIdNumber', 'childBirthDate']),
    );
  });

  it('opens a vaccination record with the doses given at birth', async () => {
    // a null optional field (an unset process variable) counts as not given
    const withNull = await post(app, '/registries/health/birth-certificates', {
      ...birth,
      childName: '陈小双',
      fatherIdNumber: null,
      fatherName: null,
      childBirthHospital: null,
    });
    expect(withNull.status).toBe(201);
    const record = await post(app, '/registries/health/vaccination-records', {
      birthCertificateNo,
      guardianIdNumber: CITIZEN1.idNumber,
    });
    expect(record.status).toBe(201);
    expect(record.body.vaccinationRecordNo).toMatch(/^JZ2026\d{8}$/);
    expect(record.body.vaccinations).toHaveLength(2);
    const stranger = await post(app, '/registries/health/vaccination-records', {
      birthCertificateNo,
      guardianIdNumber: CITIZEN2.idNumber,
    });
    expect(stranger.body.error.code).toBe('GUARDIAN_MISMATCH');
  });

  it('refuses to register a birth into a household without a parent', async () => {
    const registered = await post(app, '/registries/civil/birth-registrations', {
      birthCertificateNo,
      childName: '陈小满',
      householdNumber: DEMO_HOUSEHOLDS.citizen2.number,
    });
    expect(registered.body.error.code).toBe('PARENT_NOT_IN_HOUSEHOLD');
  });

  it('refuses a birth registration without an issued birth certificate', async () => {
    const registered = await post(app, '/registries/civil/birth-registrations', {
      birthCertificateNo: 'Q999999999',
      childName: '陈小满',
      householdNumber: DEMO_HOUSEHOLDS.citizen1.number,
    });
    expect(registered.status).toBe(422);
    expect(registered.body.error.code).toBe('BIRTH_CERTIFICATE_NOT_FOUND');
  });

  it('registers the birth into the parents’ household with a new valid ID number', async () => {
    // when
    const registered = await post(app, '/registries/civil/birth-registrations', {
      birthCertificateNo,
      childName: '陈小满',
      householdNumber: DEMO_HOUSEHOLDS.citizen1.number,
    });
    // then
    expect(registered.status).toBe(201);
    expect(registered.body.householdEntryNo).toMatch(/^HJ2026\d{8}$/);
    childIdNumber = registered.body.childIdNumber;
    expect(childIdNumber).toMatch(/^33010620261110\d{3}[\dX]$/);
    expect(Number(childIdNumber[16]) % 2).toBe(0);
    const relations = await get(app, `/registries/civil/persons/${CITIZEN1.idNumber}/relations`);
    expect(relations.body.children).toEqual([
      expect.objectContaining({ idNumber: childIdNumber, name: '陈小满' }),
    ]);
    expect(relations.body.spouse.idNumber).toBe(CITIZEN1_SPOUSE.idNumber);
    const household = await get(app, `/registries/civil/households/${DEMO_HOUSEHOLDS.citizen1.number}`);
    expect(household.body.members).toContainEqual({
      idNumber: childIdNumber,
      name: '陈小满',
      relationToHead: '女',
    });
    const twice = await post(app, '/registries/civil/birth-registrations', {
      birthCertificateNo,
      childName: '陈小满',
      householdNumber: DEMO_HOUSEHOLDS.citizen1.number,
    });
    expect(twice.body.error.code).toBe('BIRTH_ALREADY_REGISTERED');
  });

  it('enrols the child in resident medical insurance once and issues a social security card', async () => {
    const enrolled = await post(app, '/registries/hr/resident-medical-enrolments', {
      idNumber: childIdNumber,
      name: '陈小满',
      guardianIdNumber: CITIZEN1.idNumber,
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ scheme: 'resident', startDate: '2026-11-20' });
    const again = await post(app, '/registries/hr/resident-medical-enrolments', {
      idNumber: childIdNumber,
      name: '陈小满',
    });
    expect(again.body.error.code).toBe('ALREADY_ENROLLED');
    const card = await post(app, '/registries/hr/social-security-cards', {
      idNumber: childIdNumber,
      name: '陈小满',
    });
    expect(card.status).toBe(201);
    expect(card.body.cardNo).toMatch(/^A\d{8}$/);
    const insurance = await get(app, `/registries/hr/persons/${childIdNumber}/insurance`);
    expect(insurance.body.socialSecurityCard.cardNo).toBe(card.body.cardNo);
  });

  it('splits the infant care deduction between the parents and refuses more than 100 %', async () => {
    const mother = await post(app, '/registries/tax/infant-care-deductions', {
      taxpayerIdNumber: CITIZEN1.idNumber,
      childIdNumber,
      childName: '陈小满',
      sharePercent: 50,
    });
    expect(mother.status).toBe(201);
    expect(mother.body).toMatchObject({ monthlyAmount: 1000, startMonth: '2026-11', endMonth: '2029-10' });
    const father = await post(app, '/registries/tax/infant-care-deductions', {
      taxpayerIdNumber: CITIZEN1_SPOUSE.idNumber,
      childIdNumber,
      childName: '陈小满',
      sharePercent: '100',
    });
    expect(father.body.error.code).toBe('SHARE_EXCEEDED');
    const stranger = await post(app, '/registries/tax/infant-care-deductions', {
      taxpayerIdNumber: CITIZEN2.idNumber,
      childIdNumber,
      childName: '陈小满',
      sharePercent: 50,
    });
    expect(stranger.body.error.code).toBe('NOT_PARENT_OF_CHILD');
    const taxpayer = await get(app, `/registries/tax/taxpayers/${CITIZEN1.idNumber}`);
    expect(taxpayer.body.deductions).toEqual([
      expect.objectContaining({
        deductionNo: mother.body.deductionNo,
        type: 'infant-care',
        sharePercent: 50,
      }),
    ]);
  });
});
