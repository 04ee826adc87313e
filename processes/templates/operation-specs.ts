/**
 * The department operations the element templates offer (one template each).
 * Request and response field names follow registries/OPERATIONS.md; the default
 * input mappings read the form dictionary's keys (forms/src/dictionary/) or the
 * outputs of an earlier operation in the same process.
 */
export interface InputSpec {
  /** The request field, a local variable of the task. */
  readonly name: string;
  readonly label: string;
  /** Default FEEL expression (`=mother.idNumber`) or, for a dropdown, a static choice. */
  readonly value: string;
  readonly optional?: boolean;
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
}

export interface OutputSpec {
  /** The response field. */
  readonly source: string;
  /** The process variable it is written to by default. */
  readonly target: string;
  readonly label: string;
}

export interface OperationSpec {
  readonly dept: 'civil' | 'health' | 'hr' | 'tax';
  readonly operation: string;
  readonly title: string;
  readonly description: string;
  readonly inputs: readonly InputSpec[];
  readonly outputs: readonly OutputSpec[];
}

const input = (name: string, label: string, value: string, optional = false): InputSpec => ({
  name,
  label,
  value,
  optional,
});
const output = (source: string, target: string, label: string): OutputSpec => ({ source, target, label });

export const DEPARTMENT_NAMES: Record<OperationSpec['dept'], string> = {
  civil: '民政',
  health: '卫健',
  hr: '人社',
  tax: '税务',
};

