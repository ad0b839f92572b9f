import type { FormQuestion, LocalizedText } from '@plenary/contracts';

/**
 * Registration of the reference event (docs: /work/shared/reference/REFERENCE-EVENT.md):
 * about 900 places, the participant groups the article lists, the 7 cluster tours
 * of 3 November (about 300 overseas experts took part) and the evening side events.
 * The article does not name the 7 clusters: the demo visits 7 of the industrial
 * complexes KICOX runs in the south-east, near Daegu.
 */

export interface DemoCategory {
  code: string;
  label: LocalizedText;
  description: LocalizedText;
  capacity: number;
  requiresApproval: boolean;
  feeAmount: number | null;
  visibility: 'public' | 'invitation';
  colour: string;
  /** How many of the demo's participants register in it, from Korea and from abroad. */
  participants: { korea: number; abroad: number };
}

export interface DemoOption {
  code: string;
  kind: 'tour' | 'meal' | 'social';
  label: LocalizedText;
  description: LocalizedText;
  capacity: number;
  startsAt: string;
  /** The tours leave at once: at most one per participant (issue 8.12). */
  exclusiveGroup?: string;
}

export const registrationSettings = {
  capacity: 900,
  offerHours: 48,
  allowSelfCancel: true,
  visaLettersEnabled: true,
  editableFields: ['phone', 'dietary', 'accessibility', 'jobTitle', 'options'] as const,
  letterhead: {
    organiser: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation (KICOX)' },
    address: { ko: '대구광역시 동구 첨단로 39', en: '39 Cheomdan-ro, Dong-gu, Daegu 41068, Korea' },
    signatoryName: 'Kim Ji-hoon',
    signatoryTitle: {
      ko: '제18회 세계 클러스터 경쟁력 총회 조직위원회 사무국장',
      en: 'Secretary General, Organising Committee of the 18th TCI Global Conference',
    },
    email: 'tci2015@kicox.example.org',
    phone: '+82 53 000 2015',
  },
};

export const standardFields = {
  localName: { shown: true, required: false },
  jobTitle: { shown: true, required: false },
  phone: { shown: true, required: false },
  dietary: { shown: true, required: false },
  accessibility: { shown: true, required: false },
};

export const questions: Array<Omit<FormQuestion, 'help'> & { help?: LocalizedText }> = [
  {
    id: 'heard_about',
    type: 'singleChoice',
    label: { ko: '이 행사를 어떻게 알게 되셨습니까?', en: 'How did you hear about us?' },
    required: false,
    choices: [
      { value: 'tci_network', label: { ko: 'TCI 네트워크', en: 'TCI Network' } },
      { value: 'kicox', label: { ko: '한국산업단지공단', en: 'KICOX' } },
      { value: 'colleague', label: { ko: '동료의 소개', en: 'A colleague' } },
      { value: 'website', label: { ko: '웹사이트', en: 'A website' } },
      { value: 'news', label: { ko: '언론 보도', en: 'The news' } },
      { value: 'other', label: { ko: '기타', en: 'Other' } },
    ],
    showIf: null,
  },
  {
    id: 'presenting_paper',
    type: 'checkbox',
    label: {
      ko: '학술 컨퍼런스에서 논문을 발표하십니까?',
      en: 'Are you presenting a paper at the academic conference?',
    },
    required: false,
    choices: [],
    showIf: null,
  },
  {
    id: 'paper_title',
    type: 'text',
    label: { ko: '논문 제목', en: 'Title of the paper' },
    help: { ko: '프로그램에 인쇄되는 제목', en: 'As it will be printed in the programme' },
    required: true,
    choices: [],
    showIf: { questionId: 'presenting_paper', equals: true },
  },
];

