import { appRouter, createCallerFactory, type ProfileDto } from '@plenary/contracts';

/**
 * The reference event's export fair (issue 14): on 4 November 2015, 18 overseas
 * buyers from 4 countries met 36 Korean firms in 111 consultations that staff had
 * pre-matched; 43 contracts worth USD 40 million were in progress and USD 220,000
 * was signed on site. Company names are invented; the figures are the article's.
 */
// Only its type is used: the demo passes in a caller built by load-demo.
const _callerFactory = createCallerFactory(appRouter);
/** A caller as the fair's coordinator (the demo's owner). */
type Api = ReturnType<typeof _callerFactory>;

/** Six sectors: the buyers' demand and the sellers' supply, by HS heading. */
const sectors = [
  { hs: '8708', en: 'auto parts', ko: '자동차부품', keywords: ['brakes', 'oem'] },
  { hs: '8479', en: 'industrial machinery', ko: '산업기계', keywords: ['automation'] },
  { hs: '5407', en: 'synthetic textiles', ko: '합성섬유 직물', keywords: ['polyester'] },
  { hs: '3304', en: 'cosmetics', ko: '화장품', keywords: ['skin care'] },
  { hs: '9018', en: 'medical devices', ko: '의료기기', keywords: ['diagnostics'] },
  { hs: '2106', en: 'processed food', ko: '가공식품', keywords: ['halal'] },
] as const;

/** Buyers by country (18 from 4), each with the language its interpreter works from and whether it speaks English. */
const buyerCountries = [
  {
    country: 'CN',
    language: 'zh',
    english: false,
    names: ['Shenzhen', 'Harbin', 'Qingdao', 'Wuhan', 'Chengdu', 'Dalian'],
  },
  {
    country: 'VN',
    language: 'vi',
    english: true,
    names: ['Hanoi', 'Saigon', 'Da Nang', 'Hai Phong', 'Can Tho'],
  },
  { country: 'ID', language: 'id', english: true, names: ['Jakarta', 'Surabaya', 'Bandung', 'Medan'] },
  { country: 'RU', language: 'ru', english: false, names: ['Vladivostok', 'Novosibirsk', 'Kazan'] },
] as const;

const sellerPlaces = ['대구', '경북', '구미', '포항', '경산', '영천'] as const;
const sellerPlacesEn = ['Daegu', 'Gyeongbuk', 'Gumi', 'Pohang', 'Gyeongsan', 'Yeongcheon'] as const;

export interface DemoB2bReport {
  buyers: number;
  sellers: number;
  interpreters: number;
  meetings: number;
}

/**
 * Loads the fair through the procedures, as the coordinator would: set-up,
 * profiles validated, an interpreter per buyer, 111 pairs proposed and approved,
 * each placed in the first slot where both companies are free at the first free
 * table (deterministic), checked in as held (published and checked in on the day), and the outcomes recorded.
 * Skipped when the event has a fair already.
 */
