import { DomainError, type EventCaller, type ReviewServices } from '@plenary/contracts';
import { and, asc, eq, inArray, schema, type Executor } from '@plenary/db';
import type { SQL } from 'drizzle-orm';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { reviewersOf } from './conflicts.service';
import { conflicted, visibleToReviewer } from './visibility';

const { submissions, submissionAuthors, reviewAssignments, cfpSettings, cfpTracks, cfpSubmissionTypes } =
  schema;

/**
 * The reviewer-facing view of submissions: blinded by the event's mode, only those the rule
 * lets through (`rule`: the object rule by default; bidding passes its own).
 */
export async function reviewerView(
  db: Executor,
  caller: EventCaller,
  submissionId?: string,
  rule: SQL = visibleToReviewer(caller.actor.userId),
) {
  const [settings] = await db
    .select({ blindMode: cfpSettings.blindMode })
    .from(cfpSettings)
    .where(eq(cfpSettings.eventId, caller.eventId));
  const blindMode = settings?.blindMode ?? 'double';
  const rows = await db
    .select({
      id: submissions.id,
      title: submissions.title,
      abstract: submissions.abstract,
      keywords: submissions.keywords,
      track: cfpTracks.name,
      kind: cfpSubmissionTypes.kind,
      pageCount: submissions.pageCount,
    })
    .from(submissions)
    .leftJoin(cfpTracks, eq(cfpTracks.id, submissions.trackId))
    .leftJoin(cfpSubmissionTypes, eq(cfpSubmissionTypes.id, submissions.typeId))
    .where(
      and(
        eq(submissions.eventId, caller.eventId),
        rule,
        submissionId ? eq(submissions.id, submissionId) : undefined,
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
  // Double-blind: the authors are not even read.
  const authors =
    blindMode === 'double' || rows.length === 0
      ? []
      : await db
          .select({
            submissionId: submissionAuthors.submissionId,
            givenName: submissionAuthors.givenName,
            familyName: submissionAuthors.familyName,
            affiliation: submissionAuthors.affiliation,
            country: submissionAuthors.country,
          })
          .from(submissionAuthors)
          .where(
            inArray(
              submissionAuthors.submissionId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(submissionAuthors.position);
  return rows.map((r) => ({
    ...r,
    blindMode,
    authors: authors.filter((a) => a.submissionId === r.id).map(({ submissionId: _s, ...a }) => a),
  }));
}

/** Assignments by hand (chairs) and the reviewer's own view. */
export function createAssignmentServices(runtime: Runtime): {
  assign: ReviewServices['review']['assign'];
  unassign: ReviewServices['review']['unassign'];
  reviewing: Pick<ReviewServices['reviewing'], 'assignments' | 'submission'>;
} {
  const audit = (caller: EventCaller, action: string, objectId: string, after: Record<string, unknown>) =>
    ({ eventId: caller.eventId, action, objectType: 'review', objectId, after }) as const;
  return {
    async assign(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        if (!(await reviewersOf(tx, caller.eventId)).some((r) => r.userId === input.userId))
          throw new DomainError(
            'NOT_FOUND',
            { key: 'reviewerNotFound' },
            { userId: ['Not a reviewer of this event'] },
          );
        if (await conflicted(tx, input.submissionId, input.userId))
          throw new DomainError(
            'CONFLICT',
            { key: 'reviewAssignConflicted' },
            { userId: ['Conflicted with this submission'] },
          );
        const [submission] = await tx
          .select({ status: submissions.status })
          .from(submissions)
          .where(eq(submissions.id, input.submissionId));
        if (submission?.status !== 'submitted')
          throw new DomainError('CONFLICT', { key: 'reviewAssignNotSubmitted' });
        await tx
          .insert(reviewAssignments)
          .values({ ...input, assignedBy: caller.actor.userId })
          .onConflictDoNothing();
        await recordAudit(
          tx,
          caller,
          audit(caller, 'review.assign', input.submissionId, { userId: input.userId }),
        );
        return { submissionId: input.submissionId, userId: input.userId, assigned: true };
      });
    },
    async unassign(caller, input) {
      return inTransaction(runtime, async ({ tx }) => {
        await tx
          .delete(reviewAssignments)
          .where(
            and(
              eq(reviewAssignments.submissionId, input.submissionId),
              eq(reviewAssignments.userId, input.userId),
              eq(reviewAssignments.eventId, caller.eventId),
            ),
          );
        await recordAudit(
          tx,
          caller,
          audit(caller, 'review.unassign', input.submissionId, { userId: input.userId }),
        );
        return { submissionId: input.submissionId, userId: input.userId, assigned: false };
      });
    },
    reviewing: {
      assignments: (caller) => reviewerView(runtime.db, caller),
      async submission(caller, input) {
        const [row] = await reviewerView(runtime.db, caller, input.submissionId);
        if (!row) throw new DomainError('NOT_FOUND', { key: 'submissionNotFound' });
        return row;
      },
    },
  };
}
