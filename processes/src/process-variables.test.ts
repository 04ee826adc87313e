import { describe, expect, it } from 'vitest';
import { loadBundle } from './load-bundles.ts';
import { acceptanceVariables, serviceOutcomes, startVariables } from './process-variables.ts';

const newborn = loadBundle('newborn').manifest;

describe('start variables', () => {
  it('carry the application id, the data, the selected services and the window’s due date', () => {
    // when
    const variables = startVariables(newborn, {
      applicationId: 'app-42',
      applicant: { idNumber: '330106199203154527', name: '王芳' },
      data: { applicant: { mobile: '13812345678' }, child: { name: '陈思远' } },
      services: ['birthCertificate'],
      submittedAt: '2026-09-30T16:00:00+08:00',
    });

    // then
    expect(variables).toEqual({
      applicationId: 'app-42',
      bundleKey: 'newborn',
      applicant: { idNumber: '330106199203154527', name: '王芳', mobile: '13812345678' },
      child: { name: '陈思远' },
      services: ['birthCertificate'],
      acceptDueAt: '2026-10-08T23:59:59+08:00',
    });
  });
});

describe('acceptance variables', () => {
  it('add every part’s due date when the window accepts', () => {
    const variables = acceptanceVariables(newborn, 'accept', '2026-03-02T09:00:00+08:00', [
      'birthCertificate',
    ]);
    expect(variables.acceptance).toEqual({ decision: 'accept' });
    expect(variables.parts).toMatchObject({ health: { dueAt: '2026-03-05T23:59:59+08:00' } });
    expect(variables.dueAt).toBe('2026-03-16T23:59:59+08:00');
  });

  it('give the citizen ten working days to supplement a returned application', () => {
    // given a return just before the 2026 National Day holiday
    const variables = acceptanceVariables(
      newborn,
      'return',
      '2026-09-25T11:00:00+08:00',
      ['birthCertificate'],
      {
        reason: '请补充户口簿',
      },
    );

    // then 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13, 10-14, 10-15
    expect(variables).toEqual({
      acceptance: {
        decision: 'return',
        reason: '请补充户口簿',
        supplementDueAt: '2026-10-15T23:59:59+08:00',
      },
    });
  });

  it('carry only the decision and the reason when the window rejects', () => {
    expect(
      acceptanceVariables(newborn, 'reject', '2026-03-02', [], { reason: '不属于本事项受理范围' }),
    ).toEqual({
      acceptance: { decision: 'reject', reason: '不属于本事项受理范围' },
    });
  });
});

describe('service outcomes', () => {
  it('reads each service’s status from the process variables', () => {
    // given
    const variables = {
      services: ['birthCertificate', 'vaccinationRecord', 'householdRegistration', 'medicalInsurance'],
      results: { birthCertificate: { birthCertificateNo: 'Q123456789' } },
      reviews: { householdRegistration: { decision: 'reject', comment: '户号与户籍地址不符' } },
      resolutions: { vaccinationRecord: { decision: 'abandon', comment: '已在医院建档' } },
    };

    // when
    const outcomes = serviceOutcomes(newborn, variables);

    // then
    expect(outcomes).toEqual([
      {
        service: 'birthCertificate',
        department: 'health',
        status: 'done',
        result: { birthCertificateNo: 'Q123456789' },
      },
      { service: 'vaccinationRecord', department: 'health', status: 'failed', reason: '已在医院建档' },
      {
        service: 'householdRegistration',
        department: 'civil',
        status: 'failed',
        reason: '户号与户籍地址不符',
      },
      { service: 'medicalInsurance', department: 'hr', status: 'pending' },
      { service: 'socialSecurityCard', department: 'hr', status: 'not_requested' },
      { service: 'infantCareDeduction', department: 'tax', status: 'not_requested' },
    ]);
  });

  it('treats malformed variables as nothing known', () => {
    expect(
      serviceOutcomes(newborn, { services: 'all', results: [] }).every((o) => o.status === 'not_requested'),
    ).toBe(true);
  });
});
