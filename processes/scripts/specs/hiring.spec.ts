import type { BundleProcessSpec } from './spec.types.ts';

const applicant = ['applicant.idNumber', 'applicant.name', 'applicant.mobile'];
const employee = ['employee.idNumber', 'employee.name'];

export const hiringSpec: BundleProcessSpec = {
  key: 'hiring',
  // HR and tax need nothing from each other; inside HR the social insurance
  // enrolment needs the employment registered first.
  stages: [['hr', 'tax']],
  services: [
    {
      key: 'employmentRegistration',
      taskName: '办理就业登记',
      formFields: [
        ...applicant,
        ...employee,
        'employee.mobile',
        'employee.education',
        'employer.creditCode',
        'employer.name',
        'employer.contactName',
        'employer.contactMobile',
        'employment.startDate',
        'employment.contractType',
        'employment.contractEndDate',
        'employment.position',
        'employment.monthlySalary',
      ],
      inputs: [
        ['employeeIdNumber', '=employee.idNumber'],
        ['employeeName', '=employee.name'],
        ['employerCreditCode', '=employer.creditCode'],
        ['startDate', '=employment.startDate'],
        ['contractType', '=employment.contractType'],
        ['position', '=employment.position'],
        ['monthlySalary', '=employment.monthlySalary'],
      ],
      outputs: ['employmentRegistrationNo', 'employerName', 'documentUrl'],
    },
    {
      key: 'socialInsurance',
      taskName: '办理职工社保参保',
      formFields: [
        ...applicant,
        ...employee,
        'employer.creditCode',
        'employer.name',
        'employment.startDate',
        'employment.monthlySalary',
      ],
      inputs: [
        ['idNumber', '=employee.idNumber'],
        ['employerCreditCode', '=employer.creditCode'],
        ['startDate', '=employment.startDate'],
        ['contributionBase', '=employment.monthlySalary'],
        ['insuranceTypes', '=["pension", "medical", "unemployment"]'],
      ],
      outputs: ['enrolmentNo', 'insuranceTypes', 'startDate', 'documentUrl'],
      reviewShows: [
        ['employee.name', '员工姓名'],
        ['employee.idNumber', '员工公民身份号码'],
        ['employer.name', '单位名称'],
        ['employer.creditCode', '统一社会信用代码'],
        ['employment.startDate', '入职日期（参保起始日期）'],
        ['employment.monthlySalary', '月工资（缴费基数）'],
        ['results.employmentRegistration.employmentRegistrationNo', '就业登记编号'],
      ],
    },
    {
      key: 'withholdingRegistration',
      taskName: '办理个税扣缴登记',
      formFields: [...applicant, ...employee, 'employer.creditCode', 'employer.name', 'employment.startDate'],
      inputs: [
        ['employerCreditCode', '=employer.creditCode'],
        ['employeeIdNumber', '=employee.idNumber'],
        ['employeeName', '=employee.name'],
        ['startDate', '=employment.startDate'],
      ],
      outputs: ['withholdingRegistrationNo', 'taxpayerNo'],
    },
  ],
};
