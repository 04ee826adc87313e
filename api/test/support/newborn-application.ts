import { demoIdNumber } from '../../src/modules/users/demo-accounts.ts';

/** citizen1's resident ID number (demo account). */
export const CITIZEN1_ID = demoIdNumber('11010519900307123');
export const MOTHER_ID = demoIdNumber('33010619920315452');

/** A complete newborn application by citizen1, the father. */
export function newbornData(): Record<string, unknown> {
  return {
    applicant: { idNumber: CITIZEN1_ID, name: '张伟', mobile: '13812345678', relationship: 'parent' },
    mother: { idNumber: MOTHER_ID, name: '王芳' },
    father: { idNumber: CITIZEN1_ID, name: '张伟' },
    child: {
      name: '张思远',
      sex: 'male',
      birthDate: '2026-09-20',
      birthPlace: '北京市朝阳区',
      birthHospital: '北京妇产医院',
    },
    household: {
      entryParent: 'father',
      number: '110105012345',
      headName: '张伟',
      address: '北京市朝阳区建国路 1 号',
    },
    infantCare: { claimant: 'father', ratio: '100' },
    socialSecurityCard: { bank: '中国工商银行', deliveryAddress: '北京市朝阳区建国路 1 号' },
  };
}
