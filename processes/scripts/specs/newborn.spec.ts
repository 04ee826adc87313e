import type { BundleProcessSpec } from './spec.types.ts';

const applicant = ['applicant.idNumber', 'applicant.name', 'applicant.mobile', 'applicant.relationship'];
const childIdNumber = '=results.householdRegistration.childIdNumber';
const birthCertificateNo = '=results.birthCertificate.birthCertificateNo';

export const newbornSpec: BundleProcessSpec = {
  key: 'newborn',
  // The household registration needs the birth certificate number; the child's
  // insurance, card and the parents' deduction need the child's new ID number.
  stages: [['health'], ['civil'], ['hr', 'tax']],
  services: [
    {
      key: 'birthCertificate',
      formFields: [
        ...applicant,
        'mother.idNumber',
        'mother.name',
        'father.idNumber',
        'father.name',
        'child.name',
        'child.sex',
        'child.birthDate',
        'child.birthPlace',
        'child.birthHospital',
      ],
      taskName: '签发出生医学证明',
      inputs: [
        ['motherIdNumber', '=mother.idNumber'],
        ['motherName', '=mother.name'],
        ['fatherIdNumber', '=father.idNumber'],
        ['fatherName', '=father.name'],
        ['childName', '=child.name'],
        ['childSex', '=child.sex'],
        ['childBirthDate', '=child.birthDate'],
        ['childBirthPlace', '=child.birthPlace'],
        ['childBirthHospital', '=child.birthHospital'],
      ],
      outputs: ['birthCertificateNo', 'issuedAt', 'documentUrl'],
      reviewShows: [
        ['child.name', '新生儿姓名'],
        ['child.sex', '新生儿性别'],
        ['child.birthDate', '出生日期'],
        ['child.birthPlace', '出生地点'],
        ['child.birthHospital', '接生机构'],
        ['mother.name', '母亲姓名'],
        ['mother.idNumber', '母亲公民身份号码'],
        ['father.name', '父亲姓名'],
        ['father.idNumber', '父亲公民身份号码'],
      ],
    },
    {
      key: 'vaccinationRecord',
      formFields: [...applicant, 'mother.idNumber', 'child.name', 'child.birthDate'],
      taskName: '建立预防接种档案',
      inputs: [
        ['birthCertificateNo', birthCertificateNo],
        ['guardianIdNumber', '=mother.idNumber'],
      ],
      outputs: ['vaccinationRecordNo', 'vaccinations', 'documentUrl'],
    },
    {
      key: 'householdRegistration',
      formFields: [
        ...applicant,
        'child.name',
        'child.sex',
        'child.birthDate',
        'household.entryParent',
        'household.number',
        'household.headName',
        'household.address',
      ],
      taskName: '办理出生登记',
      inputs: [
        ['birthCertificateNo', birthCertificateNo],
        ['childName', '=child.name'],
        ['householdNumber', '=household.number'],
      ],
      outputs: ['householdEntryNo', 'childIdNumber', 'householdNumber', 'documentUrl'],
      reviewShows: [
        ['results.birthCertificate.birthCertificateNo', '出生医学证明编号'],
        ['child.name', '新生儿姓名'],
        ['child.birthDate', '出生日期'],
        ['household.entryParent', '随父或随母落户'],
        ['household.number', '户号'],
        ['household.headName', '户主姓名'],
        ['household.address', '户籍地址'],
      ],
    },
    {
      key: 'medicalInsurance',
      formFields: [...applicant, 'child.name'],
      taskName: '办理居民医保参保',
      inputs: [
        ['idNumber', childIdNumber],
        ['name', '=child.name'],
        ['guardianIdNumber', '=applicant.idNumber'],
      ],
      outputs: ['enrolmentNo', 'scheme', 'startDate', 'documentUrl'],
    },
    {
      key: 'socialSecurityCard',
      formFields: [
        ...applicant,
        'child.name',
        'socialSecurityCard.bank',
        'socialSecurityCard.deliveryAddress',
      ],
      taskName: '制发社会保障卡',
      inputs: [
        ['idNumber', childIdNumber],
        ['name', '=child.name'],
        ['mailingAddress', '=socialSecurityCard.deliveryAddress'],
      ],
      outputs: ['cardNo', 'socialSecurityNumber', 'issuedAt', 'documentUrl'],
    },
    {
      key: 'infantCareDeduction',
      formFields: [
        ...applicant,
        'mother.idNumber',
        'mother.name',
        'father.idNumber',
        'father.name',
        'child.name',
        'infantCare.claimant',
        'infantCare.ratio',
      ],
      taskName: '登记婴幼儿照护专项附加扣除',
      inputs: [
        ['taxpayerIdNumber', '=if infantCare.claimant = "father" then father.idNumber else mother.idNumber'],
        ['childIdNumber', childIdNumber],
        ['childName', '=child.name'],
        ['sharePercent', '=number(infantCare.ratio)'],
      ],
      outputs: ['deductionNo', 'monthlyAmount', 'startMonth', 'endMonth', 'documentUrl'],
    },
  ],
};
