import { z } from 'zod';
import type { EventCaller } from '../context';
import { idSchema } from './common';
import { conflictTypes, localDateTime } from './papers';

// Peer review (issue 11 §3): reviewers' expertise, conflicts, assignments.

export const reviewConflictSources = ['author', 'reviewer', 'detected'] as const;
export const reviewConflictStatuses = ['detected', 'confirmed', 'dismissed'] as const;

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

export const reviewEventInput = z.object({ eventId: idSchema });

export const reviewerDto = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  topics: z.array(z.string()),
  affiliation: z.string().nullable(),
});

export const saveReviewerInput = z.object({
  eventId: idSchema,
  userId: idSchema,
  topics: z.array(z.string().trim().min(1).max(80)).max(30),
  affiliation: z.string().trim().max(200).nullable(),
});

export const detectConflictsOutput = z.object({
  /** Conflicts found now (declared and detected), after the run. */
  total: z.number().int(),
  /** New rows written by this run. */
  added: z.number().int(),
  /** Detected rows no longer found (and never decided), removed. */
  removed: z.number().int(),
});

export const conflictListInput = z.object({
  eventId: idSchema,
  status: z.enum(reviewConflictStatuses).optional(),
  submissionId: idSchema.optional(),
});

export const conflictDto = z.object({
  id: z.uuid(),
  submissionId: z.uuid(),
  submissionTitle: text,
  userId: z.uuid(),
  reviewerName: z.string(),
  source: z.enum(reviewConflictSources),
  type: z.enum(conflictTypes),
  reason: z.string(),
  status: z.enum(reviewConflictStatuses),
  decidedAt: z.date().nullable(),
});

export const decideConflictInput = z.object({
  eventId: idSchema,
  conflictId: idSchema,
  status: z.enum(['confirmed', 'dismissed']),
});

export const assignInput = z.object({ eventId: idSchema, submissionId: idSchema, userId: idSchema });
export const assignmentDto = z.object({ submissionId: z.uuid(), userId: z.uuid(), assigned: z.boolean() });

export const reviewerSubmissionInput = z.object({ eventId: idSchema, submissionId: idSchema });

/**
 * A submission as its reviewers see it: on a double-blind event no author at all
 * (names, emails, affiliations) and never the history or the submitter.
 */
export const reviewerSubmissionDto = z.object({
  id: z.uuid(),
  title: text,
  abstract: text,
  keywords: z.array(z.string()),
  track: text.nullable(),
  kind: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  blindMode: z.enum(['single', 'double', 'open']),
  authors: z.array(
    z.object({ givenName: z.string(), familyName: z.string(), affiliation: z.string(), country: z.string() }),
  ),
});

// Automatic assignment (issue 11 §3): a proposal computed from the event's state, accepted by staff.

export const proposeAssignmentInput = z.object({
  eventId: idSchema,
  /** Reviews each submitted paper should have in the end, existing ones included. */
  reviewsPerSubmission: z.number().int().min(1).max(20).default(3),
});

const pair = { submissionId: z.uuid(), userId: z.uuid() };

export const assignmentProposalDto = z.object({
  reviewsPerSubmission: z.number().int(),
  pairs: z.array(
    z.object({
      ...pair,
      /** Already assigned before the run: kept, not written again. */
      kept: z.boolean(),
      bid: z.number().int(),
      topicMatches: z.number().int(),
    }),
  ),
  /** Every reviewer's load in the proposal (kept and new). */
  loads: z.array(z.object({ userId: z.uuid(), displayName: z.string(), load: z.number().int() })),
  /** Papers that cannot get N reviews, and why. */
  shortfalls: z.array(
    z.object({
      submissionId: z.uuid(),
      assigned: z.number().int(),
      missing: z.number().int(),
      reason: z.enum(['too_few_eligible_reviewers', 'eligible_reviewers_at_capacity']),
    }),
  ),
  /** Existing assignments a standing conflict makes void (shown; acceptance does not remove them). */
  droppedConflicted: z.array(z.object(pair)),
  objective: z.object({
    /** Sum of bids and topic scores over new pairs (maximised once the load is balanced). */
    preference: z.number(),
    /** Sum of squared loads (minimised first: smaller is more even). */
    loadSquares: z.number(),
    meanLoad: z.number(),
    minLoad: z.number().int(),
    maxLoad: z.number().int(),
  }),
});

