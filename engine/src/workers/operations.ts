/**
 * The department operations the registry connectors serve, written from
 * registries/OPERATIONS.md (the binding contract). The engine imports no other
 * workspace package, so this table is the connectors' own copy; a test checks it
 * against the element templates in processes/templates/.
 */
export type Dept = 'civil' | 'health' | 'hr' | 'tax';

export interface RegistryOperation {
  /** `onething:<dept>:<operation>`, the task definition type of the template. */
  readonly jobType: string;
  readonly dept: Dept;
  readonly operation: string;
  readonly method: 'POST';
  /** Relative to the registries' base URL. */
  readonly path: string;
  /** Request fields the registry requires, each a job variable of the same name. */
  readonly required: readonly string[];
  /** Request fields the registry accepts without; `null` or absent is not sent. */
  readonly optional: readonly string[];
  /** Response fields the job completes with. */
  readonly response: readonly string[];
  /** The 422 rejections the contract names (plus INVALID_INPUT for every write). */
  readonly businessCodes: readonly string[];
}

const PERSON_CHECKS = ['PERSON_NOT_FOUND', 'NAME_MISMATCH', 'PERSON_DECEASED'];
const DEATH_CERTIFICATE = ['DEATH_CERTIFICATE_NOT_FOUND', 'DEATH_CERTIFICATE_MISMATCH'];

function op(
  dept: Dept,
  operation: string,
  resource: string,
  fields: { required: string[]; optional?: string[] },
  response: string[],
  businessCodes: string[],
): RegistryOperation {
  return {
    jobType: `onething:${dept}:${operation}`,
    dept,
    operation,
    method: 'POST',
    path: `/registries/${dept}/${resource}`,
    required: fields.required,
    optional: fields.optional ?? [],
    response,
    businessCodes,
  };
}

