import type { PublicEventDto } from '@plenary/contracts/schemas';

/** The reference event: 18th TCI Global Conference, EXCO Daegu, 3–6 November 2015 (Asia/Seoul). */
export const tci2015: PublicEventDto = {
  id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9a01',
  slug: 'tci-2015',
  title: { ko: '제18차 TCI 글로벌 컨퍼런스', en: '18th TCI Global Conference' },
  subtitle: { ko: '클러스터와 지역 혁신', en: 'Clusters and regional innovation' },
  description: {
    ko: '전 세계 클러스터 전문가가 대구에 모입니다.\n\n나흘 동안 강연과 현장 방문이 이어집니다.',
    en: 'Cluster practitioners from around the world meet in Daegu.\n\nFour days of talks and site visits.',
  },
  // As the server renders the description (events/description.ts).
  descriptionHtml: {
    ko: '<p>전 세계 클러스터 전문가가 대구에 모입니다.</p>\n<p>나흘 동안 강연과 현장 방문이 이어집니다.</p>\n',
    en: '<p>Cluster practitioners from around the world meet in Daegu.</p>\n<p>Four days of talks and site visits.</p>\n',
  },
  venueName: { ko: '엑스코', en: 'EXCO' },
  venueAddress: { ko: '대구광역시 북구 엑스코로 10', en: '10 Exco-ro, Buk-gu, Daegu, Korea' },
  // 3 Nov 2015 00:00 in Seoul is 2 Nov 15:00 UTC.
  startsAt: '2015-11-02T15:00:00.000Z',
  endsAt: '2015-11-06T09:00:00.000Z',
  timeZone: 'Asia/Seoul',
  country: 'KR',
  status: 'published',
};

/** An event whose organisers wrote English only. */
export const englishOnly: PublicEventDto = {
  ...tci2015,
  id: '0193a5b2-7c1e-7d40-9a3e-2f1c5e8b9a02',
  slug: 'english-only',
  title: { en: 'Cluster Policy Workshop' },
  subtitle: {},
  description: { en: 'Plain <b>text</b>, never HTML.\n\n- one\n- two' },
  descriptionHtml: { en: '<p>Plain &lt;b&gt;text&lt;/b&gt;, never HTML.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n' },
  venueName: { en: 'EXCO' },
  venueAddress: {},
};
