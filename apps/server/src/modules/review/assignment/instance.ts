import type { AssignmentInput, AssignmentWeights, SubmissionReviewerPair } from './types';

export const DEFAULT_REVIEWS_PER_SUBMISSION = 3;
export const BID_MIN = -20;
export const BID_MAX = 20;
const DEFAULT_WEIGHTS: AssignmentWeights = { topicWeight: 4, maxTopicMatches: 3 };

/** Pair states in DenseInstance.pairState. */
export const ELIGIBLE = 0;
export const CONFLICTED = 1;
export const EXISTING = 2;

/**
 * The input as dense arrays indexed by submission s (0..nS-1) and reviewer r (0..nR-1), pair
 * s * nR + r: one byte or two per pair keeps 3,000 x 600 pairs in a few megabytes and every
 * look-up a multiplication.
 */
export interface DenseInstance {
  submissionIds: string[];
  reviewerIds: string[];
  nS: number;
  nR: number;
  reviewsPerSubmission: number;
  /** ELIGIBLE, CONFLICTED or EXISTING per pair. */
  pairState: Uint8Array;
  bid: Int8Array;
  topicMatches: Uint8Array;
  /** bid + topic score per pair. */
  preference: Int16Array;
  /** Existing (kept) assignments per submission and per reviewer. */
  keptPerSubmission: Int32Array;
  keptPerReviewer: Int32Array;
  /** New reviews each submission still needs, and each reviewer may still take. */
  need: Int32Array;
  capacity: Int32Array;
  /** Existing assignments dropped because the pair is conflicted. */
  droppedConflicted: SubmissionReviewerPair[];
}

function indexIds(ids: readonly string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new RangeError(`duplicate ${what} id ${id}`);
    index.set(id, i);
  });
  return index;
}

/** Checks the input (unknown ids, bids out of range, bad N or caps) and lays it out densely. */
export function toDenseInstance(input: AssignmentInput): DenseInstance {
  const reviewsPerSubmission = input.reviewsPerSubmission ?? DEFAULT_REVIEWS_PER_SUBMISSION;
  if (!Number.isInteger(reviewsPerSubmission) || reviewsPerSubmission < 0)
    throw new RangeError('reviewsPerSubmission must be a whole number of at least 0');
  const weights = { ...DEFAULT_WEIGHTS, ...input.weights };
  if (!Number.isInteger(weights.topicWeight) || weights.topicWeight < 0 || weights.topicWeight > 100)
    throw new RangeError('topicWeight must be a whole number in 0..100');
  if (
    !Number.isInteger(weights.maxTopicMatches) ||
    weights.maxTopicMatches < 0 ||
    weights.maxTopicMatches > 50
  )
    throw new RangeError('maxTopicMatches must be a whole number in 0..50');

  const submissionIds = input.submissions.map((s) => s.id);
  const reviewerIds = input.reviewers.map((r) => r.id);
  const subIndex = indexIds(submissionIds, 'submission');
  const revIndex = indexIds(reviewerIds, 'reviewer');
  const nS = submissionIds.length;
  const nR = reviewerIds.length;
  const pairOf = (p: SubmissionReviewerPair): number => {
    const s = subIndex.get(p.submissionId);
    const r = revIndex.get(p.reviewerId);
    if (s === undefined) throw new RangeError(`unknown submission ${p.submissionId}`);
    if (r === undefined) throw new RangeError(`unknown reviewer ${p.reviewerId}`);
    return s * nR + r;
  };

  const pairState = new Uint8Array(nS * nR);
  for (const c of input.conflicts) pairState[pairOf(c)] = CONFLICTED;
  const keptPerSubmission = new Int32Array(nS);
  const keptPerReviewer = new Int32Array(nR);
  const droppedConflicted: SubmissionReviewerPair[] = [];
  for (const e of input.existing) {
    const p = pairOf(e);
    if (pairState[p] === CONFLICTED) {
      droppedConflicted.push({ submissionId: e.submissionId, reviewerId: e.reviewerId });
    } else if (pairState[p] === ELIGIBLE) {
      pairState[p] = EXISTING;
      keptPerSubmission[Math.floor(p / nR)]! += 1;
      keptPerReviewer[p % nR]! += 1;
    }
  }

  const bid = new Int8Array(nS * nR);
  for (const b of input.bids) {
    if (!Number.isInteger(b.bid) || b.bid < BID_MIN || b.bid > BID_MAX)
      throw new RangeError(`bid ${b.bid} is not a whole number in ${BID_MIN}..${BID_MAX}`);
    bid[pairOf(b)] = b.bid;
  }

  // Topics: an index per key, each reviewer's expertise as a bit set, each submission's as a list.
  const topicIndex = new Map<string, number>();
  const topicOf = (t: string): number => {
    let i = topicIndex.get(t);
    if (i === undefined) topicIndex.set(t, (i = topicIndex.size));
    return i;
  };
  const subTopics = input.submissions.map((s) => [...new Set(s.topics.map(topicOf))]);
  const revTopicSets = input.reviewers.map((r) => new Set(r.topics.map(topicOf)));
  const words = Math.max(1, Math.ceil(topicIndex.size / 32));
  const revBits = new Uint32Array(nR * words);
  revTopicSets.forEach((set, r) => {
    for (const t of set) revBits[r * words + (t >>> 5)]! |= 1 << (t & 31);
  });
  const topicMatches = new Uint8Array(nS * nR);
  const preference = new Int16Array(nS * nR);
  for (let s = 0; s < nS; s++) {
    const topics = subTopics[s]!;
    for (let r = 0; r < nR; r++) {
      let m = 0;
      for (const t of topics) if ((revBits[r * words + (t >>> 5)]! & (1 << (t & 31))) !== 0) m++;
      const p = s * nR + r;
      topicMatches[p] = Math.min(m, 255);
      preference[p] = bid[p]! + weights.topicWeight * Math.min(m, weights.maxTopicMatches);
    }
  }

  const need = new Int32Array(nS);
  for (let s = 0; s < nS; s++) need[s] = Math.max(0, reviewsPerSubmission - keptPerSubmission[s]!);
  const capacity = new Int32Array(nR);
  input.reviewers.forEach((rev, r) => {
    const cap = rev.maxLoad;
    if (cap !== undefined && cap !== null && (!Number.isInteger(cap) || cap < 0))
      throw new RangeError(`maxLoad of reviewer ${rev.id} must be a whole number of at least 0`);
    const room = cap === undefined || cap === null ? nS : cap - keptPerReviewer[r]!;
    capacity[r] = Math.max(0, Math.min(nS, room));
  });

  return {
    submissionIds,
    reviewerIds,
    nS,
    nR,
    reviewsPerSubmission,
    pairState,
    bid,
    topicMatches,
    preference,
    keptPerSubmission,
    keptPerReviewer,
    need,
    capacity,
    droppedConflicted,
  };
}
