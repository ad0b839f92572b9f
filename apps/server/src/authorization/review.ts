import type { Expected } from './expected';

/** Who may call each procedure of review (issue 11 §3), written by hand and enforced by
 * authorization.test.ts. The chairs' side: reviewers never list conflicts or profiles. */
const chairs = ['owner', 'admin', 'program_chair'] as const;
export const reviewAccess: Record<string, Expected> = {
  'review.reviewers': chairs,
  'review.saveReviewer': chairs,
  'review.detectConflicts': chairs,
  'review.conflicts': chairs,
  'review.decideConflict': chairs,
  'review.assign': chairs,
  'review.unassign': chairs,
  'review.proposeAssignment': chairs,
  'review.acceptAssignment': chairs,
  'review.phases': chairs,
  'review.savePhases': chairs,
  'reviewing.assignments': ['reviewer'],
  'reviewing.submission': ['reviewer'],
  'reviewing.bids': ['reviewer'],
  'reviewing.bid': ['reviewer'],
};
