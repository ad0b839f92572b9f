import { and, asc, desc, eq, schema, sql, type Executor } from '@plenary/db';

const { events, cfpSettings, cfpTracks, cfpSubmissionTypes, cfpConsentVersions } = schema;

export type TrackRow = typeof cfpTracks.$inferSelect;
export type TypeRow = typeof cfpSubmissionTypes.$inferSelect;
export type ConsentRow = typeof cfpConsentVersions.$inferSelect;

export interface CallRow {
  eventId: string;
  slug: string;
  status: string;
  timeZone: string;
  opensAt: Date | null;
  deadline: Date | null;
  graceMinutes: number;
  blindMode: 'single' | 'double' | 'open';
  /** False when the event has no call set up yet (defaults stand in). */
  configured: boolean;
}

/** The event with its call's settings (defaults when none are saved), or null for no event. */
export async function findCall(db: Executor, eventId: string): Promise<CallRow | null> {
  const [row] = await db
    .select({
      eventId: events.id,
      slug: events.slug,
      status: events.status,
      timeZone: events.timeZone,
      opensAt: cfpSettings.opensAt,
      deadline: cfpSettings.deadline,
      graceMinutes: cfpSettings.graceMinutes,
      blindMode: cfpSettings.blindMode,
      configured: cfpSettings.eventId,
    })
    .from(events)
    .leftJoin(cfpSettings, eq(cfpSettings.eventId, events.id))
    .where(eq(events.id, eventId));
  if (!row) return null;
  return {
    ...row,
    graceMinutes: row.graceMinutes ?? 0,
    blindMode: row.blindMode ?? 'double',
    configured: row.configured !== null,
  };
}

export async function findEventIdBySlug(db: Executor, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return row?.id ?? null;
}

/** Locks the event's call (the row a submission's deadline check reads), making it when missing. */
export async function upsertSettings(db: Executor, row: typeof cfpSettings.$inferInsert): Promise<void> {
  await db
    .insert(cfpSettings)
    .values(row)
    .onConflictDoUpdate({
      target: cfpSettings.eventId,
      set: {
        opensAt: row.opensAt,
        deadline: row.deadline,
        graceMinutes: row.graceMinutes,
        blindMode: row.blindMode,
        updatedAt: row.updatedAt,
      },
    });
}

export const listTracks = (db: Executor, eventId: string): Promise<TrackRow[]> =>
  db
    .select()
    .from(cfpTracks)
    .where(eq(cfpTracks.eventId, eventId))
    .orderBy(asc(cfpTracks.position), asc(cfpTracks.code));

export const listTypes = (db: Executor, eventId: string): Promise<TypeRow[]> =>
  db
    .select()
    .from(cfpSubmissionTypes)
    .where(eq(cfpSubmissionTypes.eventId, eventId))
    .orderBy(asc(cfpSubmissionTypes.position), asc(cfpSubmissionTypes.kind));

export async function findTrack(db: Executor, eventId: string, id: string): Promise<TrackRow | null> {
  const [row] = await db
    .select()
    .from(cfpTracks)
    .where(and(eq(cfpTracks.eventId, eventId), eq(cfpTracks.id, id)));
  return row ?? null;
}

export async function findType(db: Executor, eventId: string, id: string): Promise<TypeRow | null> {
  const [row] = await db
    .select()
    .from(cfpSubmissionTypes)
    .where(and(eq(cfpSubmissionTypes.eventId, eventId), eq(cfpSubmissionTypes.id, id)));
  return row ?? null;
}

export async function saveTrack(
  db: Executor,
  row: typeof cfpTracks.$inferInsert & { id?: string },
): Promise<TrackRow | null> {
  if (row.id) {
    const [updated] = await db
      .update(cfpTracks)
      .set({ code: row.code, name: row.name, position: row.position })
      .where(and(eq(cfpTracks.id, row.id), eq(cfpTracks.eventId, row.eventId)))
      .returning();
    return updated ?? null;
  }
  const [created] = await db.insert(cfpTracks).values(row).returning();
  return created ?? null;
}

/** One type per kind and event: saving a kind again changes its rules. */
export async function saveType(db: Executor, row: typeof cfpSubmissionTypes.$inferInsert): Promise<TypeRow> {
  const [saved] = await db
    .insert(cfpSubmissionTypes)
    .values(row)
    .onConflictDoUpdate({
      target: [cfpSubmissionTypes.eventId, cfpSubmissionTypes.kind],
      set: {
        name: row.name,
        pageLimit: row.pageLimit,
        abstractWordLimit: row.abstractWordLimit,
        fileRequired: row.fileRequired,
        maxMegabytes: row.maxMegabytes,
        position: row.position,
      },
    })
    .returning();
  if (!saved) throw new Error('type upsert returned nothing');
  return saved;
}

export const listConsents = (db: Executor, eventId: string): Promise<ConsentRow[]> =>
  db
    .select()
    .from(cfpConsentVersions)
    .where(eq(cfpConsentVersions.eventId, eventId))
    .orderBy(asc(cfpConsentVersions.kind), desc(cfpConsentVersions.version));

/** The newest version of each kind: what an author accepts now. */
export function currentConsents(rows: ConsentRow[]): ConsentRow[] {
  const latest = new Map<string, ConsentRow>();
  for (const r of rows) if ((latest.get(r.kind)?.version ?? 0) < r.version) latest.set(r.kind, r);
  return [...latest.values()];
}

export async function insertConsentVersion(
  db: Executor,
  row: Omit<typeof cfpConsentVersions.$inferInsert, 'version'>,
): Promise<ConsentRow> {
  // The next number is taken in the insert itself; two publishers at once meet the unique key (a 409).
  const [created] = await db
    .insert(cfpConsentVersions)
    .values({
      ...row,
      version: sql`(select coalesce(max(version), 0) + 1 from cfp_consent_versions where event_id = ${row.eventId} and kind = ${row.kind})`,
    })
    .returning();
  if (!created) throw new Error('consent insert returned nothing');
  return created;
}
