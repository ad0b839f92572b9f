import { describe, expect, it } from 'vitest';
import { canonicalText, redline, redlineKorean, redlineWords, textSha256 } from './agreement-text';

describe('canonical text and its hash', () => {
  const clauses = [
    { key: 'c1', heading: { ko: '제1조 목적', en: 'Article 1 Purpose' }, body: { ko: '협력을 증진한다.', en: 'To promote cooperation.' } },
  ];

  it('is the clauses in order with fixed keys, and its SHA-256 is over those characters', () => {
    expect(canonicalText(clauses)).toBe('[["c1",["제1조 목적","Article 1 Purpose"],["협력을 증진한다.","To promote cooperation."]]]');
    // Computed once with `sha256sum` over the JSON above (UTF-8).
    expect(textSha256(clauses)).toBe('63c6944e900ed5b936b90cfba13d127361b54eda9342356fd4a498f3ac792add');
  });

  it('does not depend on the order of keys inside a clause, and a missing language is an empty one', () => {
    const reordered = [{ body: { en: 'To promote cooperation.', ko: '협력을 증진한다.' }, heading: { en: 'Article 1 Purpose', ko: '제1조 목적' }, key: 'c1' }];
    expect(textSha256(reordered)).toBe(textSha256(clauses));
    expect(canonicalText([{ key: 'x', heading: {}, body: { en: 'A' } }])).toBe('[["x",["",""],["","A"]]]');
  });

  it('tells apart texts that differ in one code point (composed and decomposed é)', () => {
    const composed = [{ key: 'c', heading: {}, body: { en: 'Coopération' } }];
    const decomposed = [{ key: 'c', heading: {}, body: { en: 'Coope\u0301ration' } }];
    expect(textSha256(composed)).not.toBe(textSha256(decomposed));
  });
});

describe('redline', () => {
  it('marks English changes word by word', () => {
    expect(redlineWords('The Parties shall meet once a year.', 'The Parties shall meet twice a year.')).toEqual([
      { kind: 'same', text: 'The Parties shall meet ' },
      { kind: 'removed', text: 'once' },
      { kind: 'added', text: 'twice' },
      { kind: 'same', text: ' a year.' },
    ]);
  });

  it('marks a Korean change by segment, leaving the rest of the sentence as it was', () => {
    const before = '양 기관은 산업단지 클러스터 분야에서 협력한다.';
    const after = '양 기관은 산업단지 및 혁신 클러스터 분야에서 긴밀히 협력한다.';
    const parts = redlineKorean(before, after);
    expect(parts).toEqual([
      { kind: 'same', text: '양 기관은 산업단지 ' },
      { kind: 'added', text: '및 혁신 ' },
      { kind: 'same', text: '클러스터 분야에서 ' },
      { kind: 'added', text: '긴밀히 ' },
      { kind: 'same', text: '협력한다.' },
    ]);
    // Reading the parts without the removed ones gives the new sentence; without the added, the old.
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
  });

  it('marks a changed number inside a Korean word (3년간 → 5년간) as the number only', () => {
    const parts = redlineKorean('본 양해각서는 서명일로부터 3년간 유효하다.', '본 양해각서는 서명일로부터 5년간 유효하다.');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '3' },
      { kind: 'added', text: '5' },
    ]);
  });

  it('pairs clauses by key: added, removed (after the clause it followed), changed, unchanged', () => {
    const from = {
      number: 1,
      clauses: [
        { key: 'a', heading: { en: 'Purpose' }, body: { en: 'Cooperate.', ko: '협력한다.' } },
        { key: 'b', heading: { en: 'Gone' }, body: { en: 'Old clause.' } },
        { key: 'c', heading: { en: 'Term' }, body: { en: 'Three years.' } },
      ],
    };
    const to = {
      number: 2,
      clauses: [
        { key: 'a', heading: { en: 'Purpose' }, body: { en: 'Cooperate.', ko: '협력한다.' } },
        { key: 'c', heading: { en: 'Term' }, body: { en: 'Five years.' } },
        { key: 'd', heading: { en: 'New' }, body: { en: 'Added.' } },
      ],
    };
    const r = redline(from, to);
    expect(r.clauses.map((c) => [c.key, c.change])).toEqual([
      ['a', 'unchanged'],
      ['b', 'removed'],
      ['c', 'changed'],
      ['d', 'added'],
    ]);
    expect(r.clauses[2]!.body.en).toEqual([
      { kind: 'removed', text: 'Three' },
      { kind: 'added', text: 'Five' },
      { kind: 'same', text: ' years.' },
    ]);
  });
});
