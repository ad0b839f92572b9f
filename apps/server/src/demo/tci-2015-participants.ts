import { demoCountries, type DemoCountry, type NamePool } from './tci-2015-countries';
import { categories, delegation } from './tci-2015-registration';

/**
 * The demo's participants, made up by a seeded generator so every run makes the
 * same people in the same order (only the random references and ticket codes the
 * service draws differ).
 */

export interface DemoParticipant {
  categoryCode: string;
  participant: {
    givenName: string;
    familyName: string;
    localName: string | null;
    email: string;
    organisation: string;
    jobTitle: string | null;
    country: string;
    phone: string | null;
    dietary: string | null;
    accessibility: string | null;
  };
  optionCodes: string[];
  answers: Record<string, string | boolean>;
  locale: 'ko' | 'en';
  /** What the desk does after registering them. */
  approve: boolean;
  afterwards: 'cancel' | 'paid' | 'waived' | 'checkIn' | null;
}

/** mulberry32: a small, fast PRNG; good enough for sample data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
function weighted<T extends string>(rnd: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let r = rnd() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}
function shuffle<T>(rnd: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
const split = (names: string) => names.split(', ').map((n) => n.split('|') as [string, string?]);

/** An address's local part: letters without accents (Ø, ß and Ł have no accent to drop). */
function asciiFold(name: string): string {
  return name
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

export interface Person {
  givenName: string;
  familyName: string;
  localName: string | null;
}

export function personFrom(
  rnd: Random,
  country: DemoCountry,
  pool: NamePool = pick(rnd, country.pools),
): Person {
  const [given, localGiven] = pick(rnd, split(pool.given));
  const [family, localFamily] = pick(rnd, split(pool.family));
  const localName =
    localGiven && localFamily
      ? country.localOrder === 'family-first'
        ? `${localFamily}${country.localSeparator ?? ' '}${localGiven}`
        : `${localGiven}${country.localSeparator ?? ' '}${localFamily}`
      : null;
  return { givenName: given, familyName: family, localName };
}

const organisations: Record<string, { korea: string[]; abroad: Array<(c: DemoCountry) => string> }> = {
  GOV: {
    korea: ['산업통상자원부', '대구광역시청', '경상북도청', '한국산업단지공단', '산업연구원'],
    abroad: [
      (c) => `Ministry of Economy, ${c.name}`,
      (c) => `Ministry of Industry and Trade, ${c.name}`,
      (c) => `${c.city} Economic Development Agency`,
      (c) => `National Cluster Programme, ${c.name}`,
    ],
  },
  ACADEMIA: {
    korea: ['경북대학교', '서울대학교', 'KAIST', '영남대학교', 'DGIST 대구경북과학기술원', '계명대학교'],
    abroad: [
      (c) => `University of ${c.city}`,
      (c) => `${c.city} University of Technology`,
      (c) => `${c.name} Institute for Innovation Research`,
      (c) => `${c.city} Business School`,
    ],
  },
  LARGE: {
    korea: ['현대자동차', 'POSCO', '삼성경제연구소', 'LG전자', 'SK하이닉스', '두산중공업'],
    abroad: [
      (c) => `${c.name} Steel Corporation`,
      (c) => `${c.city} Motors`,
      (c) => `${c.name} Electronics Group`,
    ],
  },
  SME: {
    korea: ['대성정밀', '세원테크', '한빛로보틱스', '달구벌소재', '영진텍', '성서메디칼'],
    abroad: [
      (c) => `${c.city} Precision Engineering`,
      (c) => `${c.city} Robotics`,
      (c) => `${c.name} Smart Materials`,
      (c) => `${c.city} Software Lab`,
    ],
  },
  INTL: {
    korea: [],
    abroad: [
      () => 'World Bank',
      () => 'UNIDO',
      () => 'Asian Development Bank',
      () => 'OECD',
      () => 'Inter-American Development Bank',
      () => 'UNCTAD',
    ],
  },
  PRESS: {
    korea: ['한국경제신문', '연합뉴스', '매일신문', '영남일보', 'KBS 대구', '아리랑TV'],
    abroad: [(c) => `${c.name} Business Daily`, (c) => `${c.city} Herald`],
  },
  GUEST: {
    korea: ['대구경북연구원', '서울대학교 명예교수'],
    abroad: [() => 'TCI Network', () => 'Brainport Development', (c) => `${c.city} Cluster Association`],
  },
};

const jobTitles: Record<string, string[]> = {
  GOV: ['Director', 'Deputy Director', 'Policy Officer', 'Senior Adviser'],
  ACADEMIA: ['Professor', 'Associate Professor', 'Research Fellow', 'PhD Candidate'],
  LARGE: ['Vice President', 'General Manager', 'Head of Strategy'],
  SME: ['CEO', 'CTO', 'Export Manager'],
  INTL: ['Senior Economist', 'Private Sector Specialist', 'Programme Officer'],
  PRESS: ['Reporter', 'Editor', 'Photographer'],
  GUEST: ['Guest'],
  DELEGATION: ['Director General', 'Deputy Director', 'Senior Official', 'Expert'],
};

const paperTitles: Array<(c: DemoCountry) => string> = [
  (c) => `Cluster policy and regional innovation in ${c.name}`,
  (c) => `${c.city} as a creative cluster: lessons for policy`,
  (c) => `Business models of cluster organisations: evidence from ${c.name}`,
  (c) => `Smart specialisation and SME internationalisation in ${c.city}`,
  (c) => `Universities as anchors of the ${c.city} innovation ecosystem`,
];
const koreanPaperTitles = [
  '산업단지 구조고도화 정책의 성과 분석',
  '대구·경북 클러스터의 혁신 네트워크',
  '창조경제 시대의 산학연 협력 모델',
];
const tourWeights = {
  'TOUR-GUMI': 3,
  'TOUR-POHANG': 2,
  'TOUR-ULSAN': 2,
  'TOUR-CHANGWON': 1,
  'TOUR-SEONGSEO': 1,
  'TOUR-TECHNOPOLIS': 1.5,
  'TOUR-MEDICAL': 1,
};
const diets = ['Vegetarian', 'Vegan', 'No pork', 'Gluten-free', 'No seafood'];
const arabicSpeaking = new Set(['AE', 'SA', 'QA', 'OM', 'JO', 'EG', 'MA', 'TN']);

function phoneNumber(rnd: Random, country: DemoCountry): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  return country.code === 'KR'
    ? `+82 10 ${digits(4)} ${digits(4)}`
    : `${country.dial} ${digits(3)} ${digits(3)} ${digits(4)}`;
}

