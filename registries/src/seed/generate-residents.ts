import { buildCreditCode } from '../shared/credit-code.ts';
import { addMonths, ageOn } from '../shared/dates.ts';
import { buildIdNumber } from '../shared/id-number.ts';
import type { DemoEmployer, DemoPerson } from './demo-people.ts';
import { between, pick, seededRandom } from './prng.ts';
import { emptyWorld, type SeedWorld } from './seed-world.ts';

// Real county-level region codes (GB/T 2260), where residents were born.
const BIRTH_REGIONS = [
  '110101',
  '110105',
  '310104',
  '310115',
  '320102',
  '330102',
  '330105',
  '330106',
  '330108',
  '330109',
  '330110',
  '420106',
  '440106',
  '440305',
  '510107',
  '610113',
];
// Where they live now: the sandbox city's districts.
const HOME_DISTRICTS = [
  { code: '330102', name: '浙江省杭州市上城区', streets: ['解放路', '望江路', '钱江路'] },
  { code: '330105', name: '浙江省杭州市拱墅区', streets: ['莫干山路', '湖墅南路', '上塘路'] },
  { code: '330106', name: '浙江省杭州市西湖区', streets: ['文三路', '天目山路', '古墩路'] },
  { code: '330108', name: '浙江省杭州市滨江区', streets: ['江南大道', '滨盛路', '长河路'] },
  { code: '330109', name: '浙江省杭州市萧山区', streets: ['市心路', '金城路', '人民路'] },
  { code: '330110', name: '浙江省杭州市余杭区', streets: ['文一西路', '良渚路', '临平大道'] },
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖',
];
const MALE_GIVEN = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆志'];
const FEMALE_GIVEN = [...'芳娜敏静丽艳娟霞燕玲桂英秀兰红梅琳雪婷慧颖洁倩萍'];
const EMPLOYER_NAMES = [
  { name: '杭州之江数据科技有限公司', region: '330110' },
  { name: '杭州湖滨商贸有限公司', region: '330102' },
  { name: '杭州运河物流有限公司', region: '330105' },
  { name: '杭州良渚文化旅游有限公司', region: '330110' },
  { name: '杭州萧山纺织有限公司', region: '330109' },
];
const POSITIONS = ['职员', '工程师', '会计', '销售代表', '仓库管理员', '技术员', '行政助理'];

/** Generated households and employment numbers start here, apart from the demo ones. */
const HOUSEHOLD_BASE = 200_000_000;

/**
 * `count` residents with valid ID numbers, deterministic from `seed`: singles and
 * married couples in households of the sandbox city, most adults of working age
 * employed, insured and registered for tax withholding.
 */
