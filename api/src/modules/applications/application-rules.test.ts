import { describe, expect, it } from 'vitest';
import { loadBundle } from '@onething/processes';
import type { Principal } from '../auth/access.ts';
import { canSeeApplication, visibleDepartments } from './application-access.ts';
import { residentIdNumbers, visibleData } from './application-data.ts';
import { applicationParts } from './application-parts.ts';

const person = (roles: Principal['roles'], groups: Principal['groups'], id = 'u-1'): Principal => ({
  id,
  username: id,
  displayName: id,
  roles,
  groups,
});
const application = { applicantId: 'owner', departments: ['health', 'civil'] };

describe('who sees an application', () => {
  it('shows it to its owner, the window and the departments of its services only', () => {
    expect(canSeeApplication(person(['citizen'], [], 'owner'), application)).toBe(true);
    expect(canSeeApplication(person(['citizen'], [], 'other'), application)).toBe(false);
    expect(canSeeApplication(person(['clerk'], ['window']), application)).toBe(true);
    expect(canSeeApplication(person(['clerk'], ['health']), application)).toBe(true);
    expect(canSeeApplication(person(['clerk'], ['tax']), application)).toBe(false);
    expect(canSeeApplication(person(['supervisor'], []), application)).toBe(false);
  });

  it('gives a department clerk only their departments share', () => {
    expect(visibleDepartments(person(['clerk'], ['window']), ['hr'])).toBe('all');
    expect(visibleDepartments(person(['clerk'], ['hr', 'tax']), ['hr', 'civil'])).toEqual(['hr']);
  });
});

describe('application data', () => {
  const data = {
    mother: { idNumber: '110105199003071230', name: '王芳' },
    child: { name: '张思远', birthWeight: 3300 },
    infantCare: { claimant: 'father', ratio: '100' },
  };

  it('finds every resident ID number for the lookup hashes', () => {
    expect(residentIdNumbers({ ...data, father: { idNumber: '110105199003071230' } })).toEqual([
      '110105199003071230',
    ]);
  });

  it('keeps health-only data from a tax clerk', () => {
    const tax = visibleData(data, ['tax']);
    expect(tax.infantCare).toEqual({ claimant: 'father', ratio: '100' });
    expect(tax.child).not.toHaveProperty('birthWeight');
    expect(visibleData(data, ['health']).child).toHaveProperty('birthWeight', 3300);
  });
});

describe('application parts', () => {
  const { manifest } = loadBundle('newborn');

  it('lists one part per selected service, in progress while processing, done with its result', () => {
    // when
    const parts = applicationParts(manifest, 'processing', ['birthCertificate', 'householdRegistration'], {
      outcomes: [
        {
          service: 'birthCertificate',
          department: 'health',
          status: 'done',
          result: { birthCertificateNo: 'N110000001', issuedAt: '2026-10-01', nested: { x: 1 } },
        },
      ],
      dueDates: {
        dueAt: '2026-10-13T23:59:59+08:00',
        parts: { health: { dueAt: '2026-10-09T23:59:59+08:00' } },
      },
    });

    // then
    expect(parts).toEqual([
      {
        department: 'health',
        service: 'birthCertificate',
        status: 'done',
        result: { birthCertificateNo: 'N110000001', issuedAt: '2026-10-01' },
        title: { 'zh-CN': '出生医学证明', en: 'Birth medical certificate' },
        dueDate: '2026-10-09T15:59:59.000Z',
      },
      {
        department: 'civil',
        service: 'householdRegistration',
        status: 'in_progress',
        result: null,
        title: { 'zh-CN': '出生登记（落户）', en: 'Birth registration in a household' },
        dueDate: null,
      },
    ]);
  });

  it('with live progress, a part waits until its service starts', () => {
    const parts = applicationParts(manifest, 'processing', ['birthCertificate', 'householdRegistration'], {
      outcomes: null,
      progress: {
        birthCertificate: { status: 'in_progress', startedAt: '2026-10-01T01:00:00.000Z' },
        householdRegistration: { status: 'pending' },
      },
    });
    expect(parts.map((part) => part.status)).toEqual(['in_progress', 'pending']);
  });

  it('marks waiting parts returned while the application is with the citizen', () => {
    const parts = applicationParts(manifest, 'returned', ['birthCertificate'], { outcomes: null });
    expect(parts).toMatchObject([
      { department: 'health', service: 'birthCertificate', status: 'returned', result: null },
    ]);
  });
});