export const consents: Array<{ kind: 'privacy' | 'photography'; required: boolean; text: LocalizedText }> = [
  {
    kind: 'privacy',
    required: true,
    text: {
      ko: '한국산업단지공단과 TCI 네트워크가 제18회 세계 클러스터 경쟁력 총회의 등록, 명찰 발급, 클러스터 투어와 부대행사 운영을 위해 본인의 개인정보(성명, 이메일, 전화번호, 소속, 국적)를 수집·이용하는 데 동의합니다. 개인정보는 2016년 12월 31일까지 보관한 후 파기합니다.',
      en: 'I agree that KICOX and TCI Network collect and use my personal data (name, email, phone, organisation, country) to run the registration, badges, cluster tours and side events of the 18th TCI Global Conference. The data is kept until 31 December 2016 and then deleted.',
    },
  },
  {
    kind: 'photography',
    required: false,
    text: {
      ko: '총회 중 촬영된, 본인이 포함된 사진과 영상이 총회 결과 보고서와 주최 기관의 웹사이트에 게재되는 데 동의합니다.',
      en: 'I agree that photographs and video taken at the conference in which I appear may be published in the conference report and on the organisers’ websites.',
    },
  },
];

export const categories: DemoCategory[] = [
  {
    code: 'GOV',
    label: { ko: '정부 및 정책 입안자', en: 'Government and policy makers' },
    description: {
      ko: '중앙·지방 정부와 공공기관. 등록 후 사무국의 승인이 필요합니다.',
      en: 'National and local government and public agencies. The secretariat approves each registration.',
    },
    capacity: 200,
    requiresApproval: true,
    feeAmount: null,
    visibility: 'public',
    colour: '#1f6feb',
    participants: { korea: 20, abroad: 70 },
  },
  {
    code: 'ACADEMIA',
    label: { ko: '대학 및 연구소', en: 'Universities and research institutes' },
    description: { ko: '교수, 연구원, 대학원생', en: 'Faculty, researchers and graduate students' },
    capacity: 220,
    requiresApproval: false,
    feeAmount: null,
    visibility: 'public',
    colour: '#8250df',
    participants: { korea: 25, abroad: 85 },
  },
  {
    code: 'LARGE',
    label: { ko: '대기업', en: 'Large companies' },
    description: { ko: '대기업 및 계열사', en: 'Large companies and their affiliates' },
    capacity: 120,
    requiresApproval: false,
    feeAmount: 300_000,
    visibility: 'public',
    colour: '#bf3989',
    participants: { korea: 18, abroad: 12 },
  },
  {
    code: 'SME',
    label: { ko: '중소기업', en: 'SMEs' },
    description: { ko: '중소·중견기업', en: 'Small and medium-sized enterprises' },
    capacity: 180,
    requiresApproval: false,
    feeAmount: null,
    visibility: 'public',
    colour: '#1a7f37',
    participants: { korea: 35, abroad: 30 },
  },
  {
    code: 'INTL',
    label: { ko: '국제기구', en: 'International organisations' },
    description: {
      ko: '세계은행, UN공업개발기구, 아시아개발은행 등',
      en: 'World Bank, UNIDO, Asian Development Bank and others',
    },
    capacity: 80,
    requiresApproval: false,
    feeAmount: null,
    visibility: 'public',
    colour: '#0969da',
    participants: { korea: 0, abroad: 20 },
  },
  {
    code: 'PRESS',
    label: { ko: '언론', en: 'Press' },
    description: { ko: '취재 기자와 사진기자', en: 'Reporters and photographers' },
    capacity: 24,
    requiresApproval: false,
    feeAmount: null,
    visibility: 'public',
    colour: '#9a6700',
    participants: { korea: 22, abroad: 8 },
  },
  {
    code: 'GUEST',
    label: { ko: '초청 인사', en: 'Guests' },
    description: { ko: '주최 측 초청 인사', en: 'Guests of the organisers' },
    capacity: 50,
    requiresApproval: false,
    feeAmount: null,
    visibility: 'public',
    colour: '#57606a',
    participants: { korea: 5, abroad: 15 },
  },
  {
    code: 'DELEGATION',
    label: { ko: '정부 대표단', en: 'Ministry delegation' },
    description: {
      ko: '초청 코드가 있는 정부 대표단 전용',
      en: 'For ministry delegations with an invitation code',
    },
    capacity: 25,
    requiresApproval: false,
    feeAmount: null,
    visibility: 'invitation',
    colour: '#cf222e',
    participants: { korea: 0, abroad: 0 },
  },
];

