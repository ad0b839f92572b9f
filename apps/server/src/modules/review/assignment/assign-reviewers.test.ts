import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReviewers } from './assign-reviewers';
import { exactAssignment } from './exact-solver';
import { greedyAssignment } from './greedy';
import { scoreAssignment } from './objective';
import { randomInstance } from './random-instance';
import type { AssignmentInput, AssignmentResult } from './types';

const newPairs = (result: AssignmentResult) => result.assignments.filter((a) => !a.kept);
const pairKey = (p: { submissionId: string; reviewerId: string }) => `${p.submissionId}|${p.reviewerId}`;

const smallShape = fc.record({
  submissions: fc.integer({ min: 0, max: 10 }),
  reviewers: fc.integer({ min: 1, max: 7 }),
  reviewsPerSubmission: fc.integer({ min: 1, max: 4 }),
  conflictRate: fc.constantFrom(0, 0.05, 0.2, 0.5),
  bidRate: fc.constantFrom(0, 0.3, 1),
  topics: fc.integer({ min: 1, max: 6 }),
  existingRate: fc.constantFrom(0, 0.3),
  cappedRate: fc.constantFrom(0, 0.3),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

describe('assignReviewers', () => {
  it('never assigns a conflicted pair, keeps existing assignments, and equals the exact optimum (pruned or not)', async () => {
    await fc.assert(
      fc.asyncProperty(smallShape, async (shape) => {
        const input = randomInstance(shape);
        const result = assignReviewers(input);
        const conflicted = new Set(input.conflicts.map(pairKey));
        expect(result.assignments.filter((a) => conflicted.has(pairKey(a)))).toEqual([]);
        expect(result.stats.conflictsAssigned).toBe(0);
        const assigned = new Set(result.assignments.map(pairKey));
        for (const e of input.existing) expect(assigned.has(pairKey(e))).toBe(!conflicted.has(pairKey(e)));
        expect(result.droppedConflicted.map(pairKey).sort()).toEqual(
          [...new Set(input.existing.map(pairKey).filter((k) => conflicted.has(k)))].sort(),
        );
        // No pair twice, and the run never takes a submission past N (kept ones may already be).
        expect(assigned.size).toBe(result.assignments.length);
        const n = input.reviewsPerSubmission ?? 3;
        for (const s of input.submissions) {
          const fresh = newPairs(result).filter((a) => a.submissionId === s.id).length;
          const kept = result.assignments.filter((a) => a.submissionId === s.id && a.kept).length;
          expect(fresh).toBeLessThanOrEqual(Math.max(0, n - kept));
        }
        // The exact solver's optimum: same missing reviews (exactly N wherever feasible), same
        // balance, same preference; and the same with pruning forced to one pair per submission.
        const exact = scoreAssignment(input, await exactAssignment(input));
        const ours = scoreAssignment(input, newPairs(result));
        expect(ours).toEqual(exact);
        const pruned = assignReviewers(input, { candidatesPerSubmission: 1 });
        expect(scoreAssignment(input, newPairs(pruned))).toEqual(exact);
        expect(result.stats.loadSquares).toBe(exact.loadSquares);
        expect(result.stats.preference).toBe(exact.preference);
        // A shortfall is reported exactly where reviews are missing.
        expect(result.shortfalls.reduce((n, s) => n + s.missing, 0)).toBe(exact.missingReviews);
      }),
      { numRuns: 40 },
    );
  });

  it('without conflicts, caps or existing assignments: exactly N each and every load within one of the mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (submissions, reviewers, n, seed) => {
          const input = randomInstance({
            submissions,
            reviewers,
            reviewsPerSubmission: n,
            conflictRate: 0,
            bidRate: 0.3,
            seed,
          });
          const result = assignReviewers(input);
          const perSubmission = Math.min(n, reviewers);
          for (const s of input.submissions)
            expect(result.assignments.filter((a) => a.submissionId === s.id).length).toBe(perSubmission);
          const mean = (submissions * perSubmission) / reviewers;
          expect(result.stats.load.min).toBeGreaterThanOrEqual(Math.floor(mean));
          expect(result.stats.load.max).toBeLessThanOrEqual(Math.ceil(mean));
          expect(result.stats.load.mean).toBeCloseTo(mean, 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('at a larger scale with pruning: the same optimum as with every pair, in one solve or more', () => {
    const input = randomInstance({
      submissions: 200,
      reviewers: 40,
      conflictRate: 0.05,
      bidRate: 0.3,
      seed: 7,
    });
    const pruned = assignReviewers(input, { candidatesPerSubmission: 4 });
    const full = assignReviewers(input, { noPruning: true });
    expect(pruned.stats.candidatePairs).toBeLessThan(full.stats.candidatePairs);
    expect(scoreAssignment(input, newPairs(pruned))).toEqual(scoreAssignment(input, newPairs(full)));
    expect(full.stats.load).toEqual({ min: 15, max: 15, mean: 15 });
    expect(full.shortfalls).toEqual([]);
  });

  it('a greedy pass loses on a crafted instance where the flow does not (control)', () => {
    // s1 is wanted by both; greedy gives r1 to s1 (bid 10) and s2 gets r2, whom it did not want.
    const input: AssignmentInput = {
      submissions: [
        { id: 's1', topics: [] },
        { id: 's2', topics: [] },
      ],
      reviewers: [
        { id: 'r1', topics: [] },
        { id: 'r2', topics: [] },
      ],
      conflicts: [],
      bids: [
        { submissionId: 's1', reviewerId: 'r1', bid: 10 },
        { submissionId: 's1', reviewerId: 'r2', bid: 9 },
        { submissionId: 's2', reviewerId: 'r1', bid: 9 },
        { submissionId: 's2', reviewerId: 'r2', bid: -20 },
      ],
      existing: [],
      reviewsPerSubmission: 1,
    };
    expect(scoreAssignment(input, greedyAssignment(input))).toEqual({
      missingReviews: 0,
      loadSquares: 2,
      preference: -10,
      invalidPairs: 0,
    });
    const result = assignReviewers(input);
    expect(scoreAssignment(input, newPairs(result))).toEqual({
      missingReviews: 0,
      loadSquares: 2,
      preference: 18,
      invalidPairs: 0,
    });
    expect(newPairs(result).map(pairKey).sort()).toEqual(['s1|r2', 's2|r1']);
  });

  it('a greedy pass strands a submission that the flow fills (control)', () => {
    // Greedy gives r1 to s1 (its best); s2 can only take r1 (conflict with r2), and is left short.
    const input: AssignmentInput = {
      submissions: [
        { id: 's1', topics: ['a'] },
        { id: 's2', topics: [] },
      ],
      reviewers: [
        { id: 'r1', topics: ['a'], maxLoad: 1 },
        { id: 'r2', topics: [] },
      ],
      conflicts: [{ submissionId: 's2', reviewerId: 'r2' }],
      bids: [],
      existing: [],
      reviewsPerSubmission: 1,
    };
    expect(scoreAssignment(input, greedyAssignment(input)).missingReviews).toBe(1);
    const result = assignReviewers(input);
    expect(result.shortfalls).toEqual([]);
    expect(newPairs(result).map(pairKey).sort()).toEqual(['s1|r2', 's2|r1']);
  });

  it('reports each shortfall with its reason', () => {
    const input: AssignmentInput = {
      submissions: [
        { id: 'few', topics: [] },
        { id: 'full', topics: [] },
      ],
      reviewers: [
        { id: 'r1', topics: [], maxLoad: 1 },
        { id: 'r2', topics: [], maxLoad: 1 },
        { id: 'r3', topics: [], maxLoad: 0 },
      ],
      conflicts: [{ submissionId: 'few', reviewerId: 'r2' }],
      bids: [],
      existing: [],
      reviewsPerSubmission: 2,
    };
    const result = assignReviewers(input);
    expect(result.stats.conflictsAssigned).toBe(0);
    expect(result.shortfalls).toEqual([
      {
        submissionId: 'few',
        assigned: 1,
        missing: 1,
        reason: 'too_few_eligible_reviewers',
        eligibleReviewers: 1,
      },
      {
        submissionId: 'full',
        assigned: 1,
        missing: 1,
        reason: 'eligible_reviewers_at_capacity',
        eligibleReviewers: 2,
      },
    ]);
    expect(newPairs(result).map(pairKey).sort()).toEqual(['few|r1', 'full|r2']);
  });

  it('keeps existing assignments in the count, drops a conflicted one, and keeps a reviewer over the mean', () => {
    const input: AssignmentInput = {
      submissions: ['a', 'b', 'c'].map((id) => ({ id, topics: [] })),
      reviewers: ['r1', 'r2', 'r3'].map((id) => ({ id, topics: [] })),
      conflicts: [{ submissionId: 'c', reviewerId: 'r3' }],
      bids: [],
      existing: [
        { submissionId: 'a', reviewerId: 'r1' },
        { submissionId: 'b', reviewerId: 'r1' },
        { submissionId: 'c', reviewerId: 'r1' },
        { submissionId: 'c', reviewerId: 'r3' },
      ],
      reviewsPerSubmission: 1,
    };
    const result = assignReviewers(input);
    expect(result.droppedConflicted).toEqual([{ submissionId: 'c', reviewerId: 'r3' }]);
    expect(result.assignments.map((a) => [pairKey(a), a.kept])).toEqual([
      ['a|r1', true],
      ['b|r1', true],
      ['c|r1', true],
    ]);
    expect(result.stats).toMatchObject({
      proposed: 0,
      kept: 3,
      droppedConflicted: 1,
      load: { min: 0, max: 3, mean: 1 },
    });
  });

  it('refuses input it cannot trust', () => {
    const base: AssignmentInput = {
      submissions: [{ id: 's', topics: [] }],
      reviewers: [{ id: 'r', topics: [] }],
      conflicts: [],
      bids: [],
      existing: [],
    };
    expect(() =>
      assignReviewers({ ...base, bids: [{ submissionId: 's', reviewerId: 'r', bid: 21 }] }),
    ).toThrow('bid 21 is not a whole number in -20..20');
    expect(() => assignReviewers({ ...base, conflicts: [{ submissionId: 's', reviewerId: 'x' }] })).toThrow(
      'unknown reviewer x',
    );
    expect(() =>
      assignReviewers({ ...base, submissions: [...base.submissions, { id: 's', topics: [] }] }),
    ).toThrow('duplicate submission id s');
    expect(() => assignReviewers({ ...base, reviewers: [{ id: 'r', topics: [], maxLoad: -1 }] })).toThrow(
      'maxLoad of reviewer r must be a whole number of at least 0',
    );
    expect(() => assignReviewers({ ...base, reviewsPerSubmission: 1.5 })).toThrow('reviewsPerSubmission');
  });
});
