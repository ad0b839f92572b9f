import { createHash } from 'node:crypto';
import { diffArrays, diffWords } from 'diff';
import type { Clause, RedlineOutput, RedlinePart } from '@plenary/contracts';

/**
 * The canonical serialisation of a text: the clauses in order, each with its keys in a
 * fixed order and absent languages as empty strings, as JSON. The characters are the
 * ones typed (no trimming, no Unicode normalisation): two texts that look alike but
 * differ in a code point are different texts, and their hashes say so.
 */
export function canonicalText(clauses: readonly Clause[]): string {
  return JSON.stringify(
    clauses.map((c) => [
      c.key,
      [c.heading.ko ?? '', c.heading.en ?? ''],
      [c.body.ko ?? '', c.body.en ?? ''],
    ]),
  );
}

/** The SHA-256 (hex) of the canonical serialisation: what a signature will name. */
export function textSha256(clauses: readonly Clause[]): string {
  return createHash('sha256').update(canonicalText(clauses), 'utf8').digest('hex');
}

/** Consecutive parts of one kind become one, so the client renders one span each. */
function merged(parts: RedlinePart[]): RedlinePart[] {
  const out: RedlinePart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** English (and any Latin text): word-level, white space kept with the words. */
export function redlineWords(before: string, after: string): RedlinePart[] {
  return merged(
    diffWords(before, after).map((c) => ({
      kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
      text: c.value,
    })),
  );
}

const koreanWords = new Intl.Segmenter('ko', { granularity: 'word' });

/**
 * Korean: diffWords splits on spaces only, so a changed particle (을 → 를) would mark
 * the whole eojeol. The word segmenter cuts "협력을" into units ICU knows and keeps
 * spaces and punctuation as their own segments; diffing the segments marks only
 * what changed and reads as a sentence.
 */
export function redlineKorean(before: string, after: string): RedlinePart[] {
  const seg = (s: string) => [...koreanWords.segment(s)].map((x) => x.segment);
  return merged(
    diffArrays(seg(before), seg(after)).map((c) => ({
      kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
      text: c.value.join(''),
    })),
  );
}

function redlinePair(
  before: { ko?: string | undefined; en?: string | undefined },
  after: { ko?: string | undefined; en?: string | undefined },
) {
  return {
    ko: redlineKorean(before.ko ?? '', after.ko ?? ''),
    en: redlineWords(before.en ?? '', after.en ?? ''),
  };
}

/**
 * The redline between two versions, clause by clause, paired by key: the new
 * version's order, with clauses it dropped placed after the clause they followed.
 */
export function redline(
  from: { number: number; clauses: readonly Clause[] },
  to: { number: number; clauses: readonly Clause[] },
): RedlineOutput {
  const old = new Map(from.clauses.map((c) => [c.key, c]));
  const kept = new Set(to.clauses.map((c) => c.key));
  const empty: Clause = { key: '', heading: {}, body: {} };
  const rows: RedlineOutput['clauses'] = [];
  const removedAfter = new Map<string | null, Clause[]>();
  let previous: string | null = null;
  for (const c of from.clauses) {
    if (!kept.has(c.key)) removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), c]);
    else previous = c.key;
  }
  const pushRemoved = (after: string | null) => {
    for (const c of removedAfter.get(after) ?? [])
      rows.push({
        key: c.key,
        change: 'removed',
        heading: redlinePair(c.heading, {}),
        body: redlinePair(c.body, {}),
      });
  };
  pushRemoved(null);
  for (const c of to.clauses) {
    const before = old.get(c.key);
    const heading = redlinePair(before?.heading ?? empty.heading, c.heading);
    const body = redlinePair(before?.body ?? empty.body, c.body);
    const changed = [...heading.ko, ...heading.en, ...body.ko, ...body.en].some((p) => p.kind !== 'same');
    rows.push({ key: c.key, change: !before ? 'added' : changed ? 'changed' : 'unchanged', heading, body });
    if (before) pushRemoved(c.key);
  }
  return { from: from.number, to: to.number, clauses: rows };
}
