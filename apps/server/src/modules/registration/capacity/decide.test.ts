import { describe, expect, it } from 'vitest';
import { decidePlacements, type Candidate } from './decide';
import { placesLeft, seatsLeft } from './availability';
import type { LimitsSnapshot } from './types';

const now = new Date('2015-10-01T00:00:00Z');
const rank0 = now.getTime() * 1000;

/** A snapshot as counts.ts would read it: categories A and B, a tour, an invitation code for B. */
function snapshot(over: {
  eventCapacity?: number | null;
  a?: number | null;
  b?: number | null;
  takenA?: number;
  takenB?: number;
  tour?: number | null;
  booked?: number;
  code?: Partial<LimitsSnapshot['codes'] extends Map<string, infer C> ? C : never>;
  reserves?: number;
}): LimitsSnapshot {
  const takenA = over.takenA ?? 0;
  const takenB = over.takenB ?? 0;
  const code = {
    categoryId: 'B',
    maxUses: 5,
    uses: 0,
    reservesPlaces: true,
    revokedAt: null,
    expiresAt: null,
    ...over.code,
  };
  const a = over.a === undefined ? 10 : over.a;
  const b = over.b === undefined ? 10 : over.b;
  return {
    event: { capacity: over.eventCapacity ?? null, taken: takenA + takenB },
    categories: new Map([
      ['A', { capacity: a, taken: takenA, waiting: { waiting: 0, lastRank: 0 } }],
      ['B', { capacity: b, taken: takenB, waiting: { waiting: 0, lastRank: 0 } }],
    ]),
    codes: new Map([['K', code]]),
    reserved: new Map(over.reserves ? [['B', [{ codeId: 'K', unused: over.reserves }]]] : []),
    options: new Map([
      [
        'T',
        {
          capacity: over.tour === undefined ? 2 : over.tour,
          booked: over.booked ?? 0,
          waiting: { waiting: 0, lastRank: 0 },
        },
      ],
    ]),
    rule: {
      eventCapacity: over.eventCapacity ?? null,
      unlimitedCategories: [a, b].filter((c) => c === null).length,
      categoryCapacityTotal: (a ?? 0) + (b ?? 0),
    },
  };
}

const person = (over: Partial<Candidate> = {}): Candidate => ({
  categoryId: 'A',
  codeId: null,
  optionIds: [],
  confirmAtOnce: true,
  ...over,
});

