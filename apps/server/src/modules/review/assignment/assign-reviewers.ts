import { CONFLICTED, ELIGIBLE, EXISTING, toDenseInstance, type DenseInstance } from './instance';
import { solveMinCostFlow, type FlowSolution } from './min-cost-flow';
import type { AssignmentInput, AssignmentResult, ProposedAssignment, Shortfall } from './types';

export interface AssignmentOptions {
  /**
   * Candidate pairs kept per submission (its best by preference), and per reviewer, before the
   * flow runs. Pruning is exact here: after each solve the pruned pairs are priced against the
   * flow's potentials and any that could improve the result are added and the flow solved
   * again, so the answer is the optimum over all pairs. Default: 8 x N per submission; below
   * 20,000 eligible pairs nothing is pruned.
   */
  candidatesPerSubmission?: number;
  /** Solve on every eligible pair whatever the size (for the comparison in tests and the benchmark). */
  noPruning?: boolean;
}

const PRUNE_ABOVE_PAIRS = 20_000;

/**
 * Proposes reviewers for every submission (issue 11 §3): exactly N each when possible, never
 * a conflicted pair, existing assignments kept, reviewer loads as even as the caps allow, and
 * within that the greatest total of bids and topic matches. Pure: no database, no clock.
 */
export function assignReviewers(input: AssignmentInput, options: AssignmentOptions = {}): AssignmentResult {
  const inst = toDenseInstance(input);
  const { nS, nR, pairState } = inst;
  let eligiblePairs = 0;
  for (let p = 0; p < pairState.length; p++) if (pairState[p] === ELIGIBLE) eligiblePairs++;

  const inCandidates = new Uint8Array(nS * nR);
  if (
    options.noPruning ||
    (options.candidatesPerSubmission === undefined && eligiblePairs <= PRUNE_ABOVE_PAIRS)
  ) {
    for (let p = 0; p < pairState.length; p++) if (pairState[p] === ELIGIBLE) inCandidates[p] = 1;
  } else {
    const perSubmission = options.candidatesPerSubmission ?? 8 * Math.max(1, inst.reviewsPerSubmission);
    if (!Number.isInteger(perSubmission) || perSubmission < 0)
      throw new RangeError('candidatesPerSubmission must be a whole number of at least 0');
    chooseCandidates(inst, perSubmission, inCandidates);
  }

  let solves = 0;
  let solution: FlowSolution;
  for (;;) {
    const candidates = listPairs(inCandidates);
    solution = solveMinCostFlow(inst, candidates);
    solves++;
    const missing = pricePrunedPairs(inst, solution, inCandidates);
    if (missing === 0) break;
  }
  return buildResult(inst, solution, inCandidates, eligiblePairs, solves);
}

function listPairs(flags: Uint8Array): Int32Array {
  let n = 0;
  for (let p = 0; p < flags.length; p++) n += flags[p]!;
  const out = new Int32Array(n);
  let k = 0;
  for (let p = 0; p < flags.length; p++) if (flags[p]) out[k++] = p;
  return out;
}

/**
 * Each submission's best `perSubmission` eligible reviewers by preference, and each reviewer's
 * best submissions up to twice its share of the work (so that an unpopular reviewer still has
 * pairs to balance the load with). Ties at the threshold go round-robin from a position that
 * moves with the row, so that equal reviewers share the work rather than the first ones taking
 * it. A histogram per row (preferences are small whole numbers) instead of a sort.
 */
function chooseCandidates(inst: DenseInstance, perSubmission: number, out: Uint8Array): void {
  const { nS, nR, pairState, preference, need } = inst;
  let demand = 0;
  for (const n of need) demand += n;
  const perReviewer = Math.min(nS, 2 * Math.ceil(demand / Math.max(1, nR)) + 2);
  let lo = 0;
  let hi = 0;
  for (const v of preference) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const histogram = new Int32Array(hi - lo + 1);
  const takeBest = (count: number, pairAt: (i: number) => number, start: number, take: number): void => {
    histogram.fill(0);
    for (let i = 0; i < count; i++) {
      const p = pairAt(i);
      if (pairState[p] === ELIGIBLE) histogram[preference[p]! - lo]! += 1;
    }
    // The threshold value, and how many pairs at exactly that value still fit.
    let left = take;
    let threshold = hi - lo;
    for (; threshold >= 0; threshold--) {
      if (histogram[threshold]! >= left) break;
      left -= histogram[threshold]!;
    }
    // Fewer eligible pairs than `take`: threshold is -1 and every one of them is taken.
    for (let j = 0; j < count; j++) {
      const p = pairAt((start + j) % count);
      if (pairState[p] !== ELIGIBLE) continue;
      const v = preference[p]! - lo;
      if (v > threshold) out[p] = 1;
      else if (v === threshold && left > 0) {
        out[p] = 1;
        left--;
      }
    }
  };
  for (let s = 0; s < nS; s++) takeBest(nR, (r) => s * nR + r, (s * 7919) % Math.max(1, nR), perSubmission);
  for (let r = 0; r < nR; r++) takeBest(nS, (s) => s * nR + r, (r * 7919) % Math.max(1, nS), perReviewer);
}

/**
 * Prices every pruned pair against the potentials (a pair whose reduced cost is negative could
 * lower the cost) and, when some submission is short, looks for an augmenting path through
 * pruned pairs (it could raise the flow). Adds what it finds to the candidates; 0 means the
 * solution is optimal over all pairs (the potentials are a dual certificate).
 */
