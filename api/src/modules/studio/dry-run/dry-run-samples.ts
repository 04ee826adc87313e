import { demoPeople } from '@onething/registries';
import type { TestCitizen } from './test-citizens.ts';

/** What a sample is built from: the test citizen, the day of the run and the run's id. */
export interface SampleContext {
  citizen: TestCitizen;
  /** The run's day in China (`YYYY-MM-DD`). */
  today: string;
  runId: string;
}

type Sample = (context: SampleContext) => Record<string, unknown>;

/**
 * The values an application of each shipped bundle would carry besides what
 * the registries prefill, coherent with the sandbox registries' demo data:
 * the household and employer that exist, dates the registries accept, the
 * demo families' relations. A generic filler cannot know these (a household
 * number the civil registry holds, a newborn's birth date in the last days),
 * and the point of a dry run is that the registries accept or reject it as
 * they would a citizen's application. Fields a draft adds beyond these are
 * filled from their form definition (form-defaults.ts).
 *
 * Values that a registry keeps unique per registration (a newborn's name)
 * vary with the run, so that a second dry run is not a duplicate of the first.
 */
export const DRY_RUN_SAMPLES: Readonly<Record<string, Sample>> = {
  newborn: ({ citizen, today, runId }) => ({
    applicant: { relationship: 'parent' },
    mother: { idNumber: citizen.idNumber, name: citizen.name },
    father: { idNumber: demoPeople.CITIZEN1_SPOUSE.idNumber, name: demoPeople.CITIZEN1_SPOUSE.name },
    child: {
      name: `陈${givenName(runId)}`,
      sex: 'female',
      birthDate: daysBefore(today, 3),
      birthPlace: '浙江省杭州市西湖区',
      birthHospital: '浙江大学医学院附属妇产科医院',
    },
    household: {
      entryParent: 'father',
      number: demoPeople.DEMO_HOUSEHOLDS.citizen1.number,
      headName: demoPeople.CITIZEN1_SPOUSE.name,
      address: demoPeople.DEMO_HOUSEHOLDS.citizen1.address,
    },
    infantCare: { claimant: 'mother', ratio: '50' },
    socialSecurityCard: {
      bank: '中国工商银行',
      deliveryAddress: demoPeople.DEMO_HOUSEHOLDS.citizen1.address,
    },
  }),
  retirement: ({ citizen, today }) => ({
    retirement: { type: 'statutory', date: daysBefore(today, -14) },
    bankAccount: { bank: '中国工商银行杭州分行', number: '6222020200112233445', holder: citizen.name },
  }),
  'after-death': ({ citizen, today }) => ({
    applicant: { relationship: 'child' },
    deceased: {
      idNumber: demoPeople.CITIZEN2_FATHER.idNumber,
      name: demoPeople.CITIZEN2_FATHER.name,
      deathDate: daysBefore(today, 7),
      deathPlaceType: 'hospital',
      deathPlace: '浙江省人民医院',
      deathCause: '心力衰竭',
    },
    funeral: {
      home: '杭州殡仪馆',
      cremationDate: daysBefore(today, 4),
      cremationCertificateNo: `HZ${today.replaceAll('-', '')}00123`,
    },
    bankAccount: { bank: '中国工商银行杭州分行', number: '6222020200112233445', holder: citizen.name },
  }),
  hiring: ({ citizen, today }) => ({
    employee: { idNumber: citizen.idNumber, name: citizen.name, education: 'bachelor' },
    employer: {
      creditCode: demoPeople.DEMO_EMPLOYER.creditCode,
      name: demoPeople.DEMO_EMPLOYER.name,
      contactName: '赵敏',
      contactMobile: '13700001111',
    },
    employment: {
      startDate: daysBefore(today, -2),
      contractType: 'fixed-term',
      contractEndDate: daysBefore(today, -3 * 365),
      position: '软件工程师',
      monthlySalary: 15_000,
    },
  }),
  unemployment: ({ citizen, today }) => ({
    employer: { creditCode: demoPeople.DEMO_EMPLOYER.creditCode },
    unemployment: { separationDate: daysBefore(today, 14), separationReason: 'employer-terminated' },
    bankAccount: { bank: '中国工商银行杭州分行', number: '6222020200112233445', holder: citizen.name },
  }),
};

/**
 * The sample of a bundle for this run, with the test citizen as the applicant;
 * only the applicant for a bundle the platform does not ship.
 */
export function dryRunSample(bundleKey: string, context: SampleContext): Record<string, unknown> {
  const values = DRY_RUN_SAMPLES[bundleKey]?.(context) ?? {};
  const applicant = values['applicant'];
  return {
    ...values,
    applicant: {
      idNumber: context.citizen.idNumber,
      name: context.citizen.name,
      mobile: context.citizen.mobile,
      ...(typeof applicant === 'object' && applicant !== null ? applicant : {}),
    },
  };
}

const GIVEN = '小试验思远安宁欣悦乐然';

/** A two-character given name picked by the run id: 100 names, so repeated runs rarely meet. */
function givenName(runId: string): string {
  const digits = runId.replace(/[^0-9a-f]/gi, '');
  const first = Number.parseInt(digits.slice(0, 4) || '0', 16) % GIVEN.length;
  const second = Number.parseInt(digits.slice(4, 8) || '0', 16) % GIVEN.length;
  return `${GIVEN[first] ?? '小'}${GIVEN[second] ?? '试'}`;
}

/** `day` minus `days` calendar days (negative: after), as `YYYY-MM-DD`. */
function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
