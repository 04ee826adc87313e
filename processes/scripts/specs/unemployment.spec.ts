import type { BundleProcessSpec } from './spec.types.ts';

const applicant = ['applicant.idNumber', 'applicant.name', 'applicant.mobile'];

export const unemploymentSpec: BundleProcessSpec = {
  key: 'unemployment',
  // All HR: the benefit and the medical insurance both need the registration.
  stages: [['hr']],
  services: [
    {
      key: 'unemploymentRegistration',
      taskName: '办理失业登记',
      formFields: [
        ...applicant,
        'employer.creditCode',
        'unemployment.lastEmployer',
        'unemployment.separationDate',
        'unemployment.separationReason',
      ],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['lastEmployerCreditCode', '=employer.creditCode'],
        ['separationDate', '=unemployment.separationDate'],
        ['separationReason', '=unemployment.separationReason'],
      ],
      outputs: ['unemploymentRegistrationNo', 'documentUrl'],
    },
    {
      key: 'unemploymentBenefit',
      taskName: '核发失业保险金',
      formFields: [...applicant, 'bankAccount.bank', 'bankAccount.number', 'bankAccount.holder'],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['unemploymentRegistrationNo', '=results.unemploymentRegistration.unemploymentRegistrationNo'],
        ['bankName', '=bankAccount.bank'],
        ['bankAccountNumber', '=bankAccount.number'],
      ],
      outputs: ['benefitNo', 'monthlyAmount', 'months', 'startMonth', 'documentUrl'],
      reviewShows: [
        ['applicant.name', '申请人姓名'],
        ['applicant.idNumber', '申请人公民身份号码'],
        ['unemployment.lastEmployer', '原工作单位'],
        ['unemployment.separationDate', '解除或终止劳动关系日期'],
        ['unemployment.separationReason', '离职原因'],
        ['results.unemploymentRegistration.unemploymentRegistrationNo', '失业登记编号'],
        ['bankAccount.bank', '开户银行'],
        ['bankAccount.holder', '账户户名'],
      ],
    },
    {
      key: 'medicalInsuranceContinuation',
      taskName: '办理失业期间医保接续',
      formFields: [...applicant, 'unemployment.separationDate'],
      inputs: [
        ['idNumber', '=applicant.idNumber'],
        ['reason', 'unemployment'],
        ['effectiveDate', '=unemployment.separationDate'],
      ],
      outputs: ['continuationNo', 'scheme', 'effectiveDate'],
    },
  ],
};