function pricePrunedPairs(inst: DenseInstance, sol: FlowSolution, inCandidates: Uint8Array): number {
  const { nS, nR, pairState, preference, need } = inst;
  const pi = sol.potential;
  let added = 0;
  for (let s = 0; s < nS; s++) {
    for (let r = 0; r < nR; r++) {
      const p = s * nR + r;
      if (pairState[p] !== ELIGIBLE || inCandidates[p]) continue;
      if (sol.preferenceCeiling - preference[p]! + pi[1 + s]! - pi[1 + nS + r]! < 0) {
        inCandidates[p] = 1;
        added++;
      }
    }
  }
  let short = false;
  for (let s = 0; s < nS; s++) if (sol.sent[s]! < need[s]!) short = true;
  if (!short) return added;

  // Residual reachability from the source over all eligible pairs (pruned ones included).
  const assigned = new Uint8Array(nS * nR);
  for (const p of sol.assignedPairs) assigned[p] = 1;
  const seenSub = new Uint8Array(nS);
  const seenRev = new Uint8Array(nR);
  const queue: number[] = [];
  for (let s = 0; s < nS; s++)
    if (sol.sent[s]! < need[s]!) {
      seenSub[s] = 1;
      queue.push(s);
    }
  let sinkReachable = false;
  while (queue.length > 0) {
    const s = queue.pop()!;
    for (let r = 0; r < nR; r++) {
      const p = s * nR + r;
      if (seenRev[r] || pairState[p] !== ELIGIBLE || assigned[p]) continue;
      seenRev[r] = 1;
      if (sol.load[r]! < inst.capacity[r]!) sinkReachable = true;
      for (let s2 = 0; s2 < nS; s2++)
        if (!seenSub[s2] && assigned[s2 * nR + r]) {
          seenSub[s2] = 1;
          queue.push(s2);
        }
    }
  }
  if (!sinkReachable) return added;
  for (let s = 0; s < nS; s++) {
    if (!seenSub[s]) continue;
    for (let r = 0; r < nR; r++) {
      const p = s * nR + r;
      if (pairState[p] === ELIGIBLE && !inCandidates[p]) {
        inCandidates[p] = 1;
        added++;
      }
    }
  }
  return added;
}

function buildResult(
  inst: DenseInstance,
  sol: FlowSolution,
  inCandidates: Uint8Array,
  eligiblePairs: number,
  solves: number,
): AssignmentResult {
  const { nS, nR, pairState, bid, topicMatches, preference } = inst;
  const assignments: ProposedAssignment[] = [];
  const isNew = new Uint8Array(nS * nR);
  for (const p of sol.assignedPairs) isNew[p] = 1;
  const load = new Int32Array(nR);
  const perSubmission = new Int32Array(nS);
  let positiveBids = 0;
  let bidSum = 0;
  let topicHits = 0;
  let topicSum = 0;
  let preferenceSum = 0;
  let proposed = 0;
  let kept = 0;
  let conflictsAssigned = 0;
  for (let s = 0; s < nS; s++)
    for (let r = 0; r < nR; r++) {
      const p = s * nR + r;
      const fresh = isNew[p] === 1;
      if (!fresh && pairState[p] !== EXISTING) continue;
      if (pairState[p] === CONFLICTED) conflictsAssigned++;
      load[r]! += 1;
      perSubmission[s]! += 1;
      assignments.push({
        submissionId: inst.submissionIds[s]!,
        reviewerId: inst.reviewerIds[r]!,
        kept: !fresh,
        bid: bid[p]!,
        topicMatches: topicMatches[p]!,
        preference: preference[p]!,
      });
      if (!fresh) {
        kept++;
        continue;
      }
      proposed++;
      if (bid[p]! > 0) positiveBids++;
      bidSum += bid[p]!;
      if (topicMatches[p]! > 0) topicHits++;
      topicSum += topicMatches[p]!;
      preferenceSum += preference[p]!;
    }

  const shortfalls: Shortfall[] = [];
  for (let s = 0; s < nS; s++) {
    const missing = inst.reviewsPerSubmission - perSubmission[s]!;
    if (missing <= 0) continue;
    let eligible = 0;
    for (let r = 0; r < nR; r++) if (pairState[s * nR + r] === ELIGIBLE && inst.capacity[r]! > 0) eligible++;
    shortfalls.push({
      submissionId: inst.submissionIds[s]!,
      assigned: perSubmission[s]!,
      missing,
      reason: eligible < inst.need[s]! ? 'too_few_eligible_reviewers' : 'eligible_reviewers_at_capacity',
      eligibleReviewers: eligible,
    });
  }

  let min = nR > 0 ? Infinity : 0;
  let max = 0;
  let squares = 0;
  let total = 0;
  for (const l of load) {
    min = Math.min(min, l);
    max = Math.max(max, l);
    squares += l * l;
    total += l;
  }
  let candidatePairs = 0;
  for (const c of inCandidates) candidatePairs += c;
  return {
    assignments,
    shortfalls,
    droppedConflicted: inst.droppedConflicted,
    stats: {
      proposed,
      kept,
      droppedConflicted: inst.droppedConflicted.length,
      load: { min, max, mean: nR > 0 ? total / nR : 0 },
      positiveBidShare: proposed > 0 ? positiveBids / proposed : 0,
      meanBid: proposed > 0 ? bidSum / proposed : 0,
      topicMatchShare: proposed > 0 ? topicHits / proposed : 0,
      meanTopicMatches: proposed > 0 ? topicSum / proposed : 0,
      conflictsAssigned,
      preference: preferenceSum,
      loadSquares: squares,
      candidatePairs,
      eligiblePairs,
      solves,
    },
  };
}
