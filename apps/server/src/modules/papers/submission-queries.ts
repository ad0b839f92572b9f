import type { z } from 'zod';
import type { submissionDto, submissionListInput, submissionListOutput } from '@plenary/contracts';
import { and, asc, desc, eq, inArray, schema, sql, type Executor } from '@plenary/db';
import type { SQL } from 'drizzle-orm';

const {
  submissions,
  submissionAuthors,
  submissionReviewerConflicts,
  submissionVersions,
  persons,
  files,
  cfpTracks,
  cfpSubmissionTypes,
} = schema;

export type SubmissionRow = typeof submissions.$inferSelect;
export type SubmissionDto = z.output<typeof submissionDto>;

/** The submission row, optionally locked for a change (the lock orders its versions). */
export async function findSubmission(db: Executor, id: string, lock = false): Promise<SubmissionRow | null> {
  const q = db.select().from(submissions).where(eq(submissions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The submission as its authors and staff see it (who may see it is the caller's business). */
export async function submissionDtoOf(
  db: Executor,
  row: SubmissionRow,
  editable: boolean,
): Promise<SubmissionDto> {
  const authors = await db
    .select({
      position: submissionAuthors.position,
      personId: submissionAuthors.personId,
      email: persons.email,
      givenName: submissionAuthors.givenName,
      familyName: submissionAuthors.familyName,
      affiliation: submissionAuthors.affiliation,
      organisationId: submissionAuthors.organisationId,
      country: submissionAuthors.country,
      orcid: submissionAuthors.orcid,
      presenting: submissionAuthors.presenting,
      confirmedAt: submissionAuthors.confirmedAt,
    })
    .from(submissionAuthors)
    .innerJoin(persons, eq(persons.id, submissionAuthors.personId))
    .where(eq(submissionAuthors.submissionId, row.id))
    .orderBy(asc(submissionAuthors.position));
  const conflicts = await db
    .select({ userId: submissionReviewerConflicts.userId, type: submissionReviewerConflicts.type })
    .from(submissionReviewerConflicts)
    .where(eq(submissionReviewerConflicts.submissionId, row.id))
    .orderBy(asc(submissionReviewerConflicts.userId));
  const [file] = row.fileId
    ? await db
        .select({ filename: files.filename, size: files.size })
        .from(files)
        .where(eq(files.id, row.fileId))
    : [];
  return {
    id: row.id,
    eventId: row.eventId,
    status: row.status,
    trackId: row.trackId,
    typeId: row.typeId,
    title: row.title,
    abstract: row.abstract,
    keywords: row.keywords,
    authors: authors.map(({ confirmedAt, ...a }) => ({ ...a, confirmed: confirmedAt !== null })),
    reviewerConflicts: conflicts,
    institutionConflicts: row.institutionConflicts,
    file:
      row.fileId && file
        ? { fileId: row.fileId, filename: file.filename, size: file.size, pages: row.pageCount ?? 0 }
        : null,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    editable,
  };
}

export async function versionsOf(db: Executor, submissionId: string) {
  const rows = await db
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, submissionId))
    .orderBy(desc(submissionVersions.version));
  return rows.map((v) => ({
    version: v.version,
    action: v.action,
    actorKind: v.actorKind,
    at: v.at.toISOString(),
    changes: v.changes,
  }));
}

/** A submission with its history, when it belongs to the event (staff) or the person is one of its authors. */
export async function submissionDetail(
  db: Executor,
  id: string,
  scope: { eventId: string } | { personId: string },
  editable: (row: SubmissionRow) => boolean = () => false,
) {
  const row = await findSubmission(db, id);
  if (!row) return null;
  if ('eventId' in scope && row.eventId !== scope.eventId) return null;
  if ('personId' in scope && !(await isAuthorOf(db, row, scope.personId))) return null;
  return { ...(await submissionDtoOf(db, row, editable(row))), versions: await versionsOf(db, id) };
}

/** The submitter and the listed authors see a submission; nobody else (as if it did not exist). */
export async function isAuthorOf(db: Executor, row: SubmissionRow, personId: string): Promise<boolean> {
  if (row.submitterPersonId === personId) return true;
  const [hit] = await db
    .select({ p: submissionAuthors.personId })
    .from(submissionAuthors)
    .where(and(eq(submissionAuthors.submissionId, row.id), eq(submissionAuthors.personId, personId)));
  return Boolean(hit);
}

/** The ids of submissions the person made or co-authors, newest first. */
export async function submissionIdsOf(db: Executor, personId: string, eventId?: string): Promise<string[]> {
  const mine = sql`(${submissions.submitterPersonId} = ${personId} or exists (select 1 from submission_authors a where a.submission_id = ${submissions.id} and a.person_id = ${personId}))`;
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(eventId ? and(mine, eq(submissions.eventId, eventId)) : mine)
    .orderBy(desc(submissions.createdAt));
  return rows.map((r) => r.id);
}

const sortColumns = {
  createdAt: submissions.createdAt,
  updatedAt: submissions.updatedAt,
  status: submissions.status,
  title: sql`coalesce(${submissions.title}->>'en', ${submissions.title}->>'ko')`,
} as const;

/** Staff's list: one page, sorted and filtered in SQL, with the total for the pager. */
export async function listSubmissions(
  db: Executor,
  eventId: string,
  input: z.output<typeof submissionListInput>,
): Promise<z.output<typeof submissionListOutput>> {
  const where: SQL[] = [eq(submissions.eventId, eventId)];
  if (input.status) where.push(eq(submissions.status, input.status));
  if (input.trackId) where.push(eq(submissions.trackId, input.trackId));
  if (input.search) {
    const like = `%${input.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(
      sql`(${submissions.title}::text ilike ${like} or exists (select 1 from submission_authors a where a.submission_id = ${submissions.id} and (a.family_name || ' ' || a.given_name || ' ' || a.affiliation) ilike ${like}))`,
    );
  }
  const column = sortColumns[input.sort];
  const [total] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(submissions)
    .where(and(...where));
  const rows = await db
    .select({
      id: submissions.id,
      status: submissions.status,
      title: submissions.title,
      track: cfpTracks.name,
      type: cfpSubmissionTypes.name,
      pages: submissions.pageCount,
      createdAt: submissions.createdAt,
      updatedAt: submissions.updatedAt,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .leftJoin(cfpTracks, eq(cfpTracks.id, submissions.trackId))
    .leftJoin(cfpSubmissionTypes, eq(cfpSubmissionTypes.id, submissions.typeId))
    .where(and(...where))
    .orderBy(input.order === 'asc' ? asc(column) : desc(column), asc(submissions.id))
    .limit(input.limit)
    .offset(input.offset);
  const ids = rows.map((r) => r.id);
  const authors = ids.length
    ? await db
        .select({
          submissionId: submissionAuthors.submissionId,
          position: submissionAuthors.position,
          givenName: submissionAuthors.givenName,
          familyName: submissionAuthors.familyName,
          country: submissionAuthors.country,
        })
        .from(submissionAuthors)
        .where(inArray(submissionAuthors.submissionId, ids))
        .orderBy(asc(submissionAuthors.submissionId), asc(submissionAuthors.position))
    : [];
  return {
    total: total?.n ?? 0,
    rows: rows.map((r) => {
      const own = authors.filter((a) => a.submissionId === r.id);
      const first = own[0];
      return {
        id: r.id,
        status: r.status,
        title: r.title,
        track: r.track,
        type: r.type,
        firstAuthor: first ? `${first.givenName} ${first.familyName}` : '',
        authors: own.length,
        countries: [...new Set(own.map((a) => a.country))],
        pages: r.pages,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        submittedAt: r.submittedAt?.toISOString() ?? null,
      };
    }),
  };
}