export const acceptAssignmentInput = z.object({
  eventId: idSchema,
  pairs: z
    .array(z.object({ submissionId: idSchema, userId: idSchema }))
    .min(1)
    .max(20_000),
});
export const acceptAssignmentOutput = z.object({
  /** Pairs written now (pairs already assigned are not counted). */
  written: z.number().int(),
});

// Review phases and bidding (issue 11 §3).

export const reviewPhases = ['bidding', 'reviewing', 'discussion', 'decision'] as const;

const phaseDates = z.object({
  phase: z.enum(reviewPhases),
  /** Wall-clock times in the event's zone; open from the start (inclusive) to the end (exclusive). */
  startsAt: localDateTime,
  endsAt: localDateTime,
});

export const reviewPhasesDto = z.object({
  timeZone: z.string(),
  /** The phases set, in the order above. */
  phases: z.array(phaseDates),
  /** The phases open now (they may overlap). */
  open: z.array(z.enum(reviewPhases)),
});

export const savePhasesInput = z.object({
  eventId: idSchema,
  /** Every phase the event has (phases left out are removed). */
  phases: z
    .array(phaseDates)
    .max(reviewPhases.length)
    .refine((ps) => new Set(ps.map((p) => p.phase)).size === ps.length, {
      error: 'Each phase once',
    }),
});

/** A paper a reviewer may bid on, blinded as for review, with their own bid (null: none yet). */
export const biddableSubmissionDto = reviewerSubmissionDto.extend({ bid: z.number().int().nullable() });

export const bidInput = z.object({
  eventId: idSchema,
  submissionId: idSchema,
  /** -20 (do not want) .. 20 (want), as HotCRP's preferences; 0 clears the wish. */
  bid: z.number().int().min(-20).max(20),
});
export const bidDto = z.object({ submissionId: z.uuid(), bid: z.number().int() });

type Out<T extends z.ZodType> = z.output<T>;
type Parsed<T extends z.ZodType> = z.output<T>;

export interface ReviewServices {
  review: {
    reviewers(caller: EventCaller): Promise<Out<typeof reviewerDto>[]>;
    saveReviewer(
      caller: EventCaller,
      input: Parsed<typeof saveReviewerInput>,
    ): Promise<Out<typeof reviewerDto>>;
    detectConflicts(caller: EventCaller): Promise<Out<typeof detectConflictsOutput>>;
    conflicts(
      caller: EventCaller,
      input: Parsed<typeof conflictListInput>,
    ): Promise<Out<typeof conflictDto>[]>;
    decideConflict(
      caller: EventCaller,
      input: Parsed<typeof decideConflictInput>,
    ): Promise<Out<typeof conflictDto>>;
    assign(caller: EventCaller, input: Parsed<typeof assignInput>): Promise<Out<typeof assignmentDto>>;
    unassign(caller: EventCaller, input: Parsed<typeof assignInput>): Promise<Out<typeof assignmentDto>>;
    proposeAssignment(
      caller: EventCaller,
      input: Parsed<typeof proposeAssignmentInput>,
    ): Promise<Out<typeof assignmentProposalDto>>;
    acceptAssignment(
      caller: EventCaller,
      input: Parsed<typeof acceptAssignmentInput>,
    ): Promise<Out<typeof acceptAssignmentOutput>>;
    phases(caller: EventCaller): Promise<Out<typeof reviewPhasesDto>>;
    savePhases(
      caller: EventCaller,
      input: Parsed<typeof savePhasesInput>,
    ): Promise<Out<typeof reviewPhasesDto>>;
  };
  reviewing: {
    assignments(caller: EventCaller): Promise<Out<typeof reviewerSubmissionDto>[]>;
    submission(
      caller: EventCaller,
      input: Parsed<typeof reviewerSubmissionInput>,
    ): Promise<Out<typeof reviewerSubmissionDto>>;
    bids(caller: EventCaller): Promise<Out<typeof biddableSubmissionDto>[]>;
    bid(caller: EventCaller, input: Parsed<typeof bidInput>): Promise<Out<typeof bidDto>>;
  };
}
