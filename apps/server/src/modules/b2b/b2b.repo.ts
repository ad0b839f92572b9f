import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray, ne, or, schema, sql, type Executor } from '@plenary/db';

const {
  b2bFairs,
  b2bSlots,
  b2bTables,
  b2bProfiles,
  b2bInterpreters,
  b2bPrematches,
  b2bMeetings,
  b2bOutcomes,
  b2bRates,
  organisations,
  events,
} = schema;

export type FairRow = typeof b2bFairs.$inferSelect;
export type ProfileRow = typeof b2bProfiles.$inferSelect;
export type MeetingRow = typeof b2bMeetings.$inferSelect;
export type InterpreterRow = typeof b2bInterpreters.$inferSelect;
export type SlotRow = typeof b2bSlots.$inferSelect;

export async function eventTimeZone(db: Executor, eventId: string): Promise<string | null> {
  const [row] = await db.select({ tz: events.timeZone }).from(events).where(eq(events.id, eventId));
  return row?.tz ?? null;
}

export async function findFair(db: Executor, eventId: string, forUpdate = false) {
  const q = db.select().from(b2bFairs).where(eq(b2bFairs.eventId, eventId));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function slotsOf(db: Executor, fairId: string) {
  return db.select().from(b2bSlots).where(eq(b2bSlots.fairId, fairId)).orderBy(asc(b2bSlots.index));
}

export async function tablesOf(db: Executor, fairId: string) {
  return db.select().from(b2bTables).where(eq(b2bTables.fairId, fairId)).orderBy(asc(b2bTables.position));
}

export async function liveMeetingCount(db: Executor, fairId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.fairId, fairId), ne(b2bMeetings.status, 'cancelled')));
  return row?.n ?? 0;
}

/** Replaces the fair's slots and tables (only while it has no meetings at all). */
export async function replaceGrid(
  db: Executor,
  fairId: string,
  slots: ReadonlyArray<{ startsAt: Date; endsAt: Date }>,
  tables: readonly string[],
): Promise<void> {
  await db.delete(b2bSlots).where(eq(b2bSlots.fairId, fairId));
  await db.delete(b2bTables).where(eq(b2bTables.fairId, fairId));
  if (slots.length) await db.insert(b2bSlots).values(slots.map((s, index) => ({ fairId, index, ...s })));
  if (tables.length)
    await db.insert(b2bTables).values(tables.map((name, position) => ({ fairId, position, name })));
}

export async function anyMeeting(db: Executor, fairId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: b2bMeetings.id })
    .from(b2bMeetings)
    .where(eq(b2bMeetings.fairId, fairId))
    .limit(1);
  return Boolean(row);
}

// ---- Profiles ----

export async function profilesOf(
  db: Executor,
  fairId: string,
  filter: {
    side?: 'buyer' | 'seller';
    status?: ProfileRow['status'];
    ids?: readonly string[];
    partnerId?: string;
  } = {},
) {
  return db
    .select({ profile: b2bProfiles, name: organisations.name })
    .from(b2bProfiles)
    .innerJoin(organisations, eq(organisations.id, b2bProfiles.organisationId))
    .where(
      and(
        eq(b2bProfiles.fairId, fairId),
        filter.side ? eq(b2bProfiles.side, filter.side) : undefined,
        filter.status ? eq(b2bProfiles.status, filter.status) : undefined,
        filter.ids ? inArray(b2bProfiles.id, [...filter.ids]) : undefined,
        filter.partnerId ? eq(b2bProfiles.partnerId, filter.partnerId) : undefined,
      ),
    )
    .orderBy(sql`coalesce(${organisations.name}->>'en', ${organisations.name}->>'ko')`, b2bProfiles.id);
}

export async function findProfile(db: Executor, fairId: string, id: string) {
  const [row] = await profilesOf(db, fairId, { ids: [id] });
  return row;
}

