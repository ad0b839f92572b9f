import { and, asc, eq, inArray, schema, sql, type Executor } from '@plenary/db';
import type { LocalizedText } from '@plenary/db/schema';

const { paperDecisions, paperDecisionKinds, submissions, events } = schema;

export interface DecisionKind {
  code: string;
  name: LocalizedText;
  accepted: boolean;
  builtIn: boolean;
}

/** The kinds every event has (contracts' builtInDecisionKinds), worded here once. */
export const builtInKinds: readonly DecisionKind[] = [
  {
    code: 'accept_oral',
    name: { en: 'Accepted as oral presentation', ko: '구두 발표 채택' },
    accepted: true,
    builtIn: true,
  },
  {
    code: 'accept_poster',
    name: { en: 'Accepted as poster', ko: '포스터 발표 채택' },
    accepted: true,
    builtIn: true,
  },
  { code: 'reject', name: { en: 'Not accepted', ko: '불채택' }, accepted: false, builtIn: true },
];

/** Built-in kinds first, then the event's own in their order. */
export async function kindsOf(db: Executor, eventId: string): Promise<DecisionKind[]> {
  const own = await db
    .select({
      code: paperDecisionKinds.code,
      name: paperDecisionKinds.name,
      accepted: paperDecisionKinds.accepted,
    })
    .from(paperDecisionKinds)
    .where(eq(paperDecisionKinds.eventId, eventId))
    .orderBy(asc(paperDecisionKinds.position), asc(paperDecisionKinds.code));
  return [...builtInKinds, ...own.map((k) => ({ ...k, builtIn: false }))];
}

export async function upsertKind(
  db: Executor,
  row: { eventId: string; code: string; name: LocalizedText; accepted: boolean },
): Promise<void> {
  await db
    .insert(paperDecisionKinds)
    .values(row)
    .onConflictDoUpdate({
      target: [paperDecisionKinds.eventId, paperDecisionKinds.code],
      set: { name: row.name, accepted: row.accepted },
    });
}

/** Serialises recording and releasing within one event (a decision recorded during a release waits for it). */
export async function lockEvent(db: Executor, eventId: string): Promise<void> {
  await db.select({ id: events.id }).from(events).where(eq(events.id, eventId)).for('no key update');
}

export async function submissionsByIds(db: Executor, ids: readonly string[]) {
  return db
    .select({ id: submissions.id, eventId: submissions.eventId, status: submissions.status })
    .from(submissions)
    .where(inArray(submissions.id, [...ids]));
}

export async function releasedAmong(db: Executor, ids: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: paperDecisions.submissionId })
    .from(paperDecisions)
    .where(and(inArray(paperDecisions.submissionId, [...ids]), eq(paperDecisions.state, 'released')));
  return rows.map((r) => r.id);
}

/** Records (or changes) pending decisions; the caller has checked none is released. */
export async function upsertPending(
  db: Executor,
  eventId: string,
  ids: readonly string[],
  kind: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .insert(paperDecisions)
    .values(ids.map((submissionId) => ({ submissionId, eventId, kind, recordedBy: userId, recordedAt: at })))
    .onConflictDoUpdate({
      target: paperDecisions.submissionId,
      set: { kind, recordedBy: userId, recordedAt: at },
      where: sql`${paperDecisions.state} = 'pending'`,
    });
}

