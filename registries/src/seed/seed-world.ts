import type { DemoEmployer, DemoPerson } from './demo-people.ts';

/** Everything the seed writes, registry by registry, as plain data. */
export interface SeedWorld {
  employers: DemoEmployer[];
  households: { number: string; address: string; regionCode: string }[];
  persons: {
    person: DemoPerson;
    householdNumber: string | null;
    relationToHead: string | null;
    fatherIdNumber?: string;
    motherIdNumber?: string;
    deathDate?: string;
  }[];
  marriages: {
    no: string;
    husbandIdNumber: string;
    wifeIdNumber: string;
    registeredOn: string;
    status: 'married' | 'widowed';
  }[];
  deaths: {
    cancellationNo: string;
    idNumber: string;
    deathCertificateNo: string;
    deathDate: string;
    householdNumber: string;
  }[];
  deliveries: {
    mother: DemoPerson;
    birthDate: string;
    birthPlace: string;
    hospital: string;
    sex: 'male' | 'female';
    weightGrams: number;
  }[];
  deathCertificates: {
    no: string;
    person: DemoPerson;
    deathDate: string;
    deathPlace: string;
    deathCause: string;
    issuedAt: string;
  }[];
  employments: {
    no: string;
    person: DemoPerson;
    employerCreditCode: string;
    startDate: string;
    endDate: string | null;
    contractType: 'fixed-term' | 'open-ended' | 'task-based';
    position: string;
    monthlySalary: number;
  }[];
  enrolments: {
    no: string;
    type: 'pension' | 'medical' | 'unemployment';
    scheme: 'employee' | 'resident' | 'retiree';
    idNumber: string;
    employerCreditCode: string | null;
    contributionBase: number | null;
    startDate: string;
    endDate: string | null;
  }[];
  cards: { cardNo: string; person: DemoPerson; issuedAt: string }[];
  pensionClaims: {
    no: string;
    idNumber: string;
    retirementDate: string;
    monthlyAmount: number;
    startMonth: string;
  }[];
  taxpayers: DemoPerson[];
  withholdings: {
    no: string;
    employerCreditCode: string;
    idNumber: string;
    startDate: string;
    ended: boolean;
  }[];
  /** Special additional deductions, each 2 000 yuan a month claimed in full by one parent. */
  deductions: {
    no: string;
    idNumber: string;
    type: 'infant-care' | 'children-education';
    childIdNumber: string;
    childName: string;
    startMonth: string;
    endMonth: string | null;
  }[];
  pensionIncomeStatuses: { no: string; idNumber: string; effectiveMonth: string; pensionClaimNo: string }[];
}

export function emptyWorld(): SeedWorld {
  return {
    employers: [],
    households: [],
    persons: [],
    marriages: [],
    deaths: [],
    deliveries: [],
    deathCertificates: [],
    employments: [],
    enrolments: [],
    cards: [],
    pensionClaims: [],
    taxpayers: [],
    withholdings: [],
    deductions: [],
    pensionIncomeStatuses: [],
  };
}
