import type { CreateOrganisationInput } from '@plenary/contracts';

/**
 * The organisations of the reference event named in both languages, created before
 * its registrations so what participants type (한국산업단지공단, KICOX...) matches them.
 * The later agreements (the KICOX-EDA MOU, the KICOX-TCI Network declaration) and the
 * B2B fair point to these same records.
 */
export const demoOrganisations: CreateOrganisationInput[] = [
  {
    name: { ko: '한국산업단지공단', en: 'Korea Industrial Complex Corporation (KICOX)' },
    country: 'KR',
    type: 'public_corporation',
    website: 'https://www.kicox.or.kr',
  },
  {
    name: { ko: '산업통상자원부', en: 'Ministry of Trade, Industry and Energy' },
    country: 'KR',
    type: 'government_agency',
    website: 'https://www.motie.go.kr',
  },
  {
    name: { ko: '대구광역시청', en: 'Daegu Metropolitan City' },
    country: 'KR',
    type: 'government_agency',
    website: null,
  },
  {
    name: { ko: '산업연구원', en: 'Korea Institute for Industrial Economics and Trade (KIET)' },
    country: 'KR',
    type: 'research_institute',
    website: null,
  },
  {
    name: { ko: '경북대학교', en: 'Kyungpook National University' },
    country: 'KR',
    type: 'university',
    website: null,
  },
  {
    name: { ko: '서울대학교', en: 'Seoul National University' },
    country: 'KR',
    type: 'university',
    website: null,
  },
  { name: { ko: '현대자동차', en: 'Hyundai Motor Company' }, country: 'KR', type: 'company', website: null },
  { name: { ko: '포스코', en: 'POSCO' }, country: 'KR', type: 'company', website: null },
  // No country: networks and international bodies match a registrant from anywhere.
  {
    name: { en: 'TCI Network', ko: 'TCI 네트워크' },
    country: null,
    type: 'network',
    website: 'https://www.tci-network.org',
  },
  {
    name: { en: 'U.S. Economic Development Administration', ko: '미국 경제개발청' },
    country: 'US',
    type: 'government_agency',
    website: 'https://www.eda.gov',
  },
  {
    name: { en: 'World Bank', ko: '세계은행' },
    country: null,
    type: 'international_organisation',
    website: null,
  },
  {
    name: { en: 'UNIDO', ko: '유엔산업개발기구' },
    country: null,
    type: 'international_organisation',
    website: null,
  },
  {
    name: { en: 'Asian Development Bank', ko: '아시아개발은행' },
    country: null,
    type: 'international_organisation',
    website: null,
  },
];
