import type { CreateEventInput, EventRole, LocalizedText } from '@plenary/contracts';

/**
 * The reference event (docs: /work/shared/reference/REFERENCE-EVENT.md): the 18th TCI
 * Global Conference, Daegu 2015, as reported in the Korean article beside it.
 * Every figure in the texts is from that article. People and their addresses are
 * invented; organisations are the real ones the article names.
 */

/** Every demo account signs in with this password (printed by `plenary demo`). */
export const DEMO_PASSWORD = 'tci-daegu-2015';

export interface DemoPerson {
  email: string;
  displayName: string;
}

export interface DemoOrganisation {
  role: 'host' | 'co-organiser' | 'partner' | 'next host';
  name: LocalizedText;
}

/** Who ran and supported the conference; named in the description (partner records come in a later issue). */
export const tciOrganisations: DemoOrganisation[] = [
  { role: 'host', name: { ko: '산업통상자원부', en: 'Ministry of Trade, Industry and Energy' } },
  {
    role: 'co-organiser',
    name: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation (KICOX)' },
  },
  { role: 'co-organiser', name: { ko: 'TCI 네트워크', en: 'TCI Network' } },
  {
    role: 'partner',
    name: { ko: '미국 상무부 경제개발청(EDA)', en: 'US Economic Development Administration (EDA)' },
  },
  { role: 'partner', name: { ko: '세계은행', en: 'World Bank' } },
  { role: 'partner', name: { ko: 'UN공업개발기구(UNIDO)', en: 'UNIDO' } },
  { role: 'partner', name: { ko: '아시아개발은행', en: 'Asian Development Bank' } },
  {
    role: 'next host',
    name: { ko: '브레인포트 디벨롭먼트(네덜란드 아인트호번)', en: 'Brainport Development, Eindhoven' },
  },
];

/** The demo's staff. The owner signs in and builds the events; the others join by invitation. */
export const demoPeople = {
  owner: { email: 'jihoon.kim@kicox.example.org', displayName: '김지훈 Kim Ji-hoon (KICOX)' },
  tciManager: { email: 'laura.puig@tci-network.example.org', displayName: 'Laura Puig (TCI Network)' },
  registrationDesk: {
    email: 'sujin.lee@kicox.example.org',
    displayName: '이수진 Lee Su-jin (KICOX, registration desk)',
  },
  programChair: {
    email: 'hyunwoo.park@university.example.org',
    displayName: '박현우 Park Hyun-woo (programme chair)',
  },
  reviewer: { email: 'emma.lindqvist@research.example.org', displayName: 'Emma Lindqvist (reviewer)' },
  b2bCoordinator: {
    email: 'yuna.choi@kicox.example.org',
    displayName: '최유나 Choi Yu-na (KICOX, export fair)',
  },
  brainport: {
    email: 'sanne.devries@brainport.example.org',
    displayName: 'Sanne de Vries (Brainport Development)',
  },
} satisfies Record<string, DemoPerson>;

export interface DemoEvent {
  input: CreateEventInput;
  publish: boolean;
  /** Team members besides the owner who creates the event. */
  team: Array<{ person: DemoPerson; role: EventRole }>;
  /** Registration set up as at the event, with sample participants (tci-2015-registration.ts). */
  registration?: boolean;
}

