/**
 * Input and output of the automatic reviewer assignment (issue 11 §3). The types are the
 * algorithm's own, not database rows: the review service maps its tables onto them.
 */

export interface AssignmentSubmission {
  id: string;
  /** Topic keys (tracks, keywords): compared with the reviewers' expertise. */
  topics: readonly string[];
}

export interface AssignmentReviewer {
  id: string;
  topics: readonly string[];
  /** The most reviews this reviewer takes in total, existing ones included. Absent: no cap. */
  maxLoad?: number | null;
}

export interface SubmissionReviewerPair {
  submissionId: string;
  reviewerId: string;
}

export interface ReviewerBid extends SubmissionReviewerPair {
  /** -20 (do not want) .. 20 (want), as HotCRP's preferences; absent pairs count 0. */
  bid: number;
}

export interface AssignmentWeights {
  /** Added to a pair's bid for each topic the submission and the reviewer share. Default 4. */
  topicWeight: number;
  /** Shared topics beyond this count add nothing more. Default 3. */
  maxTopicMatches: number;
}

export interface AssignmentInput {
  submissions: readonly AssignmentSubmission[];
  reviewers: readonly AssignmentReviewer[];
  /** Pairs that must never be assigned (detected or declared, confirmed). */
  conflicts: readonly SubmissionReviewerPair[];
  bids: readonly ReviewerBid[];
  /** Assignments already made: kept, and counted in both the submission's N and the reviewer's load. */
  existing: readonly SubmissionReviewerPair[];
  /** Reviews each submission should have in the end (N). Default 3. */
  reviewsPerSubmission?: number;
  weights?: Partial<AssignmentWeights>;
}

export type ShortfallReason =
  /** Fewer reviewers than needed are free of conflicts with it, unassigned to it, and not capped at zero. */
  | 'too_few_eligible_reviewers'
  /** Enough eligible reviewers exist, but their caps are taken by other submissions. */
  | 'eligible_reviewers_at_capacity';

export interface Shortfall {
  submissionId: string;
  /** Reviews it has in the end (existing and new). */
  assigned: number;
  missing: number;
  reason: ShortfallReason;
  /** Reviewers that could have taken it (not conflicted, not already on it, cap above zero). */
  eligibleReviewers: number;
}

export interface ProposedAssignment extends SubmissionReviewerPair {
  /** True for an assignment that existed before the run. */
  kept: boolean;
  bid: number;
  topicMatches: number;
  /** bid + topic score: what the optimisation maximises, under the balance rule. */
  preference: number;
}

export interface LoadSpread {
  min: number;
  max: number;
  mean: number;
}

export interface AssignmentStats {
  /** New pairs proposed by the run (kept ones excluded). */
  proposed: number;
  kept: number;
  /** Existing assignments dropped because the pair is conflicted (a conflict always wins). */
  droppedConflicted: number;
  load: LoadSpread;
  /** Share of new pairs whose bid is above zero, and their mean bid. */
  positiveBidShare: number;
  meanBid: number;
  /** Share of new pairs that share at least one topic, and the mean count of shared topics. */
  topicMatchShare: number;
  meanTopicMatches: number;
  /** Conflicted pairs among all assignments: 0 by construction, counted independently. */
  conflictsAssigned: number;
  /** Sum of preference over new pairs (the objective, once balance is optimal). */
  preference: number;
  /** Sum of squared reviewer loads (the balance objective; smaller is more even). */
  loadSquares: number;
  /** Candidate pairs the flow network used, of all eligible pairs, and the solves it took. */
  candidatePairs: number;
  eligiblePairs: number;
  solves: number;
}

export interface AssignmentResult {
  assignments: ProposedAssignment[];
  shortfalls: Shortfall[];
  droppedConflicted: SubmissionReviewerPair[];
  stats: AssignmentStats;
}
