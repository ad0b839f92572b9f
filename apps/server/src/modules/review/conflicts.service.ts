import { DomainError, type EventCaller, type ReviewServices } from '@plenary/contracts';
import { and, eq, inArray, ne, schema, sql, type Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { createAssignmentServices } from './assignments.service';
import { createAutoAssignmentServices } from './auto-assignment.service';
import { createPhaseServices, eventBids } from './phases.service';
import {
  detectConflicts,
  type CoAuthorship,
  type ConflictReason,
  type DeclaredConflictType,
  type DetectedConflict,
} from './conflicts/detect-conflicts';

const { users, eventMembers, reviewerProfiles, reviewConflicts, submissions, submissionAuthors, persons } =
  schema;

type ConflictType = 'same_institution' | 'collaborator' | 'advisor' | 'personal' | 'other';
type Source = 'author' | 'reviewer' | 'detected';
type Status = 'detected' | 'confirmed' | 'dismissed';

/** The authors' declared type in the detector's spelling, and back. */
const toDetector = (t: ConflictType): DeclaredConflictType => (t === 'same_institution' ? 'institution' : t);
const fromDetector = (t: DeclaredConflictType): ConflictType =>
  t === 'institution' ? 'same_institution' : t;

/** The event's reviewers, with their profile and the person (participant identity) of the same address. */
export async function reviewersOf(db: Executor, eventId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      personId: persons.id,
      topics: reviewerProfiles.topics,
      affiliation: reviewerProfiles.affiliation,
    })
    .from(eventMembers)
    .innerJoin(users, eq(users.id, eventMembers.userId))
    .leftJoin(
      reviewerProfiles,
      and(eq(reviewerProfiles.eventId, eventMembers.eventId), eq(reviewerProfiles.userId, users.id)),
    )
    .leftJoin(persons, eq(persons.email, users.email))
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.role, 'reviewer')))
    .orderBy(users.displayName);
}

function reasonWords(r: ConflictReason): string {
  switch (r.kind) {
    case 'is_author':
      return 'The reviewer is an author';
    case 'declared_by_author':
      return `Declared by the authors (${fromDetector(r.type)})`;
    case 'declared_by_reviewer':
      return `Declared by the reviewer (${fromDetector(r.type)})`;
    case 'declared_institution':
      return `The authors listed the institution ${r.institution}`;
    case 'same_email_domain':
      return `Same mail domain as an author (${r.domain})`;
    case 'same_institution':
      return 'Same institution as an author';
    case 'co_author':
      return `Co-author of an author in ${r.submissionIds.length} other submission(s)`;
  }
}

/** What kind of conflict the first reason makes it, in the authors' types. */
function typeOf(c: DetectedConflict): ConflictType {
  for (const r of c.reasons)
    if (r.kind === 'declared_by_author' || r.kind === 'declared_by_reviewer') return fromDetector(r.type);
  for (const r of c.reasons) {
    if (r.kind === 'co_author') return 'collaborator';
    if (r.kind === 'same_institution' || r.kind === 'same_email_domain' || r.kind === 'declared_institution')
      return 'same_institution';
  }
  return 'other';
}

function sourceOf(c: DetectedConflict): Source {
  if (c.reasons.some((r) => r.kind === 'declared_by_author')) return 'author';
  if (c.reasons.some((r) => r.kind === 'declared_by_reviewer')) return 'reviewer';
  return 'detected';
}

/** A conflict nobody may dismiss: declared by someone, or the reviewer wrote the paper. */
const undismissable = (row: { source: Source; reasons: Array<Record<string, unknown>> }) =>
  row.source !== 'detected' || row.reasons.some((r) => r.kind === 'is_author');

