import type { EventRole } from '../access';
import { eventCaller, procedure, router } from '../trpc';
import * as s from './review';

/** Who runs review: the event's managers and its programme chairs. */
const chairs = ['owner', 'admin', 'program_chair'] as const satisfies readonly EventRole[];
const reviewers = ['reviewer'] as const satisfies readonly EventRole[];
const submission = { kind: 'submission', from: 'submissionId' } as const;

/** The chairs' side of review: reviewers' expertise, conflicts. */
export const reviewRouter = router({
  reviewers: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: "The event's reviewers with their topics" })
    .input(s.reviewEventInput)
    .output(s.reviewerDto.array())
    .query(({ ctx }) => ctx.services.review.reviewers(eventCaller(ctx))),
  saveReviewer: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: "A reviewer's expertise topics and affiliation",
    })
    .input(s.saveReviewerInput)
    .output(s.reviewerDto)
    .mutation(({ ctx, input }) => ctx.services.review.saveReviewer(eventCaller(ctx), input)),
  detectConflicts: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'Find conflicts: declared, same institution or mail domain, co-authorship',
    })
    .input(s.reviewEventInput)
    .output(s.detectConflictsOutput)
    .mutation(({ ctx }) => ctx.services.review.detectConflicts(eventCaller(ctx))),
  conflicts: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'Conflicts with why each exists' })
    .input(s.conflictListInput)
    .output(s.conflictDto.array())
    .query(({ ctx, input }) => ctx.services.review.conflicts(eventCaller(ctx), input)),
  decideConflict: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'Confirm or dismiss a detected conflict' })
    .input(s.decideConflictInput)
    .output(s.conflictDto)
    .mutation(({ ctx, input }) => ctx.services.review.decideConflict(eventCaller(ctx), input)),
  assign: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      object: submission,
      summary: 'Assign a reviewer to a submission (refused for a conflicted pair)',
    })
    .input(s.assignInput)
    .output(s.assignmentDto)
    .mutation(({ ctx, input }) => ctx.services.review.assign(eventCaller(ctx), input)),
  unassign: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      object: submission,
      summary: 'Take a reviewer off a submission',
    })
    .input(s.assignInput)
    .output(s.assignmentDto)
    .mutation(({ ctx, input }) => ctx.services.review.unassign(eventCaller(ctx), input)),
  proposeAssignment: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'Propose reviewers for every submitted paper (min-cost flow); writes nothing',
    })
    .input(s.proposeAssignmentInput)
    .output(s.assignmentProposalDto)
    .query(({ ctx, input }) => ctx.services.review.proposeAssignment(eventCaller(ctx), input)),
  acceptAssignment: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: "Write a proposal's pairs at once (409 and nothing written if one is no longer valid)",
    })
    .input(s.acceptAssignmentInput)
    .output(s.acceptAssignmentOutput)
    .mutation(({ ctx, input }) => ctx.services.review.acceptAssignment(eventCaller(ctx), input)),
  phases: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: "The review phases' dates, in the event's zone",
    })
    .input(s.reviewEventInput)
    .output(s.reviewPhasesDto)
    .query(({ ctx }) => ctx.services.review.phases(eventCaller(ctx))),
  savePhases: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: "Set the review phases' dates" })
    .input(s.savePhasesInput)
    .output(s.reviewPhasesDto)
    .mutation(({ ctx, input }) => ctx.services.review.savePhases(eventCaller(ctx), input)),
});

/**
 * The reviewer's side. Every procedure naming a submission carries the object rule
 * (assigned and not conflicted, else 404 as if it did not exist).
 */
export const reviewingRouter = router({
  assignments: procedure
    .meta({ access: { kind: 'event', roles: reviewers }, summary: 'The submissions I review' })
    .input(s.reviewEventInput)
    .output(s.reviewerSubmissionDto.array())
    .query(({ ctx }) => ctx.services.reviewing.assignments(eventCaller(ctx))),
  submission: procedure
    .meta({
      access: { kind: 'event', roles: reviewers },
      object: submission,
      summary: 'One submission I review, blinded as the event says',
    })
    .input(s.reviewerSubmissionInput)
    .output(s.reviewerSubmissionDto)
    .query(({ ctx, input }) => ctx.services.reviewing.submission(eventCaller(ctx), input)),
  /*
   * Bidding names papers the reviewer is not assigned to, so it cannot carry the submission
   * object rule (assigned and not conflicted): its own rule is "submitted and not
   * conflicted", in visibility.ts, and a conflicted paper is a 404 there too.
   */
  bids: procedure
    .meta({
      access: { kind: 'event', roles: reviewers },
      summary: 'The papers I may bid on (not conflicted), blinded, with my bids; bidding phase only',
    })
    .input(s.reviewEventInput)
    .output(s.biddableSubmissionDto.array())
    .query(({ ctx }) => ctx.services.reviewing.bids(eventCaller(ctx))),
  bid: procedure
    .meta({
      access: { kind: 'event', roles: reviewers },
      summary: 'Bid -20..20 on a paper; bidding phase only',
    })
    .input(s.bidInput)
    .output(s.bidDto)
    .mutation(({ ctx, input }) => ctx.services.reviewing.bid(eventCaller(ctx), input)),
});