export async function findProfileByCompany(
  db: Executor,
  fairId: string,
  organisationId: string,
  side: string,
) {
  const [row] = await db
    .select()
    .from(b2bProfiles)
    .where(
      and(
        eq(b2bProfiles.fairId, fairId),
        eq(b2bProfiles.organisationId, organisationId),
        eq(b2bProfiles.side, side as ProfileRow['side']),
      ),
    )
    .for('update');
  return row;
}

export async function insertProfile(db: Executor, row: typeof b2bProfiles.$inferInsert): Promise<string> {
  const [created] = await db.insert(b2bProfiles).values(row).returning({ id: b2bProfiles.id });
  return created!.id;
}

export async function updateProfile(
  db: Executor,
  id: string,
  patch: Partial<typeof b2bProfiles.$inferInsert>,
) {
  await db.update(b2bProfiles).set(patch).where(eq(b2bProfiles.id, id));
}

export async function organisationExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), sql`${organisations.mergedInto} is null`));
  return Boolean(row);
}

export async function personExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.persons.id })
    .from(schema.persons)
    .where(eq(schema.persons.id, id));
  return Boolean(row);
}

export async function eventFileExists(db: Executor, eventId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.files.id })
    .from(schema.files)
    .where(and(eq(schema.files.id, id), eq(schema.files.eventId, eventId)));
  return Boolean(row);
}

// ---- Interpreters ----

export async function interpretersOf(db: Executor, fairId: string) {
  return db
    .select({
      interpreter: b2bInterpreters,
      meetings: sql<number>`(select count(*)::int from b2b_meetings m
        where m.interpreter_id = b2b_interpreters.id and m.status <> 'cancelled')`,
    })
    .from(b2bInterpreters)
    .where(eq(b2bInterpreters.fairId, fairId))
    .orderBy(b2bInterpreters.name, b2bInterpreters.id);
}

