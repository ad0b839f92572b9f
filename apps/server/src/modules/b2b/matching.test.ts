import { describe, expect, it } from 'vitest';
import { hsLevel, scorePair, suggestPairs, type MatchProfile } from './matching';

const profile = (p: Partial<MatchProfile> & { id: string }): MatchProfile => ({
  country: 'KR',
  products: [],
  languages: [],
  exportMarkets: [],
  ...p,
});

describe('the HS hierarchy', () => {
  it('finds the deepest level two codes share', () => {
    expect(
      [
        ['870829', '870829'],
        ['870829', '870830'],
        ['8708', '870830'],
        ['870829', '8708'],
        ['87', '870829'],
        ['8708', '8714'],
        ['8708', '8408'],
        ['85', '87'],
      ].map(([a, b]) => hsLevel(a!, b!)),
    ).toEqual([6, 4, 4, 4, 2, 2, 0, 0]);
  });
});

describe('a pair scored from demand against supply', () => {
  const buyer = profile({
    id: 'b1',
    country: 'VN',
    products: [
      { hsCode: '8708', description: 'auto parts', keywords: ['Brakes', 'OEM'] },
      { hsCode: '300490', description: 'medicines', keywords: [] },
    ],
    languages: ['vi', 'en'],
  });

  it('gives the reasons, typed, in the order they count', () => {
    const seller = profile({
      id: 's1',
      products: [
        { hsCode: '870830', description: 'brake pads', keywords: ['brakes', 'oem', 'asbestos-free'] },
      ],
      languages: ['ko', 'en'],
      exportMarkets: ['US', 'VN'],
    });
    expect(scorePair(buyer, seller)).toEqual({
      buyerProfileId: 'b1',
      sellerProfileId: 's1',
      score: 20 + 5 + 5 + 8 + 4,
      reasons: [
        { kind: 'hs', level: 4, code: '8708', product: 'auto parts' },
        { kind: 'keyword', keyword: 'brakes' },
        { kind: 'keyword', keyword: 'oem' },
        { kind: 'market', country: 'VN' },
        { kind: 'language', language: 'en' },
      ],
    });
  });

  it('ranks the same subheading above the same heading above the same chapter', () => {
    const s6 = profile({ id: 's6', products: [{ hsCode: '300490', description: '', keywords: [] }] });
    const s4 = profile({ id: 's4', products: [{ hsCode: '300420', description: '', keywords: [] }] });
    const s2 = profile({ id: 's2', products: [{ hsCode: '3002', description: '', keywords: [] }] });
    const s0 = profile({
      id: 's0',
      products: [{ hsCode: '9401', description: '', keywords: [] }],
      languages: ['vi'],
    });
    expect(suggestPairs([buyer], [s2, s0, s4, s6], 10).map((p) => [p.sellerProfileId, p.score])).toEqual([
      ['s6', 30],
      ['s4', 20],
      ['s2', 10],
    ]);
  });

  it('does not suggest a pair for a shared language alone', () => {
    const seller = profile({
      id: 's',
      products: [{ hsCode: '0101', description: '', keywords: [] }],
      languages: ['en'],
    });
    expect(scorePair(buyer, seller)).toEqual({
      buyerProfileId: 'b1',
      sellerProfileId: 's',
      score: 0,
      reasons: [],
    });
  });

  it('orders ties by buyer then seller and keeps the limit', () => {
    const b2 = profile({ ...buyer, id: 'b2' });
    const sA = profile({ id: 'sA', products: [{ hsCode: '8708', description: '', keywords: [] }] });
    const sB = profile({ id: 'sB', products: [{ hsCode: '8708', description: '', keywords: [] }] });
    expect(
      suggestPairs([b2, buyer], [sB, sA], 3).map((p) => `${p.buyerProfileId}-${p.sellerProfileId}`),
    ).toEqual(['b1-sA', 'b1-sB', 'b2-sA']);
  });
});