const kst = (day: number, time: string) => `2015-11-0${day}T${time}:00+09:00`;
const tour = (
  code: string,
  ko: string,
  en: string,
  what: LocalizedText,
  capacity: number,
  time = '08:30',
): DemoOption => ({
  code: `TOUR-${code}`,
  kind: 'tour',
  label: { ko: `클러스터 투어: ${ko}`, en: `Cluster tour: ${en}` },
  description: what,
  capacity,
  startsAt: kst(3, time),
  exclusiveGroup: 'cluster-tours',
});

/** The 7 cluster tours (300 seats, one per participant: they leave at the same time) and the evenings. */
export const options: DemoOption[] = [
  tour(
    'GUMI',
    '구미국가산업단지',
    'Gumi National Industrial Complex',
    { ko: '전자·IT', en: 'Electronics and IT' },
    45,
  ),
  tour(
    'POHANG',
    '포항철강산업단지',
    'Pohang Steel Industrial Complex',
    { ko: '철강', en: 'Steel' },
    45,
    '08:00',
  ),
  tour(
    'ULSAN',
    '울산미포국가산업단지',
    'Ulsan Mipo National Industrial Complex',
    { ko: '자동차·조선', en: 'Automotive and shipbuilding' },
    40,
    '07:30',
  ),
  tour(
    'CHANGWON',
    '창원국가산업단지',
    'Changwon National Industrial Complex',
    { ko: '기계', en: 'Machinery' },
    40,
    '07:30',
  ),
  tour(
    'SEONGSEO',
    '대구성서산업단지',
    'Daegu Seongseo Industrial Complex',
    { ko: '섬유·자동차 부품', en: 'Textiles and car parts' },
    45,
    '09:00',
  ),
  tour(
    'TECHNOPOLIS',
    '대구테크노폴리스',
    'Daegu Technopolis',
    { ko: '연구개발 특구', en: 'Research and development zone' },
    45,
    '09:00',
  ),
  tour(
    'MEDICAL',
    '대구경북첨단의료복합단지',
    'Daegu-Gyeongbuk Medical Innovation Cluster',
    { ko: '의료기기·신약', en: 'Medical devices and new drugs' },
    40,
    '09:00',
  ),
  {
    code: 'WELCOME-DINNER',
    kind: 'meal',
    label: { ko: '환영 만찬', en: 'Welcome dinner' },
    description: { ko: '엑스코 그랜드볼룸', en: 'EXCO Grand Ballroom' },
    capacity: 600,
    startsAt: kst(3, '19:00'),
  },
  {
    code: 'NIGHT-TOUR',
    kind: 'social',
    label: { ko: '대구 나이트 투어', en: 'Daegu night tour' },
    description: { ko: '서문시장 야시장과 김광석 거리', en: 'Seomun night market and Kim Gwang-seok Street' },
    capacity: 120,
    startsAt: kst(4, '19:30'),
  },
  {
    code: 'CULTURE',
    kind: 'social',
    label: { ko: '한국 문화 체험', en: 'Korean culture experience' },
    description: {
      ko: '한국 문화 체험관: 한복, 다도, 서예',
      en: 'Korean culture experience hall: hanbok, tea ceremony, calligraphy',
    },
    capacity: 150,
    startsAt: kst(5, '18:00'),
  },
];

/** Unlocks the invitation-only category; its 25 uses are held back for the delegation. */
export const delegationCode = {
  code: 'MPI-VN-2015',
  categoryCode: 'DELEGATION',
  reservesPlaces: true,
  maxUses: 25,
  note: 'Ministry of Planning and Investment, Viet Nam: 20 delegates and 5 spare places',
};

export const delegation = {
  name: 'Ministry of Planning and Investment, Viet Nam',
  contactName: 'Nguyễn Thị Lan',
  contactEmail: 'international.cooperation@mpi.vn.example.org',
  organisation: 'Ministry of Planning and Investment, Viet Nam',
  size: 20,
  optionCodes: ['TOUR-POHANG', 'WELCOME-DINNER'],
};