function uniqueEmail(used: Set<string>, person: Person, domain: string): string {
  const base = `${asciiFold(person.givenName)}.${asciiFold(person.familyName)}`;
  for (let n = 1; ; n++) {
    const email = `${base}${n === 1 ? '' : n}@${domain}`;
    if (!used.has(email)) {
      used.add(email);
      return email;
    }
  }
}

const SEED = 20151103;

/**
 * Individual participants in registration order, and the delegation's members.
 * Exact by construction: so many per category and country (the tables above),
 * 12 government registrations left for approval, 6 cancellations, 24 paid and
 * 2 waived fees, 40 check-ins; the rest (names, options, answers) is drawn.
 */
export function demoParticipants(): { individuals: DemoParticipant[]; delegates: DemoParticipant[] } {
  const rnd = seededRandom(SEED);
  const used = new Set<string>();
  const names = new Set<string>();
  const korea = demoCountries.find((c) => c.code === 'KR')!;
  const abroad = shuffle(
    rnd,
    demoCountries.filter((c) => c.code !== 'KR').flatMap((c) => Array<DemoCountry>(c.count).fill(c)),
  );
  const koreans = Array<DemoCountry>(korea.count).fill(korea);

  const people: DemoParticipant[] = [];
  for (const category of categories) {
    const countries = [
      ...koreans.splice(0, category.participants.korea),
      ...abroad.splice(0, category.participants.abroad),
    ];
    for (const country of countries) people.push(makeParticipant(category.code, country));
  }
  if (koreans.length || abroad.length) throw new Error('the category plan does not match the countries');

  const individuals = shuffle(rnd, people);
  const plan = (
    filter: (p: DemoParticipant) => boolean,
    count: number,
    apply: (p: DemoParticipant) => void,
  ) => individuals.filter(filter).slice(0, count).forEach(apply);
  plan(
    (p) => p.categoryCode === 'GOV',
    12,
    (p) => (p.approve = false),
  );
  // Cancellations come from countries that still have someone else there, so every country counts.
  const fromLargeGroup = (p: DemoParticipant) =>
    (demoCountries.find((c) => c.code === p.participant.country)?.count ?? 0) >= 3;
  plan(
    (p) => (p.categoryCode === 'ACADEMIA' || p.categoryCode === 'SME') && fromLargeGroup(p),
    6,
    (p) => (p.afterwards = 'cancel'),
  );
  plan(
    (p) => p.categoryCode === 'LARGE',
    24,
    (p) => (p.afterwards = 'paid'),
  );
  plan(
    (p) => p.categoryCode === 'LARGE' && !p.afterwards,
    2,
    (p) => (p.afterwards = 'waived'),
  );
  plan(
    (p) => !p.afterwards && p.approve && !['PRESS', 'LARGE'].includes(p.categoryCode),
    40,
    (p) => (p.afterwards = 'checkIn'),
  );

  const vietNam = demoCountries.find((c) => c.code === 'VN')!;
  const delegates = Array.from({ length: delegation.size }, () => {
    const p = makeParticipant('DELEGATION', vietNam, delegation.organisation);
    return { ...p, optionCodes: delegation.optionCodes, answers: {} };
  });
  return { individuals, delegates };

  function makeParticipant(
    categoryCode: string,
    country: DemoCountry,
    organisation?: string,
  ): DemoParticipant {
    // Two people of the same name in one country would only confuse the demo's desk.
    let person = personFrom(rnd, country);
    for (
      let tries = 0;
      names.has(`${country.code} ${person.givenName} ${person.familyName}`) && tries < 20;
      tries++
    )
      person = personFrom(rnd, country);
    names.add(`${country.code} ${person.givenName} ${person.familyName}`);
    const home = country.code === 'KR';
    const orgs = organisations[categoryCode];
    const org =
      organisation ?? (home ? pick(rnd, orgs?.korea ?? []) : pick(rnd, orgs?.abroad ?? [])(country));
    const domain = `${categoryCode.toLowerCase()}.${country.code.toLowerCase()}.example.org`;
    const optionCodes: string[] = [];
    if (rnd() < (home ? 0.06 : 0.8)) optionCodes.push(weighted(rnd, tourWeights));
    if (rnd() < (home ? 0.5 : 0.85)) optionCodes.push('WELCOME-DINNER');
    if (rnd() < (home ? 0.05 : 0.4)) optionCodes.push('NIGHT-TOUR');
    if (rnd() < (home ? 0.03 : 0.35)) optionCodes.push('CULTURE');
    const answers: Record<string, string | boolean> = {};
    if (rnd() < 0.85)
      answers.heard_about = home
        ? weighted(rnd, { kicox: 4, news: 2, colleague: 2, website: 1 })
        : weighted(rnd, { tci_network: 4, colleague: 2, website: 2, kicox: 1, other: 1 });
    const paperOdds: Record<string, number> = { ACADEMIA: 0.47, INTL: 0.2, GOV: 0.06 };
    if (rnd() < (paperOdds[categoryCode] ?? 0.03)) {
      answers.presenting_paper = true;
      answers.paper_title = home ? pick(rnd, koreanPaperTitles) : pick(rnd, paperTitles)(country);
    }
    const dietRoll = rnd();
    const dietary = arabicSpeaking.has(country.code) ? 'Halal' : dietRoll < 0.12 ? pick(rnd, diets) : null;
    return {
      categoryCode,
      participant: {
        ...person,
        email: uniqueEmail(used, person, domain),
        organisation: org,
        jobTitle: pick(rnd, jobTitles[categoryCode] ?? ['Participant']),
        country: country.code,
        phone: rnd() < 0.6 ? phoneNumber(rnd, country) : null,
        dietary,
        accessibility: rnd() < 0.02 ? 'Wheelchair user: needs step-free access' : null,
      },
      optionCodes,
      answers,
      locale: home ? 'ko' : 'en',
      approve: true,
      afterwards: null,
    };
  }
}
