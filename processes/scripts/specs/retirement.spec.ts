import type { BundleProcessSpec } from './spec.types.ts';

const applicant = ['applicant.idNumber', 'applicant.name', 'applicant.mobile'];
const bank = ['bankAccount.bank', 'bankAccount.number', 'bankAccount.holder'];

export const retirementSpec: BundleProcessSpec = {
  key: 'retirement',
  // The pension is claimed after the eligibility check; medical insurance as a
  // retiree needs the claim; tax exempts the pension from its start month.
  stages: [['hr'], ['tax']],
  services: [
    {
      key: 'pensionEligibility',
      taskName: '审核退休资格',
      formFields: [
        ...applicant,
        'applicant.sex',
        'applicant.birthDate',
        'retirement.type',
        'retirement.date',
        'retirement.contributionMonths',
      ],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['retirementDate', '=retirement.date'],
      ],
      outputs: [
        'checkNo',
        'eligible',
        'contributionMonths',
        'requiredContributionMonths',
        'statutoryRetirementDate',
        'reasons',
      ],
    },
    {
      key: 'pensionClaim',
      taskName: '核定并发放基本养老金',
      formFields: [...applicant, 'retirement.date', ...bank],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['retirementDate', '=retirement.date'],
        ['bankName', '=bankAccount.bank'],
        ['bankAccountNumber', '=bankAccount.number'],
      ],
      outputs: ['pensionClaimNo', 'monthlyAmount', 'startMonth', 'documentUrl'],
      reviewShows: [
        ['applicant.name', '申请人姓名'],
        ['applicant.idNumber', '申请人公民身份号码'],
        ['retirement.type', '退休类型'],
        ['retirement.date', '申请退休日期'],
        ['results.pensionEligibility.eligible', '资格审核结果（true 为符合）'],
        ['results.pensionEligibility.contributionMonths', '累计缴费月数'],
        ['results.pensionEligibility.requiredContributionMonths', '最低缴费月数'],
        ['results.pensionEligibility.statutoryRetirementDate', '法定退休日期'],
        ['bankAccount.bank', '开户银行'],
        ['bankAccount.holder', '账户户名'],
      ],
    },
    {
      key: 'medicalInsuranceContinuation',
      taskName: '办理退休人员医保接续',
      formFields: [...applicant, 'retirement.date'],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['reason', 'retirement'],
        ['effectiveDate', '=retirement.date'],
      ],
      outputs: ['continuationNo', 'scheme', 'effectiveDate'],
    },
    {
      key: 'pensionIncomeTax',
      taskName: '登记养老金收入免税',
      formFields: [...applicant],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['pensionStartMonth', '=results.pensionClaim.startMonth'],
        ['pensionClaimNo', '=results.pensionClaim.pensionClaimNo'],
      ],
      outputs: ['statusNo', 'status', 'effectiveMonth'],
    },
  ],
};
