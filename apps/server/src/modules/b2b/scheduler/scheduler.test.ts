import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { exactModel } from './exact-model';
import { scheduleGreedy, scheduleMeetings, violations, type SchedulerInput } from './index';
import { changeFair, randomFair, referenceFair } from './instances';

// The scheduler is pure: these tests need no database, and run the same on both engines' projects.

const slots = (n: number) => Array.from({ length: n }, (_, k) => ({ id: `s${k}`, index: k }));

function tiny(overrides: Partial<SchedulerInput>): SchedulerInput {
  return {
    slots: slots(2),
    tables: [{ id: 't0' }],
    companies: ['b1', 'b2', 'b3', 'v1', 'v2', 'v3'].map((id) => ({ id })),
    interpreters: [],
    wanted: [],
    ...overrides,
  };
}

describe('scheduleMeetings on fairs small enough to reason about', () => {
  it('pushes a meeting to another slot to make room, where the greedy pass alone leaves one out', () => {
    const input = tiny({
      companies: [{ id: 'b1' }, { id: 'v1' }, { id: 'b2', unavailableSlotIds: ['s1'] }, { id: 'v2' }],
      wanted: [
        { id: 'a', buyerId: 'b1', sellerId: 'v1', priority: 5, language: null },
        { id: 'b', buyerId: 'b2', sellerId: 'v2', priority: 4, language: null },
      ],
    });
    const greedy = scheduleGreedy(input);
    expect(greedy.meetings).toEqual([{ wantedId: 'a', slotId: 's0', tableId: 't0', interpreterId: null }]);
    expect(greedy.unplaced).toEqual([{ wantedId: 'b', reason: 'no_table' }]);
    const result = scheduleMeetings(input);
    expect(result.meetings).toEqual([
      { wantedId: 'a', slotId: 's1', tableId: 't0', interpreterId: null },
      { wantedId: 'b', slotId: 's0', tableId: 't0', interpreterId: null },
    ]);
    expect(result.objective).toBe(9);
    expect(result.unplaced).toEqual([]);
  });

  it('gives the tables to the higher priorities and says why the others are out', () => {
    const input = tiny({
      slots: slots(1),
      companies: [
        { id: 'b1' },
        { id: 'b2' },
        { id: 'b3', maxMeetings: 0 },
        { id: 'b4', unavailableSlotIds: ['s0'] },
        { id: 'v1' },
        { id: 'v2' },
      ],
      wanted: [
        { id: 'low', buyerId: 'b1', sellerId: 'v1', priority: 1, language: null },
        { id: 'high', buyerId: 'b2', sellerId: 'v2', priority: 3, language: null },
        { id: 'capped', buyerId: 'b3', sellerId: 'v2', priority: 9, language: null },
        { id: 'nobody-speaks', buyerId: 'b1', sellerId: 'v2', priority: 9, language: 'sw' },
        { id: 'self', buyerId: 'b1', sellerId: 'b1', priority: 9, language: null },
        { id: 'away', buyerId: 'b4', sellerId: 'v1', priority: 9, language: null },
      ],
    });
    const result = scheduleMeetings(input);
    expect(result.meetings).toEqual([{ wantedId: 'high', slotId: 's0', tableId: 't0', interpreterId: null }]);
    expect(result.unplaced).toEqual([
      { wantedId: 'low', reason: 'no_table' },
      { wantedId: 'capped', reason: 'company_cap' },
      { wantedId: 'nobody-speaks', reason: 'infeasible' },
      { wantedId: 'self', reason: 'infeasible' },
      { wantedId: 'away', reason: 'company_busy' },
    ]);
    expect(result.objective).toBe(3);
  });

  it('gives an interpreter who speaks the language, is there, and has meetings left', () => {
    const input = tiny({
      slots: slots(3),
      tables: [{ id: 't0' }, { id: 't1' }],
      interpreters: [
        { id: 'zh-morning', languages: ['zh'], availableSlotIds: ['s0'], maxMeetings: 5 },
        { id: 'ja', languages: ['ja'], availableSlotIds: ['s0', 's1', 's2'], maxMeetings: 5 },
        { id: 'zh-once', languages: ['zh', 'vi'], availableSlotIds: ['s1', 's2'], maxMeetings: 1 },
      ],
      wanted: [
        { id: 'z1', buyerId: 'b1', sellerId: 'v1', priority: 2, language: 'zh' },
        { id: 'z2', buyerId: 'b1', sellerId: 'v2', priority: 2, language: 'zh' },
        { id: 'z3', buyerId: 'b1', sellerId: 'v3', priority: 1, language: 'zh' },
        { id: 'j1', buyerId: 'b2', sellerId: 'v1', priority: 1, language: 'ja' },
      ],
    });
    const result = scheduleMeetings(input);
    expect(violations(input, result)).toEqual([]);
    const byId = new Map(result.meetings.map((m) => [m.wantedId, m]));
    expect([byId.get('z1')?.interpreterId, byId.get('z2')?.interpreterId].sort()).toEqual([
      'zh-morning',
      'zh-once',
    ]);
    expect(byId.get('j1')?.interpreterId).toBe('ja');
    expect(result.unplaced).toEqual([{ wantedId: 'z3', reason: 'no_interpreter' }]);
    expect(result.objective).toBe(5);
  });

  it('leaves kept meetings exactly where they are, even when moving them would place more', () => {
    const input = tiny({
      companies: [{ id: 'b1' }, { id: 'v1' }, { id: 'b2', unavailableSlotIds: ['s1'] }, { id: 'v2' }],
      wanted: [
        { id: 'a', buyerId: 'b1', sellerId: 'v1', priority: 1, language: null },
        { id: 'b', buyerId: 'b2', sellerId: 'v2', priority: 4, language: null },
      ],
      keep: [{ wantedId: 'a', slotId: 's0', tableId: 't0', interpreterId: null }],
    });
    const result = scheduleMeetings(input);
    expect(result.meetings).toEqual([{ wantedId: 'a', slotId: 's0', tableId: 't0', interpreterId: null }]);
    expect(result.unplaced).toEqual([{ wantedId: 'b', reason: 'no_table' }]);
  });
});

