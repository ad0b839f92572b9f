import type { MatchReason } from '@plenary/contracts';

/** What matching reads of a profile: demand for a buyer, supply for a seller. */
export interface MatchProfile {
  id: string;
  country: string;
  products: ReadonlyArray<{ hsCode: string; description: string; keywords: readonly string[] }>;
  languages: readonly string[];
  /** A seller's export markets (a buyer's are ignored). */
  exportMarkets: readonly string[];
}

export interface ScoredPair {
  buyerProfileId: string;
  sellerProfileId: string;
  score: number;
  reasons: MatchReason[];
}

/**
 * Points per reason. The HS hierarchy dominates (a coordinator pairs on product
 * first): the same subheading beats the same heading beats the same chapter; a
 * keyword, a market the seller already serves and a shared language add less.
 */
export const matchWeights = { hs6: 30, hs4: 20, hs2: 10, keyword: 5, market: 8, language: 4 } as const;

/** Digits two HS codes share at a level of the hierarchy: 6, 4, 2, or 0. */
export function hsLevel(a: string, b: string): 0 | 2 | 4 | 6 {
  if (a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6)) return 6;
  if (a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4)) return 4;
  if (a.slice(0, 2) === b.slice(0, 2)) return 2;
  return 0;
}

const levelPoints = { 6: matchWeights.hs6, 4: matchWeights.hs4, 2: matchWeights.hs2 } as const;
const fold = (s: string) => s.trim().toLowerCase();

/**
 * A buyer's demand against a seller's supply. Each wanted product counts once, at
 * its best level against any offered product; keywords count once each, up to
 * three; then whether the seller exports to the buyer's country, and each shared
 * language (up to two). A pair with neither a product nor a keyword in common
 * scores 0: language alone is no reason to meet.
 */
export function scorePair(buyer: MatchProfile, seller: MatchProfile): ScoredPair {
  const reasons: MatchReason[] = [];
  let score = 0;
  for (const wanted of buyer.products) {
    let best: { level: 2 | 4 | 6; code: string } | null = null;
    for (const offered of seller.products) {
      const level = hsLevel(wanted.hsCode, offered.hsCode);
      if (level && (!best || level > best.level)) best = { level, code: wanted.hsCode.slice(0, level) };
    }
    if (best) {
      score += levelPoints[best.level];
      reasons.push({ kind: 'hs', level: best.level, code: best.code, product: wanted.description });
    }
  }
  const offeredWords = new Set(seller.products.flatMap((p) => p.keywords.map(fold)));
  const sharedWords = [...new Set(buyer.products.flatMap((p) => p.keywords.map(fold)))]
    .filter((k) => offeredWords.has(k))
    .sort()
    .slice(0, 3);
  for (const keyword of sharedWords) {
    score += matchWeights.keyword;
    reasons.push({ kind: 'keyword', keyword });
  }
  if (score === 0) return { buyerProfileId: buyer.id, sellerProfileId: seller.id, score: 0, reasons: [] };
  if (seller.exportMarkets.includes(buyer.country)) {
    score += matchWeights.market;
    reasons.push({ kind: 'market', country: buyer.country });
  }
  const spoken = new Set(seller.languages);
  for (const language of buyer.languages.filter((l) => spoken.has(l)).slice(0, 2)) {
    score += matchWeights.language;
    reasons.push({ kind: 'language', language });
  }
  return { buyerProfileId: buyer.id, sellerProfileId: seller.id, score, reasons };
}

/** Every buyer against every seller, best first (ties by ids, so the order is stable); zero scores left out. */
export function suggestPairs(
  buyers: readonly MatchProfile[],
  sellers: readonly MatchProfile[],
  limit: number,
): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  for (const b of buyers)
    for (const s of sellers) {
      const p = scorePair(b, s);
      if (p.score > 0) pairs.push(p);
    }
  pairs.sort(
    (x, y) =>
      y.score - x.score ||
      (x.buyerProfileId < y.buyerProfileId ? -1 : x.buyerProfileId > y.buyerProfileId ? 1 : 0) ||
      (x.sellerProfileId < y.sellerProfileId ? -1 : x.sellerProfileId > y.sellerProfileId ? 1 : 0),
  );
  return pairs.slice(0, limit);
}
