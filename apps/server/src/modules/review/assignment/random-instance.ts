import type { AssignmentInput, ReviewerBid, SubmissionReviewerPair } from './types';

/** A seeded generator (mulberry32): the benchmark's and the tests' instances are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface InstanceShape {
  submissions: number;
  reviewers: number;
  reviewsPerSubmission?: number;
  /** Share of pairs conflicted, and of pairs with a bid. */
  conflictRate: number;
  bidRate: number;
  topics?: number;
  /** Share of submissions that already have one assignment, and of reviewers with a cap. */
  existingRate?: number;
  cappedRate?: number;
  seed: number;
}

/**
 * A conference of the given shape: submissions with 1-3 topics of the tracks, reviewers with
 * 2-5, bids that lean towards topics the reviewer knows (as real bids do), conflicts at random.
 */
export function randomInstance(shape: InstanceShape): AssignmentInput {
  const rand = seededRandom(shape.seed);
  const topicCount = shape.topics ?? 12;
  const pick = (n: number): string[] => {
    const set = new Set<string>();
    while (set.size < Math.min(n, topicCount)) set.add(`t${Math.floor(rand() * topicCount)}`);
    return [...set];
  };
  const submissions = Array.from({ length: shape.submissions }, (_, i) => ({
    id: `s${i}`,
    topics: pick(1 + Math.floor(rand() * 3)),
  }));
  const reviewers = Array.from({ length: shape.reviewers }, (_, i) => ({
    id: `r${i}`,
    topics: pick(2 + Math.floor(rand() * 4)),
    maxLoad: rand() < (shape.cappedRate ?? 0) ? Math.floor(rand() * 4) : null,
  }));
  const conflicts: SubmissionReviewerPair[] = [];
  const bids: ReviewerBid[] = [];
  const existing: SubmissionReviewerPair[] = [];
  const reviewerTopics = reviewers.map((r) => new Set(r.topics));
  for (const s of submissions) {
    for (let r = 0; r < reviewers.length; r++) {
      const pair = { submissionId: s.id, reviewerId: reviewers[r]!.id };
      if (rand() < shape.conflictRate) conflicts.push(pair);
      if (rand() < shape.bidRate) {
        const knows = s.topics.some((t) => reviewerTopics[r]!.has(t));
        const bid = Math.round((knows ? 0.35 : -0.15) * 20 + (rand() * 2 - 1) * 14);
        bids.push({ ...pair, bid: Math.max(-20, Math.min(20, bid)) });
      }
    }
    if (reviewers.length > 0 && rand() < (shape.existingRate ?? 0))
      existing.push({ submissionId: s.id, reviewerId: reviewers[Math.floor(rand() * reviewers.length)]!.id });
  }
  return {
    submissions,
    reviewers,
    conflicts,
    bids,
    existing,
    reviewsPerSubmission: shape.reviewsPerSubmission ?? 3,
  };
}