export async function loadB2bFair(api: Api, eventId: string): Promise<DemoB2bReport | null> {
  if (await api.b2b.fair({ eventId })) return null;
  const fair = await api.b2b.setUpFair({
    eventId,
    date: '2015-11-04',
    startTime: '09:30',
    endTime: '17:30',
    slotMinutes: 30,
    tables: Array.from({ length: 20 }, (_, i) => `B2B-${String(i + 1).padStart(2, '0')}`),
  });

  type Profile = ProfileDto;
  const buyers: Array<{ profile: Profile; sector: number; language: string }> = [];
  let b = 0;
  for (const c of buyerCountries)
    for (const city of c.names) {
      const sector = b % sectors.length;
      const s = sectors[sector]!;
      const p = await api.b2b.saveProfile({
        eventId,
        side: 'buyer',
        organisationName: `${city} ${s.en.replace(/\b\w/g, (l) => l.toUpperCase())} Trading Co.`,
        country: c.country,
        products: [{ hsCode: s.hs, description: s.en, keywords: [...s.keywords] }],
        languages: c.english ? [c.language, 'en'] : [c.language],
        volumes: 'Annual imports of USD 1-5 million',
        priorities: 'Long-term supply',
        submit: true,
      });
      buyers.push({ profile: p, sector, language: c.language });
      b++;
    }
  const sellers: Array<{ profile: Profile; sector: number }> = [];
  for (let i = 0; i < 36; i++) {
    const sector = i % sectors.length;
    const s = sectors[sector]!;
    const place = Math.floor(i / sectors.length);
    const p = await api.b2b.saveProfile({
      eventId,
      side: 'seller',
      organisationName: `${sellerPlaces[place]}${s.ko} 주식회사`,
      country: 'KR',
      products: [
        {
          hsCode: `${s.hs}${String(10 + place * 10).padStart(2, '0')}`,
          description: s.en,
          keywords: [...s.keywords],
        },
      ],
      languages: i % 2 === 0 ? ['ko', 'en'] : ['ko'],
      exportMarkets: ['CN', 'VN', 'US'],
      certifications: [`ISO 9001 (${sellerPlacesEn[place]})`],
      capacity: '10,000 units a month',
      submit: true,
    });
    sellers.push({ profile: p, sector });
  }
  for (const p of [...buyers, ...sellers])
    await api.b2b.setProfileStatus({ eventId, profileId: p.profile.id, status: 'validated' });

  // One interpreter per buyer delegation, from its language to Korean and English.
  const interpreters: string[] = [];
  for (const [i, buyer] of buyers.entries()) {
    const it = await api.b2b.saveInterpreter({
      eventId,
      name: `Interpreter ${String(i + 1).padStart(2, '0')} (${buyer.language}-ko)`,
      languagePairs: [
        [buyer.language, 'ko'],
        [buyer.language, 'en'],
      ],
      maxMeetings: fair.slots.length,
    });
    interpreters.push(it.id);
  }

  // The pairs: each buyer meets the six sellers of its sector; the first three buyers a seventh.
  const pairs: Array<{ buyer: number; seller: number }> = [];
  for (const [bi, buyer] of buyers.entries()) {
    for (let t = 0; t < 6; t++) pairs.push({ buyer: bi, seller: buyer.sector + 6 * t });
    if (bi < 3) pairs.push({ buyer: bi, seller: (buyer.sector + 1) % 6 });
  }

  const busy = new Set<string>();
  const meetings: string[] = [];
  for (const [pi, pair] of pairs.entries()) {
    const buyer = buyers[pair.buyer]!;
    const seller = sellers[pair.seller]!;
    const pm = await api.b2b.proposePrematch({
      eventId,
      buyerProfileId: buyer.profile.id,
      sellerProfileId: seller.profile.id,
      priority: pi % 5 === 0 ? 5 : 3,
    });
    await api.b2b.decidePrematch({ eventId, prematchId: pm.id, decision: 'approved' });
    const slot = fair.slots.find(
      (s) => !busy.has(`b${pair.buyer}@${s.index}`) && !busy.has(`s${pair.seller}@${s.index}`),
    )!;
    const table = fair.tables.find((t) => !busy.has(`t${t.id}@${slot.index}`))!;
    for (const key of [`b${pair.buyer}`, `s${pair.seller}`, `t${table.id}`]) busy.add(`${key}@${slot.index}`);
    const shared = buyer.profile.languages.some((l) => seller.profile.languages.includes(l));
    const m = await api.b2b.scheduleMeeting({
      eventId,
      buyerProfileId: buyer.profile.id,
      sellerProfileId: seller.profile.id,
      slotId: slot.id,
      tableId: table.id,
      interpreterId: shared ? null : interpreters[pair.buyer]!,
      prematchId: pm.id,
    });
    meetings.push(m.id);
  }

  for (const id of meetings) await api.b2b.setMeetingStatus({ eventId, meetingId: id, status: 'held' });

  // 43 contracts in progress worth USD 40,000,000 in all; two contracts signed on site, USD 220,000.
  const inProgress = meetings.slice(0, 43);
  let total = 0;
  for (const [i, meetingId] of inProgress.entries()) {
    const value = i < 42 ? 500_000 + (i % 5) * 200_000 : 40_000_000 - total;
    total += value;
    await api.b2b.recordOutcome({
      eventId,
      meetingId,
      interest: 5,
      stage: 'contract_in_progress',
      estimatedValue: value,
      currency: 'USD',
      productsDiscussed: 'Supply contract under negotiation',
    });
  }
  for (const [i, meetingId] of meetings.slice(43, 45).entries())
    await api.b2b.recordOutcome({
      eventId,
      meetingId,
      interest: 5,
      stage: 'signed',
      signedAmount: i === 0 ? 120_000 : 100_000,
      currency: 'USD',
      signedOn: '2015-11-04',
      productsDiscussed: 'First order signed at the fair',
    });
  for (const [i, meetingId] of meetings.slice(45).entries())
    await api.b2b.recordOutcome({
      eventId,
      meetingId,
      interest: i % 2 === 0 ? 3 : 2,
      stage: i % 3 === 0 ? 'negotiation' : 'interest',
    });
  await api.b2b.setRates({ eventId, rates: [{ currency: 'KRW', usdPerUnit: '0.000877' }] });
  return {
    buyers: buyers.length,
    sellers: sellers.length,
    interpreters: interpreters.length,
    meetings: meetings.length,
  };
}
