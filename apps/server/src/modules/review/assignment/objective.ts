import { CONFLICTED, EXISTING, toDenseInstance } from './instance';
import type { AssignmentInput, SubmissionReviewerPair } from './types';

/** What the assignment optimises, lexicographically: fewest missing reviews, then the most even
 * load (least sum of squared loads), then the greatest total preference of the new pairs. */
export interface AssignmentObjective {
  missingReviews: number;
  loadSquares: number;
  preference: number;
  /** New pairs that are conflicted or already existing (must be 0 for a valid assignment). */
  invalidPairs: number;
}

/** Scores any set of new pairs for an input, whoever proposed them (flow, greedy, exact solver). */
export function scoreAssignment(
  input: AssignmentInput,
  newPairs: readonly SubmissionReviewerPair[],
): AssignmentObjective {
  const inst = toDenseInstance(input);
  const { nS, nR } = inst;
  const subIndex = new Map(inst.submissionIds.map((id, i) => [id, i]));
  const revIndex = new Map(inst.reviewerIds.map((id, i) => [id, i]));
  const perSubmission = Int32Array.from(inst.keptPerSubmission);
  const load = Int32Array.from(inst.keptPerReviewer);
  const seen = new Uint8Array(nS * nR);
  let preference = 0;
  let invalidPairs = 0;
  for (const pair of newPairs) {
    const s = subIndex.get(pair.submissionId)!;
    const r = revIndex.get(pair.reviewerId)!;
    const p = s * nR + r;
    if (inst.pairState[p] === CONFLICTED || inst.pairState[p] === EXISTING || seen[p]) invalidPairs++;
    seen[p] = 1;
    perSubmission[s]! += 1;
    load[r]! += 1;
    preference += inst.preference[p]!;
  }
  let missingReviews = 0;
  for (const n of perSubmission) missingReviews += Math.max(0, inst.reviewsPerSubmission - n);
  let loadSquares = 0;
  for (const l of load) loadSquares += l * l;
  return { missingReviews, loadSquares, preference, invalidPairs };
}
