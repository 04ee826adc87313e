import {
  CITIZEN1,
  CITIZEN1_FATHER,
  CITIZEN1_MOTHER,
  CITIZEN1_SPOUSE,
  CITIZEN2,
  CITIZEN2_FATHER,
  CITIZEN2_MOTHER,
  CITIZEN2_SON,
  CITIZEN2_SPOUSE,
  DEMO_EMPLOYER,
  DEMO_EMPLOYER_MACHINERY,
  DEMO_EMPLOYER_MEDICAL,
  DEMO_HOUSEHOLDS,
} from './demo-people.ts';
import { emptyWorld, type SeedWorld } from './seed-world.ts';

/**
 * The demo families with fixed record numbers from years before the sandbox
 * started issuing, so they never collide with numbers issued at run time.
 */
export function demoWorld(): SeedWorld {
  const world = emptyWorld();
  const h = DEMO_HOUSEHOLDS;
  world.employers.push(DEMO_EMPLOYER, DEMO_EMPLOYER_MACHINERY, DEMO_EMPLOYER_MEDICAL);
  world.households.push(h.citizen1, h.citizen1Parents, h.citizen2);
  world.persons.push(
    { person: CITIZEN1_FATHER, householdNumber: h.citizen1Parents.number, relationToHead: '户主' },
    { person: CITIZEN1_MOTHER, householdNumber: h.citizen1Parents.number, relationToHead: '配偶' },
    { person: CITIZEN1_SPOUSE, householdNumber: h.citizen1.number, relationToHead: '户主' },
    {
      person: CITIZEN1,
      householdNumber: h.citizen1.number,
      relationToHead: '配偶',
      fatherIdNumber: CITIZEN1_FATHER.idNumber,
      motherIdNumber: CITIZEN1_MOTHER.idNumber,
    },
    { person: CITIZEN2_FATHER, householdNumber: h.citizen2.number, relationToHead: '父亲' },
    {
      person: CITIZEN2_MOTHER,
      householdNumber: h.citizen2.number,
      relationToHead: '母亲',
      deathDate: '2019-03-15',
    },
    {
      person: CITIZEN2,
      householdNumber: h.citizen2.number,
      relationToHead: '户主',
      fatherIdNumber: CITIZEN2_FATHER.idNumber,
      motherIdNumber: CITIZEN2_MOTHER.idNumber,
    },
    { person: CITIZEN2_SPOUSE, householdNumber: h.citizen2.number, relationToHead: '配偶' },
    {
      person: CITIZEN2_SON,
      householdNumber: h.citizen2.number,
      relationToHead: '子',
      fatherIdNumber: CITIZEN2.idNumber,
      motherIdNumber: CITIZEN2_SPOUSE.idNumber,
    },
  );
  world.marriages.push(
    {
      no: 'JH2022000101',
      husbandIdNumber: CITIZEN1_SPOUSE.idNumber,
      wifeIdNumber: CITIZEN1.idNumber,
      registeredOn: '2022-05-20',
      status: 'married',
    },
    {
      no: 'JH1994000102',
      husbandIdNumber: CITIZEN1_FATHER.idNumber,
      wifeIdNumber: CITIZEN1_MOTHER.idNumber,
      registeredOn: '1994-10-01',
      status: 'married',
    },
    {
      no: 'JH1991000103',
      husbandIdNumber: CITIZEN2.idNumber,
      wifeIdNumber: CITIZEN2_SPOUSE.idNumber,
      registeredOn: '1991-10-01',
      status: 'married',
    },
    {
      no: 'JH1962000104',
      husbandIdNumber: CITIZEN2_FATHER.idNumber,
      wifeIdNumber: CITIZEN2_MOTHER.idNumber,
      registeredOn: '1962-01-15',
      status: 'widowed',
    },
  );
  // citizen1 has just given birth: the hospital's delivery record prefills the newborn bundle.
  world.deliveries.push({
    mother: CITIZEN1,
    birthDate: '2026-11-10',
    birthPlace: '浙江省杭州市西湖区',
    hospital: '浙江大学医学院附属妇产科医院',
    sex: 'female',
    weightGrams: 3350,
  });
  world.deathCertificates.push({
    no: 'SW201900012345',
    person: CITIZEN2_MOTHER,
    deathDate: '2019-03-15',
    deathPlace: '浙江省杭州市第一人民医院',
    deathCause: '心力衰竭',
    issuedAt: '2019-03-15',
  });
  world.deaths.push({
    cancellationNo: 'ZX201900000101',
    idNumber: CITIZEN2_MOTHER.idNumber,
    deathCertificateNo: 'SW201900012345',
    deathDate: '2019-03-15',
    householdNumber: h.citizen2.number,
  });

  world.employments.push(
    {
      no: 'JY201900000101',
      person: CITIZEN1,
      employerCreditCode: DEMO_EMPLOYER.creditCode,
      startDate: '2019-07-01',
      endDate: null,
      contractType: 'open-ended',
      position: '软件工程师',
      monthlySalary: 15_000,
    },
    {
      no: 'JY201800000102',
      person: CITIZEN1_SPOUSE,
      employerCreditCode: DEMO_EMPLOYER_MEDICAL.creditCode,
      startDate: '2018-03-01',
      endDate: null,
      contractType: 'open-ended',
      position: '销售经理',
      monthlySalary: 18_000,
    },
    {
      no: 'JY198800000103',
      person: CITIZEN2,
      employerCreditCode: DEMO_EMPLOYER_MACHINERY.creditCode,
      startDate: '1988-07-01',
      endDate: '2026-06-30',
      contractType: 'open-ended',
      position: '高级技工',
      monthlySalary: 9_500,
    },
  );
  const employee = (
    no: string,
    idNumber: string,
    employer: string,
    base: number,
    start: string,
    end: string | null,
    types: ('pension' | 'medical' | 'unemployment')[],
  ) =>
    types.map((type) => ({
      no,
      type,
      scheme: 'employee' as const,
      idNumber,
      employerCreditCode: employer,
      contributionBase: base,
      startDate: start,
      endDate: end,
    }));
  world.enrolments.push(
    ...employee('CB201900000101', CITIZEN1.idNumber, DEMO_EMPLOYER.creditCode, 15_000, '2019-07-01', null, [
      'pension',
      'medical',
      'unemployment',
    ]),
    ...employee(
      'CB201800000102',
      CITIZEN1_SPOUSE.idNumber,
      DEMO_EMPLOYER_MEDICAL.creditCode,
      18_000,
      '2018-03-01',
      null,
      ['pension', 'medical', 'unemployment'],
    ),
    ...employee(
      'CB198800000103',
      CITIZEN2.idNumber,
      DEMO_EMPLOYER_MACHINERY.creditCode,
      9_500,
      '1988-07-01',
      '2026-06-30',
      ['pension'],
    ),
    ...employee(
      'CB199900000104',
      CITIZEN2.idNumber,
      DEMO_EMPLOYER_MACHINERY.creditCode,
      9_500,
      '1999-01-01',
      '2026-06-30',
      ['unemployment', 'medical'],
    ),
    ...employee(
      'CB196000000105',
      CITIZEN2_FATHER.idNumber,
      DEMO_EMPLOYER_MACHINERY.creditCode,
      3_000,
      '1960-01-01',
      '1998-09-12',
      ['pension'],
    ),
    {
      no: 'YB199800000106',
      type: 'medical',
      scheme: 'retiree',
      idNumber: CITIZEN2_FATHER.idNumber,
      employerCreditCode: null,
      contributionBase: null,
      startDate: '2001-01-01',
      endDate: null,
    },
  );
  world.cards.push(
    { cardNo: 'A00000101', person: CITIZEN1, issuedAt: '2019-08-01' },
    { cardNo: 'A00000102', person: CITIZEN1_SPOUSE, issuedAt: '2018-04-01' },
    { cardNo: 'A00000103', person: CITIZEN2, issuedAt: '2012-06-01' },
    { cardNo: 'A00000104', person: CITIZEN2_FATHER, issuedAt: '2012-06-01' },
  );
  world.pensionClaims.push({
    no: 'YL199800000101',
    idNumber: CITIZEN2_FATHER.idNumber,
    retirementDate: '1998-09-12',
    monthlyAmount: 4_200,
    startMonth: '1998-10',
  });

  world.taxpayers.push(CITIZEN1, CITIZEN1_SPOUSE, CITIZEN2, CITIZEN2_FATHER);
  world.withholdings.push(
    {
      no: 'KJ201900000101',
      employerCreditCode: DEMO_EMPLOYER.creditCode,
      idNumber: CITIZEN1.idNumber,
      startDate: '2019-07-01',
      ended: false,
    },
    {
      no: 'KJ201900000102',
      employerCreditCode: DEMO_EMPLOYER_MEDICAL.creditCode,
      idNumber: CITIZEN1_SPOUSE.idNumber,
      startDate: '2019-01-01',
      ended: false,
    },
    {
      no: 'KJ201900000103',
      employerCreditCode: DEMO_EMPLOYER_MACHINERY.creditCode,
      idNumber: CITIZEN2.idNumber,
      startDate: '2019-01-01',
      ended: true,
    },
  );
  world.pensionIncomeStatuses.push({
    no: 'MS201900000101',
    idNumber: CITIZEN2_FATHER.idNumber,
    effectiveMonth: '2019-01',
    pensionClaimNo: 'YL199800000101',
  });
  return world;
}