const tci2015Description: LocalizedText = {
  en: [
    'The 18th TCI Global Conference brings about 900 participants from 86 countries to EXCO, Daegu: government officials and policy makers, universities and research institutes, large companies and SMEs, and international organisations.',
    '',
    'Programme',
    '- 3 November: cluster tours, site visits to 7 industrial clusters for overseas economic-development and cluster experts.',
    '- 4 November: export consultation fair (B2B) between pre-matched overseas buyers and Korean SMEs.',
    '- 4-6 November: academic conference with 6 keynote lectures and about 70 papers, opened by a keynote on cluster policy for the creative economy, with relay lectures from industry.',
    '- 4-6 November: business programmes, a corporate marketing pavilion and showcase presentations by excellent companies.',
    '- Evenings: side events, a Korean culture experience hall and night tours.',
    '',
    'Hosted by the Ministry of Trade, Industry and Energy and co-organised by the Korea Industrial Complex Corporation (KICOX) and TCI Network, with the US Economic Development Administration (EDA), the World Bank, UNIDO and the Asian Development Bank among the partners. The 19th edition will be hosted by Brainport Development in Eindhoven, the Netherlands.',
  ].join('\n'),
  ko: [
    '제18회 세계 클러스터 경쟁력 총회에는 86개국 900여 명이 대구 엑스코에 모입니다. 정부와 정책 입안자, 대학과 연구소, 대기업과 중소기업, 국제기구가 함께합니다.',
    '',
    '프로그램',
    '- 11월 3일: 클러스터 투어. 해외 경제개발·클러스터 전문가가 7개 산업 클러스터 현장을 방문합니다.',
    '- 11월 4일: 수출 상담회(B2B). 사전 매칭된 해외 바이어와 국내 중소기업이 만납니다.',
    '- 11월 4-6일: 학술 컨퍼런스. 6개의 주제강연과 70여 편의 논문 발표, 창조경제를 위한 클러스터 정책방향 기조강연과 산업계 릴레이 강연.',
    '- 11월 4-6일: 비즈니스 프로그램. 기업 마케팅관, 우수기업 발표회.',
    '- 저녁: 부대행사. 한국 문화 체험관, 나이트 투어.',
    '',
    '산업통상자원부가 주최하고 한국산업단지공단(산단공)과 TCI 네트워크가 공동 주관하며, 미국 상무부 경제개발청(EDA), 세계은행, UN공업개발기구(UNIDO), 아시아개발은행 등이 함께합니다. 제19회 총회는 네덜란드 아인트호번의 브레인포트 디벨롭먼트가 개최합니다.',
  ].join('\n'),
};

export const demoEvents: DemoEvent[] = [
  {
    input: {
      slug: 'tci-2015',
      title: { ko: '제18회 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
      subtitle: {
        ko: '창조경제와 클러스터: 비즈니스 모델과 정책 아젠다',
        en: 'Creative Economy and Clusters: Business Models and Policy Agenda',
      },
      description: tci2015Description,
      venueName: { ko: '엑스코', en: 'EXCO' },
      venueAddress: { ko: '대구광역시 북구 엑스코로 10', en: '10 Exco-ro, Buk-gu, Daegu, Korea' },
      startsAt: '2015-11-03T09:00:00+09:00',
      endsAt: '2015-11-06T18:00:00+09:00',
      timeZone: 'Asia/Seoul',
      country: 'KR',
    },
    publish: true,
    registration: true,
    team: [
      { person: demoPeople.tciManager, role: 'admin' },
      { person: demoPeople.registrationDesk, role: 'staff' },
      { person: demoPeople.programChair, role: 'program_chair' },
      { person: demoPeople.reviewer, role: 'reviewer' },
      { person: demoPeople.b2bCoordinator, role: 'b2b_coordinator' },
    ],
  },
  {
    // The next edition, so the event switcher has two. The article names only the
    // host and the city; the dates are placeholders for the demo.
    input: {
      slug: 'tci-2016',
      title: { ko: '제19회 세계 클러스터 경쟁력 총회', en: '19th TCI Global Conference' },
      subtitle: {},
      description: {
        en: 'The 19th TCI Global Conference, hosted by Brainport Development in Eindhoven, the Netherlands. Draft: the programme is being prepared.',
        ko: '네덜란드 아인트호번의 브레인포트 디벨롭먼트가 개최하는 제19회 세계 클러스터 경쟁력 총회. 초안: 프로그램 준비 중.',
      },
      venueName: { ko: '아인트호번', en: 'Eindhoven' },
      venueAddress: { ko: '네덜란드 아인트호번', en: 'Eindhoven, the Netherlands' },
      startsAt: '2016-10-25T09:00:00+02:00',
      endsAt: '2016-10-27T18:00:00+02:00',
      timeZone: 'Europe/Amsterdam',
      country: 'NL',
    },
    publish: false,
    team: [
      { person: demoPeople.brainport, role: 'owner' },
      { person: demoPeople.tciManager, role: 'admin' },
    ],
  },
];