describe('violations', () => {
  it('names every hard rule a schedule breaks', () => {
    const input = tiny({
      companies: [{ id: 'b1', unavailableSlotIds: ['s1'], maxMeetings: 1 }, { id: 'v1' }, { id: 'v2' }],
      interpreters: [{ id: 'i', languages: ['zh'], availableSlotIds: ['s0'], maxMeetings: 1 }],
      wanted: [
        { id: 'a', buyerId: 'b1', sellerId: 'v1', priority: 1, language: 'zh' },
        { id: 'b', buyerId: 'b1', sellerId: 'v2', priority: 1, language: 'ja' },
        { id: 'c', buyerId: 'v1', sellerId: 'v2', priority: 1, language: 'zh' },
      ],
      keep: [{ wantedId: 'c', slotId: 's1', tableId: 't0', interpreterId: null }],
    });
    const found = violations(input, {
      meetings: [
        { wantedId: 'a', slotId: 's0', tableId: 't0', interpreterId: 'i' },
        { wantedId: 'b', slotId: 's0', tableId: 't0', interpreterId: 'i' },
        { wantedId: 'c', slotId: 's1', tableId: 't0', interpreterId: 'i' },
        { wantedId: 'c', slotId: 's1', tableId: 'nowhere', interpreterId: null },
        { wantedId: 'b', slotId: 's1', tableId: 't0', interpreterId: null },
      ],
    });
    expect(found.map((v) => v.rule)).toEqual([
      'table_double_booked',
      'company_double_booked',
      'company_cap',
      'interpreter_double_booked',
      'interpreter_language',
      'interpreter_cap',
      'interpreter_unavailable',
      'unknown_reference',
      'duplicate_meeting',
      'table_double_booked',
      'company_unavailable',
      'company_double_booked',
      'interpreter_missing',
      'keep_moved',
    ]);
  });
});

describe('scheduleMeetings on generated fairs', () => {
  it('places all 111 consultations of the reference fair, the same way every time', () => {
    const input = referenceFair();
    const result = scheduleMeetings(input);
    expect(result.meetings).toHaveLength(111);
    expect(result.unplaced).toEqual([]);
    expect(result.objective).toBe(8 * 10 + 103 * 2);
    expect(violations(input, result)).toEqual([]);
    expect(scheduleMeetings(input)).toEqual(result);
    // The tiebreak: the companies wait fewer slots than after the greedy pass.
    expect(scheduleGreedy(input).idleGaps).toBe(86);
    expect(result.idleGaps).toBe(45);
  });

  const fairs = fc.record({
    buyers: fc.integer({ min: 1, max: 12 }),
    sellers: fc.integer({ min: 1, max: 12 }),
    wanted: fc.integer({ min: 0, max: 60 }),
    slots: fc.integer({ min: 1, max: 8 }),
    tables: fc.integer({ min: 0, max: 6 }),
    interpreters: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    interpreted: fc.double({ min: 0, max: 1, noNaN: true }),
    unavailable: fc.double({ min: 0, max: 1, noNaN: true }),
    capped: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('breaks no hard rule and accounts for every wanted meeting once', () => {
    fc.assert(
      fc.property(fairs, (options) => {
        const input = randomFair(options);
        const result = scheduleMeetings(input);
        expect(violations(input, result)).toEqual([]);
        const placed = result.meetings.map((m) => m.wantedId);
        const out = result.unplaced.map((u) => u.wantedId);
        expect([...placed, ...out].sort()).toEqual(input.wanted.map((w) => w.id).sort());
        const priority = new Map(input.wanted.map((w) => [w.id, w.priority]));
        expect(result.objective).toBe(placed.reduce((sum, id) => sum + priority.get(id)!, 0));
        expect(result.objective).toBeGreaterThanOrEqual(scheduleGreedy(input).objective);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps every published meeting in place when the wanted meetings change', () => {
    fc.assert(
      fc.property(fairs, fc.double({ min: 0, max: 0.5, noNaN: true }), (options, share) => {
        const first = randomFair(options);
        const published = scheduleMeetings(first).meetings;
        const next = changeFair(first, published, share, options.seed + 1);
        const result = scheduleMeetings(next);
        expect(violations(next, result)).toEqual([]);
        expect(result.meetings.slice(0, next.keep!.length)).toEqual(next.keep);
      }),
      { numRuns: 50 },
    );
  });

  it('reaches at least 98% of the exact optimum (HiGHS) on small fairs', async () => {
    const highs = await highsLoader();
    for (const seed of [5, 6, 7]) {
      const input = randomFair({
        buyers: 12,
        sellers: 12,
        wanted: 50,
        slots: 5,
        tables: 4,
        interpreters: 3,
        seed,
      });
      const exact = highs.solve(exactModel(input), { output_flag: false, time_limit: 20 });
      expect(exact.Status).toBe('Optimal');
      const ours = scheduleMeetings(input).objective;
      expect(ours).toBeLessThanOrEqual(exact.ObjectiveValue + 1e-6);
      expect(ours / exact.ObjectiveValue).toBeGreaterThanOrEqual(0.98);
    }
  });
});