export const OPERATION_SPECS: readonly OperationSpec[] = [
  {
    dept: 'health',
    operation: 'issue-birth-certificate',
    title: '签发出生医学证明',
    description: '为新生儿签发出生医学证明（电子证照）。Issues the medical certificate of birth.',
    inputs: [
      input('motherIdNumber', '母亲身份证号码 / Mother ID number', '=mother.idNumber'),
      input('motherName', '母亲姓名 / Mother name', '=mother.name'),
      input('fatherIdNumber', '父亲身份证号码 / Father ID number', '=father.idNumber', true),
      input('fatherName', '父亲姓名 / Father name', '=father.name', true),
      input('childName', '新生儿姓名 / Child name', '=child.name'),
      input('childSex', '新生儿性别 / Child sex', '=child.sex'),
      input('childBirthDate', '出生日期 / Birth date', '=child.birthDate'),
      input('childBirthPlace', '出生地点 / Birth place', '=child.birthPlace'),
      input('childBirthHospital', '接生机构 / Hospital', '=child.birthHospital', true),
    ],
    outputs: [
      output('birthCertificateNo', 'birthCertificateNo', '出生医学证明编号 / Certificate number'),
      output('issuedAt', 'birthCertificateIssuedAt', '签发日期 / Issued on'),
      output('documentUrl', 'birthCertificateUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'health',
    operation: 'create-vaccination-record',
    title: '建立预防接种档案',
    description: '为已签发出生医学证明的新生儿建立预防接种证。Opens the newborn’s vaccination record.',
    inputs: [
      input('birthCertificateNo', '出生医学证明编号 / Birth certificate number', '=birthCertificateNo'),
      input('guardianIdNumber', '监护人身份证号码 / Guardian ID number', '=mother.idNumber', true),
    ],
    outputs: [
      output('vaccinationRecordNo', 'vaccinationRecordNo', '预防接种证编号 / Record number'),
      output('vaccinations', 'vaccinations', '已接种疫苗 / Doses given'),
      output('documentUrl', 'vaccinationRecordUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'health',
    operation: 'issue-death-certificate',
    title: '签发死亡医学证明',
    description: '签发死亡医学证明（推断）书。Issues the medical certificate of death.',
    inputs: [
      input('deceasedIdNumber', '逝者身份证号码 / Deceased ID number', '=deceased.idNumber'),
      input('deceasedName', '逝者姓名 / Deceased name', '=deceased.name'),
      input('deathDate', '死亡日期 / Date of death', '=deceased.deathDate'),
      input('deathPlace', '死亡地点 / Place of death', '=deceased.deathPlace'),
      input('deathCause', '死亡原因 / Cause of death', '=deceased.deathCause'),
      input('deathPlaceType', '死亡地点类型 / Kind of place', '=deceased.deathPlaceType', true),
    ],
    outputs: [
      output('deathCertificateNo', 'deathCertificateNo', '死亡医学证明编号 / Certificate number'),
      output('issuedAt', 'deathCertificateIssuedAt', '签发日期 / Issued on'),
      output('documentUrl', 'deathCertificateUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'civil',
    operation: 'register-birth',
    title: '出生登记（落户）',
    description: '凭出生医学证明将新生儿登记入户并分配公民身份号码。Registers the birth into a household.',
    inputs: [
      input('birthCertificateNo', '出生医学证明编号 / Birth certificate number', '=birthCertificateNo'),
      input('childName', '新生儿姓名 / Child name', '=child.name'),
      input('householdNumber', '户号 / Household number', '=household.number'),
    ],
    outputs: [
      output('householdEntryNo', 'householdEntryNo', '户籍登记编号 / Entry number'),
      output('childIdNumber', 'childIdNumber', '新生儿公民身份号码 / Child ID number'),
      output('householdNumber', 'registeredHouseholdNumber', '落户户号 / Household number'),
      output('documentUrl', 'birthRegistrationUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'civil',
    operation: 'cancel-household',
    title: '户口注销',
    description: '凭死亡医学证明注销逝者户口。Cancels the deceased’s household registration.',
    inputs: [
      input('deceasedIdNumber', '逝者身份证号码 / Deceased ID number', '=deceased.idNumber'),
      input('deathCertificateNo', '死亡医学证明编号 / Death certificate number', '=deathCertificateNo'),
    ],
    outputs: [
      output('cancellationNo', 'cancellationNo', '注销编号 / Cancellation number'),
      output('deathDate', 'registeredDeathDate', '死亡日期 / Date of death'),
      output('householdNumber', 'deceasedHouseholdNumber', '原户号 / Household number'),
      output('documentUrl', 'cancellationUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'enroll-medical-insurance',
    title: '城乡居民医保参保',
    description: '为新生儿等办理城乡居民基本医疗保险参保。Enrols in resident medical insurance.',
    inputs: [
      input('idNumber', '参保人身份证号码 / Insured ID number', '=childIdNumber'),
      input('name', '参保人姓名 / Insured name', '=child.name'),
      input('guardianIdNumber', '监护人身份证号码 / Guardian ID number', '=applicant.idNumber', true),
    ],
    outputs: [
      output('enrolmentNo', 'medicalEnrolmentNo', '参保编号 / Enrolment number'),
      output('scheme', 'medicalScheme', '参保险种 / Scheme'),
      output('startDate', 'medicalStartDate', '参保日期 / Start date'),
      output('documentUrl', 'medicalEnrolmentUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'issue-social-security-card',
    title: '社会保障卡申领',
    description: '申领社会保障卡（含电子社保卡）。Issues a social security card.',
    inputs: [
      input('idNumber', '持卡人身份证号码 / Card holder ID number', '=childIdNumber'),
      input('name', '持卡人姓名 / Card holder name', '=child.name'),
      input('mailingAddress', '邮寄地址 / Mailing address', '=socialSecurityCard.deliveryAddress', true),
    ],
    outputs: [
      output('cardNo', 'socialSecurityCardNo', '社保卡卡号 / Card number'),
      output('socialSecurityNumber', 'socialSecurityNumber', '社会保障号码 / Social security number'),
      output('issuedAt', 'socialSecurityCardIssuedAt', '发卡日期 / Issued on'),
      output('documentUrl', 'socialSecurityCardUrl', '电子社保卡地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'register-employment',
    title: '就业登记',
    description: '用人单位为新招用员工办理就业登记。Registers an employment.',
    inputs: [
      input('employeeIdNumber', '员工身份证号码 / Employee ID number', '=employee.idNumber'),
      input('employeeName', '员工姓名 / Employee name', '=employee.name'),
      input('employerCreditCode', '统一社会信用代码 / Employer credit code', '=employer.creditCode'),
      input('startDate', '入职日期 / Start date', '=employment.startDate'),
      input('contractType', '劳动合同类型 / Contract type', '=employment.contractType'),
      input('position', '岗位 / Position', '=employment.position', true),
      input('monthlySalary', '月工资 / Monthly salary', '=employment.monthlySalary'),
    ],
    outputs: [
      output('employmentRegistrationNo', 'employmentRegistrationNo', '就业登记编号 / Registration number'),
      output('employerName', 'registeredEmployerName', '用人单位 / Employer'),
      output('documentUrl', 'employmentRegistrationUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'enroll-social-insurance',
    title: '职工社会保险参保',
    description: '为员工办理养老、医疗、失业保险参保。Enrols an employee in social insurance.',
    inputs: [
      input('idNumber', '员工身份证号码 / Employee ID number', '=employee.idNumber'),
      input('employerCreditCode', '统一社会信用代码 / Employer credit code', '=employer.creditCode'),
      input('startDate', '参保日期 / Start date', '=employment.startDate'),
      input('contributionBase', '缴费基数 / Contribution base', '=employment.monthlySalary'),
      input('insuranceTypes', '险种 / Insurance types', '=["pension", "medical", "unemployment"]', true),
    ],
    outputs: [
      output('enrolmentNo', 'socialInsuranceEnrolmentNo', '参保编号 / Enrolment number'),
      output('insuranceTypes', 'enrolledInsuranceTypes', '已参保险种 / Insurance types'),
      output('startDate', 'socialInsuranceStartDate', '参保日期 / Start date'),
      output('documentUrl', 'socialInsuranceUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'check-pension-eligibility',
    title: '退休资格审核',
    description: '按渐进式延迟退休规定审核退休年龄与缴费年限。Checks pension eligibility.',
    inputs: [
      input('idNumber', '申请人身份证号码 / Applicant ID number', '=applicant.idNumber'),
      input('retirementDate', '申请退休日期 / Retirement date', '=retirement.date', true),
    ],
    outputs: [
      output('checkNo', 'eligibilityCheckNo', '审核编号 / Check number'),
      output('eligible', 'pensionEligible', '是否符合条件 / Eligible'),
      output('contributionMonths', 'contributionMonths', '缴费月数 / Contribution months'),
      output('requiredContributionMonths', 'requiredContributionMonths', '最低缴费月数 / Required months'),
      output(
        'statutoryRetirementDate',
        'statutoryRetirementDate',
        '法定退休日期 / Statutory retirement date',
      ),
      output('reasons', 'ineligibilityReasons', '不符合原因 / Reasons'),
    ],
  },
  {
    dept: 'hr',
    operation: 'claim-pension',
    title: '养老金申领',
    description: '核定并发放基本养老金。Claims the basic pension.',
    inputs: [
      input('idNumber', '申请人身份证号码 / Applicant ID number', '=applicant.idNumber'),
      input('retirementDate', '退休日期 / Retirement date', '=retirement.date'),
      input('bankName', '开户银行 / Bank', '=bankAccount.bank'),
      input('bankAccountNumber', '银行账号 / Account number', '=bankAccount.number'),
    ],
    outputs: [
      output('pensionClaimNo', 'pensionClaimNo', '养老金核定编号 / Claim number'),
      output('monthlyAmount', 'pensionMonthlyAmount', '月养老金 / Monthly amount'),
      output('startMonth', 'pensionStartMonth', '起发月份 / First month'),
      output('documentUrl', 'pensionClaimUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'continue-medical-insurance',
    title: '医保关系接续',
    description:
      '退休或失业后接续基本医疗保险关系。Continues medical insurance after retirement or unemployment.',
    inputs: [
      input('idNumber', '参保人身份证号码 / Insured ID number', '=applicant.idNumber'),
      {
        name: 'reason',
        label: '接续原因 / Reason',
        value: 'retirement',
        choices: [
          { name: '退休 / Retirement', value: 'retirement' },
          { name: '失业 / Unemployment', value: 'unemployment' },
        ],
      },
      input('effectiveDate', '生效日期 / Effective date', '=retirement.date'),
    ],
    outputs: [
      output('continuationNo', 'medicalContinuationNo', '接续编号 / Continuation number'),
      output('scheme', 'medicalScheme', '医保类别 / Scheme'),
      output('effectiveDate', 'medicalContinuationDate', '生效日期 / Effective date'),
    ],
  },
  {
    dept: 'hr',
    operation: 'register-unemployment',
    title: '失业登记',
    description: '办理失业登记，终止与原单位的就业和职工参保。Registers unemployment.',
    inputs: [
      input('idNumber', '申请人身份证号码 / Applicant ID number', '=applicant.idNumber'),
      input(
        'lastEmployerCreditCode',
        '原单位统一社会信用代码 / Last employer credit code',
        '=employer.creditCode',
      ),
      input('separationDate', '离职日期 / Separation date', '=unemployment.separationDate'),
      input('separationReason', '离职原因 / Separation reason', '=unemployment.separationReason'),
    ],
    outputs: [
      output(
        'unemploymentRegistrationNo',
        'unemploymentRegistrationNo',
        '失业登记编号 / Registration number',
      ),
      output('documentUrl', 'unemploymentRegistrationUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'grant-unemployment-benefit',
    title: '失业保险金申领',
    description: '核定失业保险金的标准和领取期限。Grants the unemployment benefit.',
    inputs: [
      input('idNumber', '申请人身份证号码 / Applicant ID number', '=applicant.idNumber'),
      input(
        'unemploymentRegistrationNo',
        '失业登记编号 / Unemployment registration number',
        '=unemploymentRegistrationNo',
      ),
      input('bankName', '开户银行 / Bank', '=bankAccount.bank'),
      input('bankAccountNumber', '银行账号 / Account number', '=bankAccount.number'),
    ],
    outputs: [
      output('benefitNo', 'unemploymentBenefitNo', '核定编号 / Benefit number'),
      output('monthlyAmount', 'unemploymentBenefitMonthlyAmount', '月发放标准 / Monthly amount'),
      output('months', 'unemploymentBenefitMonths', '领取月数 / Months'),
      output('startMonth', 'unemploymentBenefitStartMonth', '起发月份 / First month'),
      output('documentUrl', 'unemploymentBenefitUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'hr',
    operation: 'stop-pension',
    title: '养老金停发',
    description: '凭死亡医学证明自死亡次月起停发养老金。Stops the pension after a death.',
    inputs: [
      input('deceasedIdNumber', '逝者身份证号码 / Deceased ID number', '=deceased.idNumber'),
      input('deathCertificateNo', '死亡医学证明编号 / Death certificate number', '=deathCertificateNo'),
    ],
    outputs: [
      output('stopNo', 'pensionStopNo', '停发编号 / Stop number'),
      output('stoppedFromMonth', 'pensionStoppedFromMonth', '停发月份 / Stopped from'),
      output('pensionClaimNo', 'stoppedPensionClaimNo', '养老金核定编号 / Claim number'),
    ],
  },
  {
    dept: 'hr',
    operation: 'grant-funeral-allowance',
    title: '丧葬补助金、抚恤金申领',
    description: '向逝者家属发放丧葬补助金和抚恤金。Grants the funeral allowance and survivor benefit.',
    inputs: [
      input('deceasedIdNumber', '逝者身份证号码 / Deceased ID number', '=deceased.idNumber'),
      input('deathCertificateNo', '死亡医学证明编号 / Death certificate number', '=deathCertificateNo'),
      input('applicantIdNumber', '申请人身份证号码 / Applicant ID number', '=applicant.idNumber'),
      input('applicantName', '申请人姓名 / Applicant name', '=applicant.name'),
      input('bankName', '开户银行 / Bank', '=bankAccount.bank'),
      input('bankAccountNumber', '银行账号 / Account number', '=bankAccount.number'),
    ],
    outputs: [
      output('grantNo', 'funeralGrantNo', '核定编号 / Grant number'),
      output('amount', 'funeralGrantAmount', '合计金额 / Amount'),
      output('funeralAllowance', 'funeralAllowance', '丧葬补助金 / Funeral allowance'),
      output('survivorBenefit', 'survivorBenefit', '抚恤金 / Survivor benefit'),
      output('documentUrl', 'funeralGrantUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'tax',
    operation: 'register-infant-care-deduction',
    title: '3 岁以下婴幼儿照护专项附加扣除',
    description: '为父母办理婴幼儿照护个人所得税专项附加扣除。Registers the infant care deduction.',
    inputs: [
      input(
        'taxpayerIdNumber',
        '纳税人身份证号码 / Taxpayer ID number',
        '=if infantCare.claimant = "father" then father.idNumber else mother.idNumber',
      ),
      input('childIdNumber', '子女公民身份号码 / Child ID number', '=childIdNumber'),
      input('childName', '子女姓名 / Child name', '=child.name'),
      input('sharePercent', '扣除比例（%） / Share (%)', '=number(infantCare.ratio)'),
    ],
    outputs: [
      output('deductionNo', 'infantCareDeductionNo', '扣除登记编号 / Deduction number'),
      output('monthlyAmount', 'infantCareMonthlyAmount', '每月扣除额 / Monthly amount'),
      output('startMonth', 'infantCareStartMonth', '起始月份 / First month'),
      output('endMonth', 'infantCareEndMonth', '终止月份 / Last month'),
      output('documentUrl', 'infantCareDeductionUrl', '电子证照地址 / Document URL'),
    ],
  },
  {
    dept: 'tax',
    operation: 'register-withholding',
    title: '个人所得税扣缴登记',
    description: '扣缴义务人为新员工办理个人所得税扣缴登记。Registers withholding for a new employee.',
    inputs: [
      input(
        'employerCreditCode',
        '扣缴义务人统一社会信用代码 / Employer credit code',
        '=employer.creditCode',
      ),
      input('employeeIdNumber', '员工身份证号码 / Employee ID number', '=employee.idNumber'),
      input('employeeName', '员工姓名 / Employee name', '=employee.name'),
      input('startDate', '任职受雇日期 / Start date', '=employment.startDate'),
    ],
    outputs: [
      output('withholdingRegistrationNo', 'withholdingRegistrationNo', '扣缴登记编号 / Registration number'),
      output('taxpayerNo', 'taxpayerNo', '纳税人识别号 / Taxpayer number'),
    ],
  },
  {
    dept: 'tax',
    operation: 'update-pension-income-status',
    title: '退休人员养老金免税登记',
    description: '登记基本养老金免征个人所得税状态。Records the pension income tax exemption.',
    inputs: [
      input('idNumber', '纳税人身份证号码 / Taxpayer ID number', '=applicant.idNumber'),
      input('pensionStartMonth', '养老金起发月份 / Pension first month', '=pensionStartMonth'),
      input('pensionClaimNo', '养老金核定编号 / Pension claim number', '=pensionClaimNo', true),
    ],
    outputs: [
      output('statusNo', 'pensionIncomeStatusNo', '登记编号 / Status number'),
      output('status', 'pensionIncomeStatus', '状态 / Status'),
      output('effectiveMonth', 'pensionIncomeEffectiveMonth', '生效月份 / Effective month'),
    ],
  },
  {
    dept: 'tax',
    operation: 'close-deductions',
    title: '逝者专项附加扣除注销',
    description: '注销逝者的个人所得税专项附加扣除。Closes the deceased taxpayer’s deductions.',
    inputs: [
      input('deceasedIdNumber', '逝者身份证号码 / Deceased ID number', '=deceased.idNumber'),
      input('deathCertificateNo', '死亡医学证明编号 / Death certificate number', '=deathCertificateNo'),
    ],
    outputs: [
      output('closureNo', 'deductionClosureNo', '注销编号 / Closure number'),
      output('closedDeductionNos', 'closedDeductionNos', '已注销扣除 / Closed deductions'),
      output('lastMonth', 'deductionsLastMonth', '最后扣除月份 / Last month'),
    ],
  },
];
