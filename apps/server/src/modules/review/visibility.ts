import { and, eq, ne, schema, sql, type Executor } from '@plenary/db';
import type { SQL } from 'drizzle-orm';

const { submissions, reviewAssignments, reviewConflicts, submissionReviewerConflicts: declared } = schema;

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
    sql`not exists (select 1 from ${reviewConflicts} where ${reviewConflicts.submissionId} = ${submissions.id} and ${reviewConflicts.userId} = ${userId} and ${reviewConflicts.status} <> 'dismissed')`,
    // Declared by the authors: binding even before staff run the detection.
    sql`not exists (select 1 from ${declared} where ${declared.submissionId} = ${submissions.id} and ${declared.userId} = ${userId})`,
  )!;
}

/** Whether a conflict that keeps the reviewer away stands on the pair. */
export async function conflicted(db: Executor, submissionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewConflicts.id })
    .from(reviewConflicts)
    .where(
      and(
        eq(reviewConflicts.submissionId, submissionId),
        eq(reviewConflicts.userId, userId),
        ne(reviewConflicts.status, 'dismissed'),
      ),
    );
  if (row) return true;
  const [byAuthors] = await db
    .select({ userId: declared.userId })
    .from(declared)
    .where(and(eq(declared.submissionId, submissionId), eq(declared.userId, userId)));
  return byAuthors !== undefined;
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