export function generateResidents(count: number, seed: number): SeedWorld {
  const random = seededRandom(seed);
  const world = emptyWorld();
  const employers: DemoEmployer[] = EMPLOYER_NAMES.map((entry, index) => ({
    creditCode: buildCreditCode(
      entry.region,
      String(61_000_000 + index * 7_919 + seed)
        .padStart(8, '0')
        .slice(-8),
    ),
    name: entry.name,
    address: `${HOME_DISTRICTS.find((d) => d.code === entry.region)?.name ?? '浙江省杭州市'}创业路 ${index + 1} 号`,
    regionCode: entry.region,
    taxAuthority: '国家税务总局杭州市税务局',
  }));
  world.employers.push(...employers);
  const used = new Set<string>();

  const makePerson = (
    sex: 'male' | 'female',
    birthDate: string,
    region?: string,
    surname?: string,
  ): DemoPerson => {
    for (;;) {
      const sequence = 100 + between(random, 0, 448) * 2 + (sex === 'male' ? 1 : 0);
      const idNumber = buildIdNumber(region ?? pick(random, BIRTH_REGIONS), birthDate, sequence);
      if (used.has(idNumber)) continue;
      used.add(idNumber);
      const given = Array.from({ length: between(random, 1, 2) }, () =>
        pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN),
      ).join('');
      return { idNumber, name: (surname ?? pick(random, SURNAMES)) + given, sex, birthDate };
    }
  };
  const birthDate = (fromYear: number, toYear: number) =>
    `${between(random, fromYear, toYear)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;

  let made = 0;
  let householdIndex = 0;
  while (made < count) {
    householdIndex += 1;
    const district = pick(random, HOME_DISTRICTS);
    const number = String(HOUSEHOLD_BASE + householdIndex);
    world.households.push({
      number,
      address: `${district.name}${pick(random, district.streets)} ${between(random, 1, 400)} 号 ${between(random, 1, 30)} 幢 ${between(random, 1, 30)}0${between(random, 1, 4)} 室`,
      regionCode: district.code,
    });
    const headSex = random() < 0.5 ? 'male' : 'female';
    const head = makePerson(headSex, birthDate(1950, 2004));
    world.persons.push({ person: head, householdNumber: number, relationToHead: '户主' });
    const members = [head];
    made += 1;
    if (made < count && random() < 0.45) {
      const partnerBirth = addMonths(head.birthDate, between(random, -48, 48));
      const partner = makePerson(
        headSex === 'male' ? 'female' : 'male',
        partnerBirth > '2004-12-31' ? '2004-12-01' : partnerBirth,
      );
      world.persons.push({ person: partner, householdNumber: number, relationToHead: '配偶' });
      const husband = headSex === 'male' ? head : partner;
      const wife = headSex === 'male' ? partner : head;
      const married = addMonths(
        husband.birthDate > wife.birthDate ? husband.birthDate : wife.birthDate,
        12 * between(random, 22, 30),
      );
      world.marriages.push({
        no: `JH${married.slice(0, 4)}${String(householdIndex).padStart(8, '0')}`,
        husbandIdNumber: husband.idNumber,
        wifeIdNumber: wife.idNumber,
        registeredOn: married < '2026-01-01' ? married : '2025-10-01',
        status: 'married',
      });
      members.push(partner);
      made += 1;
      for (const member of members) employ(world, random, member, pick(random, employers));
      // Younger couples have up to two children born in the city, with their tax deductions.
      const children = wife.birthDate >= '1978-01-01' ? between(random, 0, 2) : 0;
      for (let i = 0; i < children && made < count; i += 1) {
        const born = addMonths(wife.birthDate, between(random, 24 * 12, 38 * 12));
        if (born > '2025-12-31') continue;
        const sex = random() < 0.5 ? 'male' : 'female';
        const child = makePerson(sex, born, district.code, husband.name.slice(0, 1));
        world.persons.push({
          person: child,
          householdNumber: number,
          relationToHead: sex === 'male' ? '子' : '女',
          fatherIdNumber: husband.idNumber,
          motherIdNumber: wife.idNumber,
        });
        made += 1;
        deduct(world, child, [husband, wife]);
      }
      continue;
    }
    for (const member of members) employ(world, random, member, pick(random, employers));
  }
  return world;
}

/** The child's deduction, claimed in full by the first parent who is a taxpayer: infant care under 3, then children's education to 18. */
function deduct(world: SeedWorld, child: DemoPerson, parents: readonly DemoPerson[]): void {
  const claimant = parents.find((parent) => world.taxpayers.includes(parent));
  const age = ageOn(child.birthDate, '2026-01-01');
  if (!claimant || age >= 18) return;
  const infant = age < 3;
  world.deductions.push({
    no: `KC2000${String(world.deductions.length + 1).padStart(8, '0')}`,
    idNumber: claimant.idNumber,
    type: infant ? 'infant-care' : 'children-education',
    childIdNumber: child.idNumber,
    childName: child.name,
    startMonth: infant ? child.birthDate.slice(0, 7) : addMonths(child.birthDate, 36).slice(0, 7),
    endMonth: infant ? addMonths(child.birthDate, 35).slice(0, 7) : null,
  });
}

/** Working-age residents (22 to 59 on 2026-01-01) are employed with seven in ten odds. */
function employ(world: SeedWorld, random: () => number, person: DemoPerson, employer: DemoEmployer): void {
  const year = Number(person.birthDate.slice(0, 4));
  if (year > 2003 || year < 1967 || random() >= 0.7) return;
  const serial = String(world.employments.length + 1).padStart(8, '0');
  const startDate = `${between(random, Math.max(year + 22, 2005), 2025)}-${String(between(random, 1, 12)).padStart(2, '0')}-01`;
  const salary = between(random, 45, 250) * 100;
  world.employments.push({
    no: `JY2000${serial}`,
    person,
    employerCreditCode: employer.creditCode,
    startDate,
    endDate: null,
    contractType: random() < 0.6 ? 'open-ended' : 'fixed-term',
    position: pick(random, POSITIONS),
    monthlySalary: salary,
  });
  for (const type of ['pension', 'medical', 'unemployment'] as const) {
    world.enrolments.push({
      no: `CB2000${serial}`,
      type,
      scheme: 'employee',
      idNumber: person.idNumber,
      employerCreditCode: employer.creditCode,
      contributionBase: salary,
      startDate,
      endDate: null,
    });
  }
  world.taxpayers.push(person);
  world.withholdings.push({
    no: `KJ2000${serial}`,
    employerCreditCode: employer.creditCode,
    idNumber: person.idNumber,
    startDate,
    ended: false,
  });
}
