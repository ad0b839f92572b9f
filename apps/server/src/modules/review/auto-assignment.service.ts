import { DomainError, type ReviewServices } from '@plenary/contracts';
import { and, eq, inArray, schema, type Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { assignReviewers } from './assignment/assign-reviewers';
import type { AssignmentInput, ReviewerBid } from './assignment/types';
import { reviewersOf } from './conflicts.service';
import { standingConflictPairs } from './visibility';

const { submissions, reviewAssignments, cfpTracks } = schema;

/** Topics compare as the chairs type them, without case or surrounding space. */
const topicKey = (t: string) => t.trim().toLowerCase();

/**
 * The bids that feed the assignment. None until bidding exists: the function is the one
 * place that reads them, so the proposal picks them up when they do.
 */
export type BidSource = (db: Executor, eventId: string) => Promise<ReviewerBid[]>;
const noBids: BidSource = () => Promise.resolve([]);

/** The pure module's input, read from the event: submitted papers, reviewers, conflicts, bids, assignments. */
async function assignmentInputOf(
  db: Executor,
  eventId: string,
  reviewsPerSubmission: number,
  bidsOf: BidSource,
): Promise<{ input: AssignmentInput; names: Map<string, string> }> {
  const papers = await db
    .select({
      id: submissions.id,
      keywords: submissions.keywords,
      trackCode: cfpTracks.code,
      trackName: cfpTracks.name,
    })
    .from(submissions)
    .leftJoin(cfpTracks, eq(cfpTracks.id, submissions.trackId))
    .where(and(eq(submissions.eventId, eventId), eq(submissions.status, 'submitted')))
    .orderBy(submissions.submittedAt, submissions.id);
  const reviewers = await reviewersOf(db, eventId);
  const paperIds = new Set(papers.map((p) => p.id));
  const reviewerIds = new Set(reviewers.map((r) => r.userId));
  const existing = (
    await db
      .select({ submissionId: reviewAssignments.submissionId, reviewerId: reviewAssignments.userId })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.eventId, eventId))
  ).filter((a) => paperIds.has(a.submissionId) && reviewerIds.has(a.reviewerId));
  const conflicts = (await standingConflictPairs(db, eventId)).map((c) => ({
    submissionId: c.submissionId,
    reviewerId: c.userId,
  }));
  const bids = (await bidsOf(db, eventId)).filter(
    (b) => paperIds.has(b.submissionId) && reviewerIds.has(b.reviewerId),
  );
  return {
    input: {
      submissions: papers.map((p) => ({
        id: p.id,
        topics: [
          ...p.keywords,
          ...(p.trackCode ? [p.trackCode] : []),
          ...(p.trackName?.en ? [p.trackName.en] : []),
          ...(p.trackName?.ko ? [p.trackName.ko] : []),
        ].map(topicKey),
      })),
      reviewers: reviewers.map((r) => ({ id: r.userId, topics: (r.topics ?? []).map(topicKey) })),
      conflicts,
      bids,
      existing,
      reviewsPerSubmission,
    },
    names: new Map(reviewers.map((r) => [r.userId, r.displayName])),
  };
}

/** The chairs' automatic assignment: a proposal that writes nothing, and its acceptance. */
export function createAutoAssignmentServices(
  runtime: Runtime,
  bidsOf: BidSource = noBids,
): Pick<ReviewServices['review'], 'proposeAssignment' | 'acceptAssignment'> {
  return {
    async proposeAssignment(caller, input) {
      const { input: problem, names } = await assignmentInputOf(
        runtime.db,
        caller.eventId,
        input.reviewsPerSubmission,
        bidsOf,
      );
      const result = assignReviewers(problem);
      const load = new Map(problem.reviewers.map((r) => [r.id, 0]));
      for (const a of result.assignments) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
      return {
        reviewsPerSubmission: input.reviewsPerSubmission,
        pairs: result.assignments.map((a) => ({
          submissionId: a.submissionId,
          userId: a.reviewerId,
          kept: a.kept,
          bid: a.bid,
          topicMatches: a.topicMatches,
        })),
        loads: [...load].map(([userId, n]) => ({ userId, displayName: names.get(userId) ?? '', load: n })),
        shortfalls: result.shortfalls.map((s) => ({
          submissionId: s.submissionId,
          assigned: s.assigned,
          missing: s.missing,
          reason: s.reason,
        })),
        droppedConflicted: result.droppedConflicted.map((d) => ({
          submissionId: d.submissionId,
          userId: d.reviewerId,
        })),
        objective: {
          preference: result.stats.preference,
          loadSquares: result.stats.loadSquares,
          meanLoad: result.stats.load.mean,
          minLoad: result.stats.load.min,
          maxLoad: result.stats.load.max,
        },
      };
    },

    async acceptAssignment(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        const key = (s: string, u: string) => `${s}:${u}`;
        const pairs = [...new Map(input.pairs.map((p) => [key(p.submissionId, p.userId), p])).values()];
        const paperIds = [...new Set(pairs.map((p) => p.submissionId))];
        // Lock the papers: a withdrawal waits for this transaction, so "still submitted" holds at commit.
        const stillSubmitted = new Set(
          (
            await tx
              .select({ id: submissions.id })
              .from(submissions)
              .where(
                and(
                  eq(submissions.eventId, caller.eventId),
                  eq(submissions.status, 'submitted'),
                  inArray(submissions.id, paperIds),
                ),
              )
              .for('share')
          ).map((r) => r.id),
        );
        const reviewerIds = new Set((await reviewersOf(tx, caller.eventId)).map((r) => r.userId));
        const conflictedPairs = new Set(
          (await standingConflictPairs(tx, caller.eventId, paperIds)).map((c) =>
            key(c.submissionId, c.userId),
          ),
        );
        const stale = pairs.filter(
          (p) =>
            !stillSubmitted.has(p.submissionId) ||
            !reviewerIds.has(p.userId) ||
            conflictedPairs.has(key(p.submissionId, p.userId)),
        );
        if (stale.length > 0)
          throw new DomainError(
            'CONFLICT',
            { key: 'reviewProposalStale' },
            { pairs: stale.slice(0, 20).map((p) => `${p.submissionId} / ${p.userId}`) },
          );
        let written = 0;
        // In slices: one statement per pair would be thousands of round trips at a large conference.
        for (let i = 0; i < pairs.length; i += 1000) {
          const rows = await tx
            .insert(reviewAssignments)
            .values(
              pairs.slice(i, i + 1000).map((p) => ({
                eventId: caller.eventId,
                submissionId: p.submissionId,
                userId: p.userId,
                assignedBy: caller.actor.userId,
              })),
            )
            .onConflictDoNothing()
            .returning({ submissionId: reviewAssignments.submissionId });
          written += rows.length;
        }
        await recordAudit(tx, caller, {
          eventId: caller.eventId,
          action: 'review.acceptAssignment',
          objectType: 'review',
          objectId: caller.eventId,
          after: { pairs: pairs.length, written },
        } as const);
        return { written };
      });
    },
  };
}