/** Every conflict the detector finds over the event's submitted papers and its reviewers. */
async function findConflicts(db: Executor, eventId: string): Promise<DetectedConflict[]> {
  const reviewers = await reviewersOf(db, eventId);
  const papers = await db
    .select({ id: submissions.id, institutionConflicts: submissions.institutionConflicts })
    .from(submissions)
    .where(and(eq(submissions.eventId, eventId), ne(submissions.status, 'withdrawn')));
  if (reviewers.length === 0 || papers.length === 0) return [];
  const paperIds = papers.map((p) => p.id);
  const authors = await db
    .select({
      submissionId: submissionAuthors.submissionId,
      personId: submissionAuthors.personId,
      email: persons.email,
      organisationId: submissionAuthors.organisationId,
      affiliation: submissionAuthors.affiliation,
      country: submissionAuthors.country,
    })
    .from(submissionAuthors)
    .innerJoin(persons, eq(persons.id, submissionAuthors.personId))
    .where(inArray(submissionAuthors.submissionId, paperIds));
  const declared = await db
    .select()
    .from(schema.submissionReviewerConflicts)
    .where(inArray(schema.submissionReviewerConflicts.submissionId, paperIds));
  // Co-authorship on the platform: every submission (of any event) a reviewer's person wrote, with its authors.
  const reviewerPersons = reviewers.flatMap((r) => (r.personId ? [r.personId] : []));
  const coAuthorships: CoAuthorship[] = [];
  if (reviewerPersons.length > 0) {
    const theirs = db
      .select({ id: submissionAuthors.submissionId })
      .from(submissionAuthors)
      .where(inArray(submissionAuthors.personId, reviewerPersons));
    const rows = await db
      .select({ submissionId: submissionAuthors.submissionId, personId: submissionAuthors.personId })
      .from(submissionAuthors)
      .innerJoin(submissions, eq(submissions.id, submissionAuthors.submissionId))
      .where(and(inArray(submissionAuthors.submissionId, theirs), ne(submissions.status, 'draft')));
    const bySubmission = new Map<string, string[]>();
    for (const r of rows)
      bySubmission.set(r.submissionId, [...(bySubmission.get(r.submissionId) ?? []), r.personId]);
    for (const [submissionId, people] of bySubmission)
      for (let i = 0; i < people.length; i++)
        for (let j = i + 1; j < people.length; j++)
          coAuthorships.push({ personA: people[i]!, personB: people[j]!, submissionId });
  }
  const conflictReviewers = reviewers.map((r) => ({
    reviewerId: r.userId,
    personId: r.personId,
    email: r.email,
    organisationName: r.affiliation,
  }));
  return papers.flatMap((p) =>
    detectConflicts({
      submissionId: p.id,
      authors: authors
        .filter((a) => a.submissionId === p.id)
        .map((a) => ({
          personId: a.personId,
          email: a.email,
          organisationId: a.organisationId,
          organisationName: a.affiliation,
          country: a.country,
        })),
      reviewers: conflictReviewers,
      coAuthorships,
      declared: declared
        .filter((d) => d.submissionId === p.id)
        .map((d) => ({ reviewerId: d.userId, by: 'author' as const, type: toDetector(d.type) })),
      declaredInstitutions: p.institutionConflicts.map((i) => i.name),
    }),
  );
}

async function conflictRows(db: Executor, eventId: string, where?: ReturnType<typeof and>) {
  const rows = await db
    .select({
      id: reviewConflicts.id,
      submissionId: reviewConflicts.submissionId,
      submissionTitle: submissions.title,
      userId: reviewConflicts.userId,
      reviewerName: users.displayName,
      source: reviewConflicts.source,
      type: reviewConflicts.type,
      reason: reviewConflicts.reason,
      status: reviewConflicts.status,
      decidedAt: reviewConflicts.decidedAt,
    })
    .from(reviewConflicts)
    .innerJoin(submissions, eq(submissions.id, reviewConflicts.submissionId))
    .innerJoin(users, eq(users.id, reviewConflicts.userId))
    .where(and(eq(reviewConflicts.eventId, eventId), where))
    .orderBy(submissions.createdAt, users.displayName);
  return rows.map((r) => ({ ...r, type: r.type as ConflictType }));
}

