import { demoPeople } from '@onething/registries';

/** citizen1's resident ID number (demo account; the registries' demo mother). */
export const CITIZEN1_ID = demoPeople.CITIZEN1.idNumber;
/** The mother is citizen1 herself. */
export const MOTHER_ID = CITIZEN1_ID;
export const FATHER_ID = demoPeople.CITIZEN1_SPOUSE.idNumber;

/** A complete newborn application by citizen1, the mother. */
export function newbornData(): Record<string, unknown> {
  return {
    applicant: {
      idNumber: CITIZEN1_ID,
      name: demoPeople.CITIZEN1.name,
      mobile: '13812345678',
      relationship: 'parent',
    },
    mother: { idNumber: CITIZEN1_ID, name: demoPeople.CITIZEN1.name },
    father: { idNumber: FATHER_ID, name: demoPeople.CITIZEN1_SPOUSE.name },
    child: {
      name: '陈思远',
      sex: 'male',
      birthDate: '2026-09-20',
      birthPlace: '浙江省杭州市西湖区',
      birthHospital: '浙江大学医学院附属妇产科医院',
    },
    household: {
      entryParent: 'father',
      number: '330102012345',
      headName: demoPeople.CITIZEN1_SPOUSE.name,
      address: '浙江省杭州市西湖区文三路 1 号',
    },
    infantCare: { claimant: 'mother', ratio: '100' },
    socialSecurityCard: { bank: '中国工商银行', deliveryAddress: '浙江省杭州市西湖区文三路 1 号' },
  };
}
