import { and, eq, inArray, schema, sql, type Executor } from '@plenary/db';
import type { AnyColumn, SQL } from 'drizzle-orm';

const {
  submissions,
  reviewAssignments,
  reviewConflicts,
  submissionReviewerConflicts: declared,
  eventMembers,
} = schema;

type Operand = AnyColumn | SQL | string;

/**
 * Whether a conflict stands between a submission and a reviewer: declared by the authors
 * (binding even before staff run the detection), or a conflict row that is not dismissed
 * (declared, confirmed, or detected and not yet decided). The one definition: the object
 * rule, the assignment checks and the automatic assignment all use it.
 */
export function conflictStands(submissionId: Operand, userId: Operand): SQL {
  return sql`(exists (select 1 from ${reviewConflicts} where ${reviewConflicts.submissionId} = ${submissionId} and ${reviewConflicts.userId} = ${userId} and ${reviewConflicts.status} <> 'dismissed') or exists (select 1 from ${declared} where ${declared.submissionId} = ${submissionId} and ${declared.userId} = ${userId}))`;
}

/**
 * THE reviewer rule (issue 11 §3), in one place: a reviewer sees a submission only when
 * it is submitted, they are assigned to it, and no conflict stands between them (declared,
 * confirmed, or detected and not dismissed). A condition on `submissions`, so the object
 * check and every reviewer-facing list use the same words.
 */
export function visibleToReviewer(userId: string): SQL {
  return and(
    eq(submissions.status, 'submitted'),
    sql`exists (select 1 from ${reviewAssignments} where ${reviewAssignments.submissionId} = ${submissions.id} and ${reviewAssignments.userId} = ${userId})`,
    sql`not ${conflictStands(submissions.id, userId)}`,
  )!;
}

/**
 * What a reviewer may bid on: any submitted paper of the event with no conflict standing
 * between them (assignment not needed: bidding comes before it). The same conflict words.
 */
export function biddableByReviewer(userId: string): SQL {
  return and(eq(submissions.status, 'submitted'), sql`not ${conflictStands(submissions.id, userId)}`)!;
}

/**
 * Every standing conflict between the event's submitted papers and its reviewers, as pairs
 * (optionally only for some papers): what the automatic assignment must never propose.
 */
export async function standingConflictPairs(
  db: Executor,
  eventId: string,
  submissionIds?: readonly string[],
): Promise<Array<{ submissionId: string; userId: string }>> {
  if (submissionIds && submissionIds.length === 0) return [];
  return db
    .select({ submissionId: submissions.id, userId: eventMembers.userId })
    .from(submissions)
    .innerJoin(
      eventMembers,
      and(eq(eventMembers.eventId, submissions.eventId), eq(eventMembers.role, 'reviewer')),
    )
    .where(
      and(
        eq(submissions.eventId, eventId),
        eq(submissions.status, 'submitted'),
        submissionIds ? inArray(submissions.id, [...submissionIds]) : undefined,
        conflictStands(submissions.id, eventMembers.userId),
      ),
    );
}

/** Whether a conflict that keeps the reviewer away stands on the pair. */
export async function conflicted(db: Executor, submissionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ stands: sql<boolean>`${conflictStands(submissions.id, userId)}` })
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  return row?.stands === true;
}

/** The object check of kind 'submission': the event's own; for a reviewer, the rule above too. */
export async function submissionAllowed(
  db: Executor,
  caller: { eventId: string; role: string | null; actor: { userId: string; isPlatformAdmin: boolean } },
  submissionId: string,
): Promise<boolean> {
  const reviewerOnly = caller.role === 'reviewer' && !caller.actor.isPlatformAdmin;
  const [row] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.id, submissionId),
        eq(submissions.eventId, caller.eventId),
        reviewerOnly ? visibleToReviewer(caller.actor.userId) : undefined,
      ),
    );
  return row !== undefined;
}