export function createReviewServices(runtime: Runtime): ReviewServices {
  const audit = (caller: EventCaller, action: string, objectId: string, after: Record<string, unknown>) =>
    ({ eventId: caller.eventId, action, objectType: 'review', objectId, after }) as const;
  const { assign, unassign, reviewing } = createAssignmentServices(runtime);
  const phases = createPhaseServices(runtime);
  return {
    reviewing: { ...reviewing, ...phases.reviewing },
    review: {
      assign,
      unassign,
      ...createAutoAssignmentServices(runtime, eventBids),
      phases: phases.phases,
      savePhases: phases.savePhases,
      async reviewers(caller) {
        const rows = await reviewersOf(runtime.db, caller.eventId);
        return rows.map(({ personId: _p, ...r }) => ({
          ...r,
          topics: r.topics ?? [],
          affiliation: r.affiliation,
        }));
      },
      async saveReviewer(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const reviewer = (await reviewersOf(tx, caller.eventId)).find((r) => r.userId === input.userId);
          if (!reviewer)
            throw new DomainError(
              'NOT_FOUND',
              { key: 'reviewerNotFound' },
              { userId: ['Not a reviewer of this event'] },
            );
          const topics = [...new Set(input.topics)];
          await tx
            .insert(reviewerProfiles)
            .values({ eventId: caller.eventId, userId: input.userId, topics, affiliation: input.affiliation })
            .onConflictDoUpdate({
              target: [reviewerProfiles.eventId, reviewerProfiles.userId],
              set: { topics, affiliation: input.affiliation, updatedAt: runtime.now() },
            });
          await recordAudit(
            tx,
            caller,
            audit(caller, 'review.reviewer', input.userId, { topics, affiliation: input.affiliation }),
          );
          const { personId: _p, ...dto } = reviewer;
          return { ...dto, topics, affiliation: input.affiliation };
        });
      },
      async detectConflicts(caller) {
        return inTransaction(runtime, async ({ tx }) => {
          const found = await findConflicts(tx, caller.eventId);
          const existing = await tx
            .select()
            .from(reviewConflicts)
            .where(eq(reviewConflicts.eventId, caller.eventId));
          const byPair = new Map(existing.map((r) => [`${r.submissionId}:${r.userId}`, r]));
          const seen = new Set<string>();
          let added = 0;
          const now = runtime.now();
          for (const c of found) {
            const key = `${c.submissionId}:${c.reviewerId}`;
            seen.add(key);
            const before = byPair.get(key);
            const fields = {
              source: sourceOf(c),
              type: typeOf(c),
              reason: c.reasons.map(reasonWords).join('; '),
              reasons: c.reasons as unknown as Array<Record<string, unknown>>,
            };
            if (!before) {
              added++;
              await tx.insert(reviewConflicts).values({
                eventId: caller.eventId,
                submissionId: c.submissionId,
                userId: c.reviewerId,
                ...fields,
                status: c.declared ? 'confirmed' : 'detected',
              });
              continue;
            }
            // A dismissal never lifts a declared conflict: only the one who declared it could.
            const status: Status = c.declared && before.status === 'dismissed' ? 'confirmed' : before.status;
            await tx
              .update(reviewConflicts)
              .set({ ...fields, status, updatedAt: now })
              .where(eq(reviewConflicts.id, before.id));
          }
          // Gone: a declaration withdrawn, an affiliation corrected. Staff's decisions on detected ones stay.
          const gone = existing.filter(
            (r) =>
              !seen.has(`${r.submissionId}:${r.userId}`) &&
              (r.source !== 'detected' || r.status === 'detected'),
          );
          if (gone.length > 0)
            await tx.delete(reviewConflicts).where(
              inArray(
                reviewConflicts.id,
                gone.map((r) => r.id),
              ),
            );
          await recordAudit(
            tx,
            caller,
            audit(caller, 'review.detectConflicts', caller.eventId, {
              found: found.length,
              added,
              removed: gone.length,
            }),
          );
          const [total] = await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(reviewConflicts)
            .where(eq(reviewConflicts.eventId, caller.eventId));
          return { total: total?.n ?? 0, added, removed: gone.length };
        });
      },
      async conflicts(caller, input) {
        return conflictRows(
          runtime.db,
          caller.eventId,
          and(
            input.status ? eq(reviewConflicts.status, input.status) : undefined,
            input.submissionId ? eq(reviewConflicts.submissionId, input.submissionId) : undefined,
          ),
        );
      },
      async decideConflict(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const [row] = await tx
            .select()
            .from(reviewConflicts)
            .where(
              and(eq(reviewConflicts.id, input.conflictId), eq(reviewConflicts.eventId, caller.eventId)),
            );
          if (!row) throw new DomainError('NOT_FOUND', { key: 'reviewConflictNotFound' });
          if (input.status === 'dismissed' && undismissable(row))
            throw new DomainError('CONFLICT', { key: 'reviewConflictDeclared' });
          await tx
            .update(reviewConflicts)
            .set({
              status: input.status,
              decidedBy: caller.actor.userId,
              decidedAt: runtime.now(),
              updatedAt: runtime.now(),
            })
            .where(eq(reviewConflicts.id, row.id));
          await recordAudit(
            tx,
            caller,
            audit(caller, `review.conflict.${input.status}`, row.id, {
              submissionId: row.submissionId,
              userId: row.userId,
            }),
          );
          const [dto] = await conflictRows(tx, caller.eventId, eq(reviewConflicts.id, row.id));
          return dto!;
        });
      },
    },
  };
}