export async function findInterpreter(db: Executor, fairId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(b2bInterpreters)
    .where(and(eq(b2bInterpreters.fairId, fairId), eq(b2bInterpreters.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function saveInterpreter(
  db: Executor,
  id: string | undefined,
  row: typeof b2bInterpreters.$inferInsert,
): Promise<string> {
  if (!id) {
    const [created] = await db.insert(b2bInterpreters).values(row).returning({ id: b2bInterpreters.id });
    return created!.id;
  }
  await db.update(b2bInterpreters).set(row).where(eq(b2bInterpreters.id, id));
  return id;
}

/** Live meetings the interpreter has, other than the one being placed. */
export async function interpreterLoad(db: Executor, interpreterId: string, exceptMeetingId: string | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(b2bMeetings)
    .where(
      and(
        eq(b2bMeetings.interpreterId, interpreterId),
        ne(b2bMeetings.status, 'cancelled'),
        exceptMeetingId ? ne(b2bMeetings.id, exceptMeetingId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

// ---- Pre-matches ----

const buyerProfile = alias(b2bProfiles, 'bp');
const sellerProfile = alias(b2bProfiles, 'sp');
const buyerOrg = alias(organisations, 'bo');
const sellerOrg = alias(organisations, 'so');

export async function prematchesOf(db: Executor, fairId: string, id?: string) {
  return db
    .select({
      prematch: b2bPrematches,
      buyerName: buyerOrg.name,
      sellerName: sellerOrg.name,
      meetingId: sql<string | null>`(select m.id from b2b_meetings m where m.prematch_id = b2b_prematches.id
        and m.status <> 'cancelled' limit 1)`,
    })
    .from(b2bPrematches)
    .innerJoin(buyerProfile, eq(buyerProfile.id, b2bPrematches.buyerProfileId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, buyerProfile.organisationId))
    .innerJoin(sellerProfile, eq(sellerProfile.id, b2bPrematches.sellerProfileId))
    .innerJoin(sellerOrg, eq(sellerOrg.id, sellerProfile.organisationId))
    .where(and(eq(b2bPrematches.fairId, fairId), id ? eq(b2bPrematches.id, id) : undefined))
    .orderBy(b2bPrematches.createdAt, b2bPrematches.id);
}

export async function insertPrematch(db: Executor, row: typeof b2bPrematches.$inferInsert): Promise<string> {
  const [created] = await db.insert(b2bPrematches).values(row).returning({ id: b2bPrematches.id });
  return created!.id;
}

export async function lockPrematch(db: Executor, fairId: string, id: string) {
  const [row] = await db
    .select()
    .from(b2bPrematches)
    .where(and(eq(b2bPrematches.fairId, fairId), eq(b2bPrematches.id, id)))
    .for('update');
  return row;
}

export async function decidePrematch(
  db: Executor,
  id: string,
  status: 'approved' | 'rejected' | 'forced',
  at: Date,
) {
  await db.update(b2bPrematches).set({ status, decidedAt: at }).where(eq(b2bPrematches.id, id));
}

// ---- Meetings ----

/** The fair's meetings (or one); with partnerId, only those one of the partner's profiles is in. */
export async function meetingsOf(db: Executor, fairId: string, id?: string, partnerId?: string) {
  return db
    .select({
      meeting: b2bMeetings,
      buyerName: buyerOrg.name,
      sellerName: sellerOrg.name,
      buyerOrganisationId: buyerProfile.organisationId,
      sellerOrganisationId: sellerProfile.organisationId,
      buyerPartnerId: buyerProfile.partnerId,
      sellerPartnerId: sellerProfile.partnerId,
      slotIndex: b2bSlots.index,
      startsAt: b2bSlots.startsAt,
      tableName: b2bTables.name,
      tablePosition: b2bTables.position,
      interpreterName: b2bInterpreters.name,
      stage: b2bOutcomes.stage,
    })
    .from(b2bMeetings)
    .innerJoin(buyerProfile, eq(buyerProfile.id, b2bMeetings.buyerProfileId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, buyerProfile.organisationId))
    .innerJoin(sellerProfile, eq(sellerProfile.id, b2bMeetings.sellerProfileId))
    .innerJoin(sellerOrg, eq(sellerOrg.id, sellerProfile.organisationId))
    .innerJoin(b2bSlots, eq(b2bSlots.id, b2bMeetings.slotId))
    .innerJoin(b2bTables, eq(b2bTables.id, b2bMeetings.tableId))
    .leftJoin(b2bInterpreters, eq(b2bInterpreters.id, b2bMeetings.interpreterId))
    .leftJoin(b2bOutcomes, eq(b2bOutcomes.meetingId, b2bMeetings.id))
    .where(
      and(
        eq(b2bMeetings.fairId, fairId),
        id ? eq(b2bMeetings.id, id) : undefined,
        partnerId
          ? or(eq(buyerProfile.partnerId, partnerId), eq(sellerProfile.partnerId, partnerId))
          : undefined,
      ),
    )
    .orderBy(b2bSlots.index, b2bTables.position, b2bMeetings.id);
}
export type MeetingView = Awaited<ReturnType<typeof meetingsOf>>[number];

export async function lockMeeting(db: Executor, fairId: string, id: string) {
  const [row] = await db
    .select()
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.fairId, fairId), eq(b2bMeetings.id, id)))
    .for('update');
  return row;
}

export async function findSlot(db: Executor, fairId: string, id: string) {
  const [row] = await db
    .select()
    .from(b2bSlots)
    .where(and(eq(b2bSlots.fairId, fairId), eq(b2bSlots.id, id)));
  return row;
}

export async function findTable(db: Executor, fairId: string, id: string) {
  const [row] = await db
    .select()
    .from(b2bTables)
    .where(and(eq(b2bTables.fairId, fairId), eq(b2bTables.id, id)));
  return row;
}

/** Who already holds the slot: the table, either company or the interpreter (other than this meeting). */
export async function slotHolders(
  db: Executor,
  p: {
    slotId: string;
    tableId: string;
    buyerProfileId: string;
    sellerProfileId: string;
    interpreterId: string | null;
    exceptMeetingId: string | null;
  },
) {
  return db
    .select({
      tableId: b2bMeetings.tableId,
      buyerProfileId: b2bMeetings.buyerProfileId,
      sellerProfileId: b2bMeetings.sellerProfileId,
      interpreterId: b2bMeetings.interpreterId,
    })
    .from(b2bMeetings)
    .where(
      and(
        eq(b2bMeetings.slotId, p.slotId),
        ne(b2bMeetings.status, 'cancelled'),
        p.exceptMeetingId ? ne(b2bMeetings.id, p.exceptMeetingId) : undefined,
        sql`(${b2bMeetings.tableId} = ${p.tableId} or ${b2bMeetings.buyerProfileId} = ${p.buyerProfileId}
          or ${b2bMeetings.sellerProfileId} = ${p.sellerProfileId}
          or (${p.interpreterId}::uuid is not null and ${b2bMeetings.interpreterId} = ${p.interpreterId}::uuid))`,
      ),
    );
}

export async function insertMeeting(db: Executor, row: typeof b2bMeetings.$inferInsert): Promise<string> {
  const [created] = await db.insert(b2bMeetings).values(row).returning({ id: b2bMeetings.id });
  return created!.id;
}

export async function updateMeeting(
  db: Executor,
  id: string,
  patch: Partial<typeof b2bMeetings.$inferInsert>,
) {
  await db.update(b2bMeetings).set(patch).where(eq(b2bMeetings.id, id));
}

export async function upsertOutcome(db: Executor, row: typeof b2bOutcomes.$inferInsert) {
  const { meetingId: _m, ...rest } = row;
  await db.insert(b2bOutcomes).values(row).onConflictDoUpdate({ target: b2bOutcomes.meetingId, set: rest });
}

// ---- Rates ----

export async function ratesOf(db: Executor, fairId: string) {
  return db
    .select({ currency: b2bRates.currency, usdPerUnit: b2bRates.usdPerUnit })
    .from(b2bRates)
    .where(eq(b2bRates.fairId, fairId))
    .orderBy(b2bRates.currency);
}

export async function upsertRates(
  db: Executor,
  fairId: string,
  rates: ReadonlyArray<{ currency: string; usdPerUnit: string }>,
) {
  if (!rates.length) return;
  await db
    .insert(b2bRates)
    .values(rates.map((r) => ({ fairId, ...r })))
    .onConflictDoUpdate({
      target: [b2bRates.fairId, b2bRates.currency],
      set: { usdPerUnit: sql`excluded.usd_per_unit` },
    });
}

export const fairsTable = b2bFairs;
export const fairIs = (id: string) => eq(b2bFairs.id, id);

/** Every meeting of the fair with its outcome, for the dashboard. */
export async function meetingsWithOutcomes(db: Executor, fairId: string) {
  return db
    .select({
      id: b2bMeetings.id,
      status: b2bMeetings.status,
      buyerProfileId: b2bMeetings.buyerProfileId,
      sellerProfileId: b2bMeetings.sellerProfileId,
      stage: b2bOutcomes.stage,
      estimatedValue: b2bOutcomes.estimatedValue,
      currency: b2bOutcomes.currency,
      signedAmount: b2bOutcomes.signedAmount,
      signedOn: b2bOutcomes.signedOn,
    })
    .from(b2bMeetings)
    .leftJoin(b2bOutcomes, eq(b2bOutcomes.meetingId, b2bMeetings.id))
    .where(eq(b2bMeetings.fairId, fairId))
    .orderBy(b2bMeetings.id);
}

export async function findOutcome(db: Executor, meetingId: string) {
  const [row] = await db.select().from(b2bOutcomes).where(eq(b2bOutcomes.meetingId, meetingId));
  return row;
}