export const REGISTRY_OPERATIONS: readonly RegistryOperation[] = [
  op(
    'health',
    'issue-birth-certificate',
    'birth-certificates',
    {
      required: [
        'motherIdNumber',
        'motherName',
        'childName',
        'childSex',
        'childBirthDate',
        'childBirthPlace',
      ],
      optional: ['fatherIdNumber', 'fatherName', 'childBirthHospital'],
    },
    ['birthCertificateNo', 'issuedAt', 'documentUrl'],
    [...PERSON_CHECKS, 'MOTHER_NOT_FEMALE', 'BIRTH_ALREADY_CERTIFIED'],
  ),
  op(
    'health',
    'create-vaccination-record',
    'vaccination-records',
    { required: ['birthCertificateNo'], optional: ['guardianIdNumber'] },
    ['vaccinationRecordNo', 'vaccinations', 'documentUrl'],
    ['BIRTH_CERTIFICATE_NOT_FOUND', 'GUARDIAN_MISMATCH', 'ALREADY_REGISTERED'],
  ),
  op(
    'health',
    'issue-death-certificate',
    'death-certificates',
    {
      required: ['deceasedIdNumber', 'deceasedName', 'deathDate', 'deathPlace', 'deathCause'],
      optional: ['deathPlaceType'],
    },
    ['deathCertificateNo', 'issuedAt', 'documentUrl'],
    [...PERSON_CHECKS, 'DEATH_ALREADY_CERTIFIED'],
  ),
  op(
    'civil',
    'register-birth',
    'birth-registrations',
    { required: ['birthCertificateNo', 'childName', 'householdNumber'] },
    ['householdEntryNo', 'childIdNumber', 'householdNumber', 'documentUrl'],
    [
      'BIRTH_CERTIFICATE_NOT_FOUND',
      'BIRTH_CERTIFICATE_MISMATCH',
      'BIRTH_ALREADY_REGISTERED',
      'HOUSEHOLD_NOT_FOUND',
      'PARENT_NOT_IN_HOUSEHOLD',
    ],
  ),
  op(
    'civil',
    'cancel-household',
    'household-cancellations',
    { required: ['deceasedIdNumber', 'deathCertificateNo'] },
    ['cancellationNo', 'deathDate', 'householdNumber', 'documentUrl'],
    ['PERSON_NOT_FOUND', 'ALREADY_CANCELLED', ...DEATH_CERTIFICATE],
  ),
  op(
    'hr',
    'enroll-medical-insurance',
    'resident-medical-enrolments',
    { required: ['idNumber', 'name'], optional: ['guardianIdNumber'] },
    ['enrolmentNo', 'scheme', 'startDate', 'documentUrl'],
    [...PERSON_CHECKS, 'ALREADY_ENROLLED'],
  ),
  op(
    'hr',
    'issue-social-security-card',
    'social-security-cards',
    { required: ['idNumber', 'name'], optional: ['mailingAddress'] },
    ['cardNo', 'socialSecurityNumber', 'issuedAt', 'documentUrl'],
    [...PERSON_CHECKS, 'CARD_ALREADY_ISSUED'],
  ),
  op(
    'hr',
    'register-employment',
    'employment-registrations',
    {
      required: [
        'employeeIdNumber',
        'employeeName',
        'employerCreditCode',
        'startDate',
        'contractType',
        'monthlySalary',
      ],
      optional: ['position'],
    },
    ['employmentRegistrationNo', 'employerName', 'documentUrl'],
    [...PERSON_CHECKS, 'EMPLOYER_NOT_FOUND', 'ALREADY_EMPLOYED'],
  ),
  op(
    'hr',
    'enroll-social-insurance',
    'social-insurance-enrolments',
    {
      required: ['idNumber', 'employerCreditCode', 'startDate', 'contributionBase'],
      optional: ['insuranceTypes'],
    },
    ['enrolmentNo', 'insuranceTypes', 'startDate', 'documentUrl'],
    ['PERSON_NOT_FOUND', 'EMPLOYER_NOT_FOUND', 'EMPLOYMENT_NOT_REGISTERED', 'ALREADY_ENROLLED'],
  ),
  op(
    'hr',
    'check-pension-eligibility',
    'pension-eligibility-checks',
    { required: ['idNumber'], optional: ['retirementDate'] },
    [
      'checkNo',
      'eligible',
      'contributionMonths',
      'requiredContributionMonths',
      'statutoryRetirementDate',
      'reasons',
    ],
    ['PERSON_NOT_FOUND', 'PERSON_DECEASED'],
  ),
  op(
    'hr',
    'claim-pension',
    'pension-claims',
    { required: ['idNumber', 'retirementDate', 'bankName', 'bankAccountNumber'] },
    ['pensionClaimNo', 'monthlyAmount', 'startMonth', 'documentUrl'],
    ['PERSON_NOT_FOUND', 'PERSON_DECEASED', 'NOT_ELIGIBLE', 'PENSION_ALREADY_CLAIMED'],
  ),
  op(
    'hr',
    'continue-medical-insurance',
    'medical-continuations',
    { required: ['idNumber', 'reason', 'effectiveDate'] },
    ['continuationNo', 'scheme', 'effectiveDate'],
    [
      'PERSON_NOT_FOUND',
      'NOT_INSURED',
      'PENSION_NOT_CLAIMED',
      'UNEMPLOYMENT_NOT_REGISTERED',
      'ALREADY_CONTINUED',
    ],
  ),
  op(
    'hr',
    'register-unemployment',
    'unemployment-registrations',
    { required: ['idNumber', 'lastEmployerCreditCode', 'separationDate', 'separationReason'] },
    ['unemploymentRegistrationNo', 'documentUrl'],
    [
      'PERSON_NOT_FOUND',
      'PERSON_DECEASED',
      'EMPLOYER_NOT_FOUND',
      'EMPLOYMENT_NOT_FOUND',
      'ALREADY_REGISTERED',
    ],
  ),
  op(
    'hr',
    'grant-unemployment-benefit',
    'unemployment-benefits',
    { required: ['idNumber', 'unemploymentRegistrationNo', 'bankName', 'bankAccountNumber'] },
    ['benefitNo', 'monthlyAmount', 'months', 'startMonth', 'documentUrl'],
    ['UNEMPLOYMENT_NOT_REGISTERED', 'NOT_ELIGIBLE', 'INSUFFICIENT_CONTRIBUTIONS', 'ALREADY_GRANTED'],
  ),
  op(
    'hr',
    'stop-pension',
    'pension-stops',
    { required: ['deceasedIdNumber', 'deathCertificateNo'] },
    ['stopNo', 'stoppedFromMonth', 'pensionClaimNo'],
    [...DEATH_CERTIFICATE, 'PENSION_NOT_CLAIMED', 'ALREADY_STOPPED'],
  ),
  op(
    'hr',
    'grant-funeral-allowance',
    'funeral-grants',
    {
      required: [
        'deceasedIdNumber',
        'deathCertificateNo',
        'applicantIdNumber',
        'applicantName',
        'bankName',
        'bankAccountNumber',
      ],
    },
    ['grantNo', 'amount', 'funeralAllowance', 'survivorBenefit', 'documentUrl'],
    [...DEATH_CERTIFICATE, 'NOT_INSURED', 'PERSON_NOT_FOUND', 'NAME_MISMATCH', 'ALREADY_GRANTED'],
  ),
  op(
    'tax',
    'register-infant-care-deduction',
    'infant-care-deductions',
    { required: ['taxpayerIdNumber', 'childIdNumber', 'childName', 'sharePercent'] },
    ['deductionNo', 'monthlyAmount', 'startMonth', 'endMonth', 'documentUrl'],
    [
      'TAXPAYER_NOT_FOUND',
      'PERSON_NOT_FOUND',
      'NAME_MISMATCH',
      'PERSON_DECEASED',
      'NOT_PARENT_OF_CHILD',
      'CHILD_NOT_ELIGIBLE',
      'ALREADY_REGISTERED',
      'SHARE_EXCEEDED',
    ],
  ),
  op(
    'tax',
    'register-withholding',
    'withholding-registrations',
    { required: ['employerCreditCode', 'employeeIdNumber', 'employeeName', 'startDate'] },
    ['withholdingRegistrationNo', 'taxpayerNo'],
    ['EMPLOYER_NOT_FOUND', ...PERSON_CHECKS, 'ALREADY_REGISTERED'],
  ),
  op(
    'tax',
    'update-pension-income-status',
    'pension-income-statuses',
    { required: ['idNumber', 'pensionStartMonth'], optional: ['pensionClaimNo'] },
    ['statusNo', 'status', 'effectiveMonth'],
    ['TAXPAYER_NOT_FOUND', 'ALREADY_REGISTERED'],
  ),
  op(
    'tax',
    'close-deductions',
    'deduction-closures',
    { required: ['deceasedIdNumber', 'deathCertificateNo'] },
    ['closureNo', 'closedDeductionNos', 'lastMonth'],
    ['TAXPAYER_NOT_FOUND', ...DEATH_CERTIFICATE, 'ALREADY_CLOSED'],
  ),
];

/** The operation a job type names, if the connectors know it. */
export function operationForJobType(jobType: string): RegistryOperation | undefined {
  return REGISTRY_OPERATIONS.find((operation) => operation.jobType === jobType);
}

/** Every request field the connector reads from the job's variables. */
export function requestFields(operation: RegistryOperation): readonly string[] {
  return [...operation.required, ...operation.optional];
}