/** The submitted (and withdrawn with a decision) papers of an event with their decision, oldest first. */
export async function decisionRows(db: Executor, eventId: string) {
  return db
    .select({
      submissionId: submissions.id,
      title: submissions.title,
      status: submissions.status,
      trackId: submissions.trackId,
      typeId: submissions.typeId,
      kind: paperDecisions.kind,
      state: paperDecisions.state,
      recordedAt: paperDecisions.recordedAt,
      releasedAt: paperDecisions.releasedAt,
    })
    .from(submissions)
    .leftJoin(paperDecisions, eq(paperDecisions.submissionId, submissions.id))
    .where(
      and(
        eq(submissions.eventId, eventId),
        sql`(${submissions.status} = 'submitted' or ${paperDecisions.submissionId} is not null)`,
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
}

/**
 * Releases every pending decision of the event at once; pending decisions on
 * papers withdrawn since are dropped (nothing to tell). Returns what it released.
 */
export async function releasePending(db: Executor, eventId: string, at: Date) {
  await db
    .delete(paperDecisions)
    .where(
      and(
        eq(paperDecisions.eventId, eventId),
        eq(paperDecisions.state, 'pending'),
        sql`${paperDecisions.submissionId} in (select id from submissions where status <> 'submitted')`,
      ),
    );
  const released = await db
    .update(paperDecisions)
    .set({ state: 'released', releasedAt: at })
    .where(and(eq(paperDecisions.eventId, eventId), eq(paperDecisions.state, 'pending')))
    .returning({ submissionId: paperDecisions.submissionId, kind: paperDecisions.kind });
  if (!released.length) return [];
  const titles = await db
    .select({ id: submissions.id, title: submissions.title })
    .from(submissions)
    .where(
      inArray(
        submissions.id,
        released.map((r) => r.submissionId),
      ),
    );
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  return released
    .map((r) => ({ ...r, title: titleOf.get(r.submissionId) ?? {} }))
    .sort((a, b) => a.submissionId.localeCompare(b.submissionId));
}

export async function releasedDecision(db: Executor, submissionId: string) {
  const [row] = await db
    .select({
      kind: paperDecisions.kind,
      eventId: paperDecisions.eventId,
      releasedAt: paperDecisions.releasedAt,
    })
    .from(paperDecisions)
    .where(and(eq(paperDecisions.submissionId, submissionId), eq(paperDecisions.state, 'released')));
  return row ?? null;
}

/** A submission's decision in any state, or null. */
export async function decisionOf(db: Executor, submissionId: string) {
  const [row] = await db
    .select({
      submissionId: paperDecisions.submissionId,
      eventId: paperDecisions.eventId,
      kind: paperDecisions.kind,
    })
    .from(paperDecisions)
    .where(eq(paperDecisions.submissionId, submissionId));
  return row ?? null;
}

/** A released decision with its camera-ready state, as its authors read it. */
export async function authorDecision(db: Executor, submissionId: string) {
  const [row] = await db
    .select({
      kind: paperDecisions.kind,
      eventId: paperDecisions.eventId,
      releasedAt: paperDecisions.releasedAt,
      cameraReadyAt: paperDecisions.cameraReadyAt,
      cameraReadyPageCount: paperDecisions.cameraReadyPageCount,
      cameraReadyFilename: schema.files.filename,
      presenterConfirmedAt: paperDecisions.presenterConfirmedAt,
    })
    .from(paperDecisions)
    .leftJoin(schema.files, eq(schema.files.id, paperDecisions.cameraReadyFileId))
    .where(and(eq(paperDecisions.submissionId, submissionId), eq(paperDecisions.state, 'released')));
  return row ?? null;
}

export async function setCameraReady(
  db: Executor,
  submissionId: string,
  file: { fileId: string; pages: number },
  at: Date,
): Promise<void> {
  await db
    .update(paperDecisions)
    .set({ cameraReadyFileId: file.fileId, cameraReadyPageCount: file.pages, cameraReadyAt: at })
    .where(eq(paperDecisions.submissionId, submissionId));
}

export async function setPresenterConfirmed(db: Executor, submissionId: string, at: Date): Promise<void> {
  await db
    .update(paperDecisions)
    .set({
      presenterConfirmedAt: sql`coalesce(${paperDecisions.presenterConfirmedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(paperDecisions.submissionId, submissionId));
}

/**
 * Each released decision's paper with its presenting author and that person's
 * registration for the event (the newest, when there are several).
 */
export async function presenterRows(db: Executor, eventId: string) {
  const a = schema.submissionAuthors;
  const p = schema.persons;
  const r = schema.registrations;
  return db
    .select({
      submissionId: submissions.id,
      title: submissions.title,
      kind: paperDecisions.kind,
      givenName: a.givenName,
      familyName: a.familyName,
      email: p.email,
      cameraReadyAt: paperDecisions.cameraReadyAt,
      presenterConfirmedAt: paperDecisions.presenterConfirmedAt,
      reference: sql<
        string | null
      >`(select ${r.reference} from ${r} where ${r.personId} = ${a.personId} and ${r.eventId} = ${eventId} order by ${r.createdAt} desc limit 1)`,
      registrationStatus: sql<
        string | null
      >`(select ${r.status} from ${r} where ${r.personId} = ${a.personId} and ${r.eventId} = ${eventId} order by ${r.createdAt} desc limit 1)`,
    })
    .from(paperDecisions)
    .innerJoin(submissions, eq(submissions.id, paperDecisions.submissionId))
    .leftJoin(a, and(eq(a.submissionId, submissions.id), eq(a.presenting, true)))
    .leftJoin(p, eq(p.id, a.personId))
    .where(and(eq(paperDecisions.eventId, eventId), eq(paperDecisions.state, 'released')))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
}
