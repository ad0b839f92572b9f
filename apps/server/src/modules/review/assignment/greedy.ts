import { ELIGIBLE, toDenseInstance } from './instance';
import type { AssignmentInput, SubmissionReviewerPair } from './types';

/**
 * The baseline a min-cost flow is measured against: take pairs best preference first while the
 * submission needs reviews and the reviewer is under the even share (then under the cap, for
 * what is left). Fast and locally sensible, and it can strand a submission or waste a reviewer
 * another submission needed: the tests show an instance where it loses.
 * Returns the new pairs only (existing ones are kept as they are).
 */
export function greedyAssignment(input: AssignmentInput): SubmissionReviewerPair[] {
  const inst = toDenseInstance(input);
  const { nS, nR, pairState, preference, need, capacity, keptPerReviewer } = inst;
  let demand = 0;
  for (const n of need) demand += n;
  let kept = 0;
  for (const k of keptPerReviewer) kept += k;
  const share = nR > 0 ? Math.ceil((demand + kept) / nR) : 0;

  const pairs: number[] = [];
  for (let p = 0; p < pairState.length; p++) if (pairState[p] === ELIGIBLE) pairs.push(p);
  pairs.sort((a, b) => preference[b]! - preference[a]! || a - b);
  const left = need.slice();
  const load = new Int32Array(nR);
  const taken = new Uint8Array(nS * nR);
  for (const evenShareOnly of [true, false])
    for (const p of pairs) {
      const s = Math.floor(p / nR);
      const r = p - s * nR;
      if (taken[p] || left[s]! === 0 || load[r]! >= capacity[r]!) continue;
      if (evenShareOnly && keptPerReviewer[r]! + load[r]! >= share) continue;
      taken[p] = 1;
      left[s]! -= 1;
      load[r]! += 1;
    }
  const out: SubmissionReviewerPair[] = [];
  for (let p = 0; p < taken.length; p++)
    if (taken[p])
      out.push({
        submissionId: inst.submissionIds[Math.floor(p / nR)]!,
        reviewerId: inst.reviewerIds[p % nR]!,
      });
  return out;
}
