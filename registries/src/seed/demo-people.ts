/**
 * The demo citizens and their families, as data. The api gives these ID numbers
 * to the demo accounts (`citizen1`, `citizen2`); the seed writes them into the
 * registries with coherent records (see OPERATIONS.md, "Demo data").
 */
export interface DemoPerson {
  readonly idNumber: string;
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly mobile?: string;
}

export interface DemoEmployer {
  readonly creditCode: string;
  readonly name: string;
  readonly address: string;
  readonly regionCode: string;
  readonly taxAuthority: string;
}

/** citizen1: a young mother, employed at the demo software company. */
export const CITIZEN1: DemoPerson = {
  idNumber: '330106199608150244',
  name: '王芳',
  sex: 'female',
  birthDate: '1996-08-15',
  mobile: '13800000001',
};
/** citizen1's husband, head of their household. */
export const CITIZEN1_SPOUSE: DemoPerson = {
  idNumber: '330102199502100139',
  name: '陈明',
  sex: 'male',
  birthDate: '1995-02-10',
};
export const CITIZEN1_FATHER: DemoPerson = {
  idNumber: '330106196804220154',
  name: '王建华',
  sex: 'male',
  birthDate: '1968-04-22',
};
export const CITIZEN1_MOTHER: DemoPerson = {
  idNumber: '330106197009300264',
  name: '刘秀英',
  sex: 'female',
  birthDate: '1970-09-30',
};

/** citizen2: past the reformed retirement age, last employment ended, no pension claimed yet. */
export const CITIZEN2: DemoPerson = {
  idNumber: '330105196603080312',
  name: '李建国',
  sex: 'male',
  birthDate: '1966-03-08',
  mobile: '13800000002',
};
export const CITIZEN2_SPOUSE: DemoPerson = {
  idNumber: '330105196811020429',
  name: '张桂兰',
  sex: 'female',
  birthDate: '1968-11-02',
};
/** citizen2's father: alive in every registry, a pensioner; the after-death demo reports his death. */
export const CITIZEN2_FATHER: DemoPerson = {
  idNumber: '330105193809120179',
  name: '李德明',
  sex: 'male',
  birthDate: '1938-09-12',
};
/** citizen2's mother, who died in 2019 (a death certificate and a cancelled registration exist). */
export const CITIZEN2_MOTHER: DemoPerson = {
  idNumber: '330105194105060280',
  name: '周淑珍',
  sex: 'female',
  birthDate: '1941-05-06',
};
export const CITIZEN2_SON: DemoPerson = {
  idNumber: '330105199307190553',
  name: '李伟',
  sex: 'male',
  birthDate: '1993-07-19',
};

/** citizen1's employer. */
export const DEMO_EMPLOYER: DemoEmployer = {
  creditCode: '91330108732415682M',
  name: '杭州云帆信息技术有限公司',
  address: '浙江省杭州市滨江区网商路 599 号',
  regionCode: '330108',
  taxAuthority: '国家税务总局杭州市滨江区税务局',
};
/** citizen2's last employer. */
export const DEMO_EMPLOYER_MACHINERY: DemoEmployer = {
  creditCode: '91330109143025774G',
  name: '杭州钱塘机械制造有限公司',
  address: '浙江省杭州市萧山区市心北路 1000 号',
  regionCode: '330109',
  taxAuthority: '国家税务总局杭州市萧山区税务局',
};
/** citizen1's husband's employer. */
export const DEMO_EMPLOYER_MEDICAL: DemoEmployer = {
  creditCode: '91330106598120348W',
  name: '杭州西溪医疗器械有限公司',
  address: '浙江省杭州市西湖区西溪路 525 号',
  regionCode: '330106',
  taxAuthority: '国家税务总局杭州市西湖区税务局',
};

export const DEMO_HOUSEHOLDS = {
  citizen1: {
    number: '100000101',
    address: '浙江省杭州市西湖区文三路 88 号 3 幢 201 室',
    regionCode: '330106',
  },
  citizen1Parents: {
    number: '100000102',
    address: '浙江省杭州市西湖区古墩路 16 号 1 单元 502 室',
    regionCode: '330106',
  },
  citizen2: {
    number: '100000103',
    address: '浙江省杭州市拱墅区湖墅南路 210 号 2 幢 601 室',
    regionCode: '330105',
  },
} as const;

/** What the demo accounts are, by username. */
export const DEMO_CITIZENS = {
  citizen1: CITIZEN1,
  citizen2: CITIZEN2,
} as const;
