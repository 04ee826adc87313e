import type { BundleProcessSpec } from './spec.types.ts';

const applicant = ['applicant.idNumber', 'applicant.name', 'applicant.mobile', 'applicant.relationship'];
const deceased = ['deceased.idNumber', 'deceased.name'];
const deathCertificateNo = '=results.deathCertificate.deathCertificateNo';

export const afterDeathSpec: BundleProcessSpec = {
  key: 'after-death',
  // Every other department acts on the death medical certificate.
  stages: [['health'], ['civil', 'hr', 'tax']],
  services: [
    {
      key: 'deathCertificate',
      taskName: '签发死亡医学证明',
      formFields: [
        ...applicant,
        ...deceased,
        'deceased.sex',
        'deceased.birthDate',
        'deceased.deathDate',
        'deceased.deathPlaceType',
        'deceased.deathPlace',
        'deceased.deathCause',
      ],
      inputs: [
        ['deceasedIdNumber', '=deceased.idNumber'],
        ['deceasedName', '=deceased.name'],
        ['deathDate', '=deceased.deathDate'],
        ['deathPlaceType', '=deceased.deathPlaceType'],
        ['deathPlace', '=deceased.deathPlace'],
        ['deathCause', '=deceased.deathCause'],
      ],
      outputs: ['deathCertificateNo', 'issuedAt', 'documentUrl'],
      reviewShows: [
        ['deceased.name', '逝者姓名'],
        ['deceased.idNumber', '逝者公民身份号码'],
        ['deceased.deathDate', '死亡日期'],
        ['deceased.deathPlaceType', '死亡地点类型'],
        ['deceased.deathPlace', '死亡地点'],
        ['deceased.deathCause', '死亡原因'],
        ['applicant.name', '申请人姓名'],
        ['applicant.relationship', '申请人与逝者关系'],
      ],
    },
    {
      key: 'householdCancellation',
      taskName: '注销户口',
      formFields: [
        ...applicant,
        ...deceased,
        'deceased.address',
        'funeral.home',
        'funeral.cremationDate',
        'funeral.cremationCertificateNo',
      ],
      inputs: [
        ['deceasedIdNumber', '=deceased.idNumber'],
        ['deathCertificateNo', deathCertificateNo],
      ],
      outputs: ['cancellationNo', 'deathDate', 'householdNumber', 'documentUrl'],
    },
    {
      key: 'pensionStop',
      taskName: '停发养老金',
      formFields: [...applicant, ...deceased, 'deceased.deathDate'],
      inputs: [
        ['deceasedIdNumber', '=deceased.idNumber'],
        ['deathCertificateNo', deathCertificateNo],
      ],
      outputs: ['stopNo', 'stoppedFromMonth', 'pensionClaimNo'],
    },
    {
      key: 'funeralGrant',
      taskName: '核发丧葬补助金和抚恤金',
      formFields: [
        ...applicant,
        ...deceased,
        'funeral.home',
        'bankAccount.bank',
        'bankAccount.number',
        'bankAccount.holder',
      ],
      inputs: [
        ['deceasedIdNumber', '=deceased.idNumber'],
        ['deathCertificateNo', deathCertificateNo],
        ['applicantIdNumber', '=applicant.idNumber'],
        ['applicantName', '=applicant.name'],
        ['bankName', '=bankAccount.bank'],
        ['bankAccountNumber', '=bankAccount.number'],
      ],
      outputs: ['grantNo', 'amount', 'funeralAllowance', 'survivorBenefit', 'documentUrl'],
      reviewShows: [
        ['deceased.name', '逝者姓名'],
        ['deceased.idNumber', '逝者公民身份号码'],
        ['results.deathCertificate.deathCertificateNo', '死亡医学证明编号'],
        ['applicant.name', '申请人姓名'],
        ['applicant.relationship', '申请人与逝者关系'],
        ['bankAccount.bank', '开户银行'],
        ['bankAccount.holder', '账户户名'],
      ],
    },
    {
      key: 'deductionClosure',
      taskName: '注销专项附加扣除',
      formFields: [...applicant, ...deceased],
      inputs: [
        ['deceasedIdNumber', '=deceased.idNumber'],
        ['deathCertificateNo', deathCertificateNo],
      ],
      outputs: ['closureNo', 'closedDeductionNos', 'lastMonth'],
    },
  ],
};