describe('decidePlacements (pure)', () => {
  it('confirms while the category has room, then waitlists in arrival order with positions 1, 2', () => {
    const d = decidePlacements(snapshot({ takenA: 9 }), [person(), person(), person()], now);
    expect(d).toEqual([
      { ok: true, status: 'confirmed', wait: null, choices: [] },
      { ok: true, status: 'waitlisted', wait: { rank: rank0, position: 1 }, choices: [] },
      { ok: true, status: 'waitlisted', wait: { rank: rank0 + 1, position: 2 }, choices: [] },
    ]);
  });

  it('leaves a registration pending when the category needs approval', () => {
    const [d] = decidePlacements(snapshot({}), [person({ confirmAtOnce: false })], now);
    expect(d).toEqual({ ok: true, status: 'pending', wait: null, choices: [] });
  });

  it('applies the event-wide limit when it binds (categories add up to more than the event)', () => {
    const snap = snapshot({ eventCapacity: 12, takenA: 5, takenB: 6 });
    const d = decidePlacements(snap, [person(), person({ categoryId: 'B' })], now);
    expect(d.map((x) => x.ok && x.status)).toEqual(['confirmed', 'waitlisted']);
    expect(snap.event.taken).toBe(12);
  });

  it('books a tour seat only for someone who holds a place, and waitlists the tour when full', () => {
    const d = decidePlacements(
      snapshot({ takenA: 8, booked: 1 }),
      [
        person({ optionIds: ['T'] }),
        person({ optionIds: ['T'] }),
        person({ optionIds: ['T'] }),
        person({ optionIds: ['T'] }),
      ],
      now,
    );
    expect(
      d.map((x) => x.ok && [x.status, x.choices.map((c) => [c.status, c.wait?.position ?? null])]),
    ).toEqual([
      ['confirmed', [['booked', null]]],
      ['confirmed', [['waitlisted', 1]]],
      ['waitlisted', [['waitlisted', 2]]],
      ['waitlisted', [['waitlisted', 3]]],
    ]);
  });

  it('keeps places a code holds back for its holders only', () => {
    const snap = snapshot({ takenB: 5, reserves: 5 });
    const d = decidePlacements(
      snap,
      [person({ categoryId: 'B' }), person({ categoryId: 'B', codeId: 'K' })],
      now,
    );
    expect(d.map((x) => x.ok && x.status)).toEqual(['waitlisted', 'confirmed']);
    expect(snap.codes.get('K')?.uses).toBe(1);
    expect(snap.reserved.get('B')).toEqual([{ codeId: 'K', unused: 4 }]);
  });

  it('refuses a code that is revoked, expired, for another category or used up, naming the field', () => {
    const refused = (code: Parameters<typeof snapshot>[0]['code'], categoryId = 'B') =>
      decidePlacements(snapshot({ code }), [person({ categoryId, codeId: 'K' })], now)[0];
    expect(refused({ revokedAt: now })).toEqual({
      ok: false,
      field: 'invitationCode',
      message: { key: 'invitationCodeNotValid' },
    });
    expect(refused({ expiresAt: now })).toEqual({
      ok: false,
      field: 'invitationCode',
      message: { key: 'invitationCodeExpired' },
    });
    expect(refused({}, 'A')).toEqual({
      ok: false,
      field: 'invitationCode',
      message: { key: 'invitationCodeNotValid' },
    });
    expect(refused({ uses: 5 })).toEqual({
      ok: false,
      field: 'invitationCode',
      message: { key: 'invitationCodeNotValid' },
    });
  });

  it('counts a code used within the batch: its last use goes, the next is refused', () => {
    const d = decidePlacements(
      snapshot({ code: { uses: 4 } }),
      [person({ categoryId: 'B', codeId: 'K' }), person({ categoryId: 'B', codeId: 'K' })],
      now,
    );
    expect(d.map((x) => (x.ok ? x.status : x.message))).toEqual([
      'confirmed',
      { key: 'invitationCodeNotValid' },
    ]);
  });

  it('refuses a category or option that is gone (deleted while the batch waited for its locks)', () => {
    const d = decidePlacements(
      snapshot({}),
      [person({ categoryId: 'X' }), person({ optionIds: ['Y'] })],
      now,
    );
    expect(d).toEqual([
      { ok: false, field: 'categoryId', message: { key: 'categoryNotInEvent' } },
      { ok: false, field: 'optionIds', message: { key: 'optionNotOffered' } },
    ]);
  });
});

describe('places left (pure)', () => {
  it('is the category limit less taken and held back, within what the event has left', () => {
    expect(placesLeft(snapshot({ takenA: 3 }), 'A')).toBe(7);
    expect(placesLeft(snapshot({ eventCapacity: 15, takenA: 3, takenB: 8 }), 'A')).toBe(4);
    expect(placesLeft(snapshot({ takenB: 2, reserves: 5 }), 'B')).toBe(3);
    expect(placesLeft(snapshot({ takenB: 2, reserves: 5 }), 'B', 'K')).toBe(8);
    // The event's held-back places count against every category when the event limit binds.
    expect(placesLeft(snapshot({ eventCapacity: 12, reserves: 5 }), 'A')).toBe(7);
  });

  it('is null with no limit at all, and the event limit alone for an unlimited category', () => {
    expect(placesLeft(snapshot({ a: null }), 'A')).toBeNull();
    expect(placesLeft(snapshot({ a: null, eventCapacity: 30, takenB: 4 }), 'A')).toBe(26);
    expect(seatsLeft(snapshot({ tour: null }), 'T')).toBeNull();
    expect(seatsLeft(snapshot({ booked: 5 }), 'T')).toBe(0);
  });
});
