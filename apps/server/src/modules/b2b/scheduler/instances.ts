import { seededRandom } from './random';
import type { SchedulerInput } from './types';

/**
 * Fairs to schedule in tests and in `pnpm bench:b2b`: the reference fair of issue 14
 * and random fairs of any size, all from a seed.
 */

export interface RandomFairOptions {
  buyers: number;
  sellers: number;
  wanted: number;
  slots: number;
  tables: number;
  interpreters: number;
  seed: number;
  /** Share of wanted meetings that need an interpreter (default 0.3). */
  interpreted?: number;
  /** Share of companies with some slots they cannot meet in (default 0.1). */
  unavailable?: number;
  /** Share of companies with a cap on meetings (default 0.1). */
  capped?: number;
}

const LANGUAGES = ['zh', 'ja', 'vi', 'en', 'es', 'ar'];

export function randomFair(o: RandomFairOptions): SchedulerInput {
  const random = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const slots = Array.from({ length: o.slots }, (_, k) => ({ id: `s${k}`, index: k }));
  const tables = Array.from({ length: o.tables }, (_, k) => ({ id: `t${k}` }));
  const company = (id: string) => {
    const c: SchedulerInput['companies'][number] = { id };
    if (random() < (o.unavailable ?? 0.1)) {
      const first = Math.floor(random() * o.slots);
      c.unavailableSlotIds = [`s${first}`, `s${(first + 1) % o.slots}`];
    }
    if (random() < (o.capped ?? 0.1)) c.maxMeetings = 1 + Math.floor(random() * 4);
    return c;
  };
  const buyers = Array.from({ length: o.buyers }, (_, k) => company(`b${k}`));
  const sellers = Array.from({ length: o.sellers }, (_, k) => company(`v${k}`));
  const languages = LANGUAGES.slice(
    0,
    Math.max(1, Math.min(LANGUAGES.length, Math.ceil(o.interpreters / 2))),
  );
  const interpreters = Array.from({ length: o.interpreters }, (_, k) => {
    const own = new Set([languages[k % languages.length]!, pick(languages)]);
    return {
      id: `i${k}`,
      languages: [...own],
      availableSlotIds: slots.filter(() => random() < 0.8).map((s) => s.id),
      maxMeetings: Math.max(2, Math.floor(o.slots * (0.5 + random() * 0.4))),
    };
  });
  const pairs = new Set<string>();
  const wanted: SchedulerInput['wanted'] = [];
  const buyerLanguage = buyers.map(() => (random() < (o.interpreted ?? 0.3) ? pick(languages) : null));
  for (let attempt = 0; wanted.length < o.wanted && attempt < o.wanted * 20; attempt++) {
    const b = Math.floor(random() * o.buyers);
    const s = Math.floor(random() * o.sellers);
    const key = `${b}|${s}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const r = random();
    wanted.push({
      id: `w${wanted.length}`,
      buyerId: `b${b}`,
      sellerId: `v${s}`,
      // Mostly ordinary requests, some pre-matches, a few protocol meetings.
      priority: r < 0.03 ? 10 : r < 0.3 ? 3 + Math.floor(random() * 3) : 1 + Math.floor(random() * 2),
      language: buyerLanguage[b] ?? null,
    });
  }
  return { slots, tables, companies: [...buyers, ...sellers], interpreters, wanted };
}

/**
 * The reference fair (issue 14): 18 overseas buyers from 4 countries, 36 Korean firms,
 * 111 pre-matched consultations on one fair day of 30-minute slots (10:00 to 17:00,
 * lunch 12:00 to 13:00), a table per buyer, interpreters for the buyers' languages. Every consultation fits (the exact optimum places all 111).
 */
export function referenceFair(seed = 2015): SchedulerInput {
  const random = seededRandom(seed);
  // 10:00-12:00 and 13:00-17:00: indices are half hours from 10:00, the lunch hour is the gap.
  const slots = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13].map((index) => ({ id: `slot-${index}`, index }));
  const tables = Array.from({ length: 18 }, (_, k) => ({ id: `table-${k + 1}` }));
  const countries = [
    { code: 'CN', language: 'zh', buyers: 6 },
    { code: 'VN', language: 'vi', buyers: 5 },
    { code: 'JP', language: 'ja', buyers: 4 },
    { code: 'US', language: 'en', buyers: 3 },
  ];
  const buyers = countries.flatMap((c) =>
    Array.from({ length: c.buyers }, (_, k) => ({ id: `buyer-${c.code}-${k + 1}`, language: c.language })),
  );
  // A third of the Korean firms speak English; none speaks the other buyers' languages.
  const sellers = Array.from({ length: 36 }, (_, k) => ({ id: `seller-${k + 1}`, english: k % 3 === 0 }));
  const interpreters = [
    ...['zh', 'zh', 'zh', 'zh', 'vi', 'vi', 'vi', 'ja', 'ja', 'ja', 'en', 'en'].map((language, k) => ({
      id: `interpreter-${k + 1}-${language}`,
      languages: [language],
      availableSlotIds: slots.map((s) => s.id),
      maxMeetings: 12,
    })),
  ];
  const wanted: SchedulerInput['wanted'] = [];
  const pairs = new Set<string>();
  const perSeller = new Map<string, number>();
  // 111 consultations: each buyer meets 6 or 7 firms, each firm 3 or 4 buyers; a few are protocol meetings.
  for (let k = 0; wanted.length < 111;) {
    const buyer = buyers[k % buyers.length]!;
    const seller = sellers[Math.floor(random() * sellers.length)]!;
    const key = `${buyer.id}|${seller.id}`;
    if (pairs.has(key) || (perSeller.get(seller.id) ?? 0) >= 4) continue;
    pairs.add(key);
    perSeller.set(seller.id, (perSeller.get(seller.id) ?? 0) + 1);
    k++;
    wanted.push({
      id: `consultation-${wanted.length + 1}`,
      buyerId: buyer.id,
      sellerId: seller.id,
      priority: wanted.length < 8 ? 10 : 2,
      language: buyer.language === 'en' && seller.english ? null : buyer.language,
    });
  }
  const companies = [
    ...buyers.map((b) => ({ id: b.id })),
    // Two firms leave at lunch: no afternoon meetings.
    ...sellers.map((s, k) =>
      k < 2 ? { id: s.id, unavailableSlotIds: slots.slice(4).map((x) => x.id) } : { id: s.id },
    ),
  ];
  return { slots, tables, companies, interpreters, wanted };
}

/**
 * The same fair after `share` of its wanted meetings changed: that many are withdrawn
 * and as many new ones are asked for, some with a higher priority. The placed meetings
 * of the previous run whose wanted meeting still stands are kept.
 */
export function changeFair(
  input: SchedulerInput,
  previous: { wantedId: string; slotId: string; tableId: string; interpreterId: string | null }[],
  share: number,
  seed: number,
): SchedulerInput {
  const random = seededRandom(seed);
  const changes = Math.round(input.wanted.length * share);
  const withdrawn = new Set<string>();
  while (withdrawn.size < changes)
    withdrawn.add(input.wanted[Math.floor(random() * input.wanted.length)]!.id);
  const buyers = input.companies.filter((c) => input.wanted.some((w) => w.buyerId === c.id)).map((c) => c.id);
  const sellers = input.companies
    .filter((c) => input.wanted.some((w) => w.sellerId === c.id))
    .map((c) => c.id);
  const pairs = new Set(input.wanted.map((w) => `${w.buyerId}|${w.sellerId}`));
  const languageOf = new Map(input.wanted.map((w) => [w.buyerId, w.language]));
  const wanted = input.wanted.filter((w) => !withdrawn.has(w.id));
  for (let k = 0, attempt = 0; k < changes && attempt < changes * 50; attempt++) {
    const buyerId = buyers[Math.floor(random() * buyers.length)]!;
    const sellerId = sellers[Math.floor(random() * sellers.length)]!;
    if (pairs.has(`${buyerId}|${sellerId}`)) continue;
    pairs.add(`${buyerId}|${sellerId}`);
    wanted.push({
      id: `new-${seed}-${k}`,
      buyerId,
      sellerId,
      priority: 1 + Math.floor(random() * 10),
      language: languageOf.get(buyerId) ?? null,
    });
    k++;
  }
  const keep = previous.filter((m) => !withdrawn.has(m.wantedId));
  return { ...input, wanted, keep };
}
