import { and, asc, desc, eq, inArray, isNull, schema, sql, type Executor } from '@plenary/db';

const { partners, apiKeys, events, eventPartners } = schema;
export type PartnerRow = typeof partners.$inferSelect;

export async function insertPartner(db: Executor, row: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [created] = await db.insert(partners).values(row).returning();
  if (!created) throw new Error('partner insert returned nothing');
  return created;
}

export async function listPartners(db: Executor): Promise<PartnerRow[]> {
  return db.select().from(partners).orderBy(asc(partners.name));
}

/** The partners linked to an event: the only ones its managers see and key. */
export async function listEventPartners(db: Executor, eventId: string): Promise<PartnerRow[]> {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      contactEmail: partners.contactEmail,
      organisationId: partners.organisationId,
      createdAt: partners.createdAt,
    })
    .from(partners)
    .innerJoin(eventPartners, eq(eventPartners.partnerId, partners.id))
    .where(eq(eventPartners.eventId, eventId))
    .orderBy(asc(partners.name));
}

export async function isLinked(db: Executor, eventId: string, partnerId: string): Promise<boolean> {
  const [row] = await db
    .select({ partnerId: eventPartners.partnerId })
    .from(eventPartners)
    .where(and(eq(eventPartners.eventId, eventId), eq(eventPartners.partnerId, partnerId)));
  return row !== undefined;
}

/** Event ids per partner, for the platform admin's list. */
export async function linkedEventIds(db: Executor, partnerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(partnerIds.map((id) => [id, []]));
  if (!partnerIds.length) return out;
  const rows = await db
    .select({ partnerId: eventPartners.partnerId, eventId: eventPartners.eventId })
    .from(eventPartners)
    .where(inArray(eventPartners.partnerId, partnerIds))
    .orderBy(asc(eventPartners.createdAt), asc(eventPartners.eventId));
  for (const r of rows) out.get(r.partnerId)?.push(r.eventId);
  return out;
}

export async function linkPartner(db: Executor, eventId: string, partnerId: string, at: Date): Promise<void> {
  await db.insert(eventPartners).values({ eventId, partnerId, createdAt: at }).onConflictDoNothing();
}

export async function unlinkPartner(db: Executor, eventId: string, partnerId: string): Promise<void> {
  await db
    .delete(eventPartners)
    .where(and(eq(eventPartners.eventId, eventId), eq(eventPartners.partnerId, partnerId)));
}

export async function updatePartner(
  db: Executor,
  id: string,
  set: { name: string; contactEmail: string | null },
): Promise<PartnerRow | undefined> {
  const [row] = await db.update(partners).set(set).where(eq(partners.id, id)).returning();
  return row;
}

/** Locks the partner row so two admins' link changes do not interleave. */
export async function findPartnerForUpdate(db: Executor, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id)).for('update');
  return row;
}

export async function existingEventIds(db: Executor, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: events.id }).from(events).where(inArray(events.id, ids));
  return rows.map((r) => r.id);
}

export async function findPartner(db: Executor, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  return row;
}

/** Names are unique regardless of case (partners_name_key). */
/** The partners with this name, any case (names are unique per event, not on the platform). */
export async function findPartnersByName(db: Executor, name: string): Promise<PartnerRow[]> {
  return db
    .select()
    .from(partners)
    .where(sql`lower(${partners.name}) = lower(${name})`)
    .orderBy(asc(partners.createdAt));
}

/**
 * Whether a partner other than exceptId has this name (any case): on the whole
 * platform, or among the partners linked to one event.
 */
export async function partnerNameTaken(
  db: Executor,
  name: string,
  scope: { eventId: string | null; exceptId?: string },
): Promise<boolean> {
  const sameName = sql`lower(${partners.name}) = lower(${name})`;
  const notSelf = scope.exceptId ? sql`${partners.id} <> ${scope.exceptId}` : sql`true`;
  const rows = scope.eventId
    ? await db
        .select({ id: partners.id })
        .from(partners)
        .innerJoin(eventPartners, eq(eventPartners.partnerId, partners.id))
        .where(and(eq(eventPartners.eventId, scope.eventId), sameName, notSelf))
        .limit(1)
    : await db.select({ id: partners.id }).from(partners).where(and(sameName, notSelf)).limit(1);
  return rows.length > 0;
}

/** Serialises the name checks of one name (the index is not unique), until the transaction ends. */
export async function lockPartnerName(db: Executor, name: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('partner-name:' || lower(${name})))`);
}

/** Ends the keys a partner holds for one event (it is being unlinked from it). */
export async function revokeEventKeys(db: Executor, eventId: string, partnerId: string, at: Date): Promise<string[]> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.eventId, eventId), eq(apiKeys.partnerId, partnerId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.map((r) => r.id);
}

const keyColumns = {
  id: apiKeys.id,
  partnerId: apiKeys.partnerId,
  partnerName: partners.name,
  eventId: apiKeys.eventId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  requestsPerMinute: apiKeys.requestsPerMinute,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};
export type ApiKeyRow = Awaited<ReturnType<typeof listEventKeys>>[number];

export async function insertApiKey(db: Executor, row: typeof apiKeys.$inferInsert): Promise<string> {
  const [created] = await db.insert(apiKeys).values(row).returning({ id: apiKeys.id });
  if (!created) throw new Error('api key insert returned nothing');
  return created.id;
}

export async function listEventKeys(db: Executor, eventId: string) {
  return db
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(partners, eq(partners.id, apiKeys.partnerId))
    .where(eq(apiKeys.eventId, eventId))
    .orderBy(desc(apiKeys.createdAt), asc(apiKeys.id));
}

export async function findKey(db: Executor, id: string) {
  const [row] = await db
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(partners, eq(partners.id, apiKeys.partnerId))
    .where(eq(apiKeys.id, id));
  return row;
}

/** The key of an event, locked for revoking. */
export async function findEventKeyForUpdate(db: Executor, eventId: string, id: string) {
  const [row] = await db
    .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.eventId, eventId)))
    .for('update');
  return row;
}

export async function revokeKey(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id));
}

/** What the access rule needs to resolve a presented key. */
export async function findKeyByPrefix(db: Executor, prefix: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      partnerId: apiKeys.partnerId,
      partnerName: partners.name,
      eventId: apiKeys.eventId,
      scopes: apiKeys.scopes,
      requestsPerMinute: apiKeys.requestsPerMinute,
      secretHash: apiKeys.secretHash,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(partners, eq(partners.id, apiKeys.partnerId))
    .where(eq(apiKeys.prefix, prefix));
  return row;
}

export async function touchKey(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

const eventColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  subtitle: events.subtitle,
  venueName: events.venueName,
  venueAddress: events.venueAddress,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  status: events.status,
};
export type PartnerEventRow = Awaited<ReturnType<typeof findEventById>>;

export async function findEventById(db: Executor, id: string) {
  const [row] = await db.select(eventColumns).from(events).where(eq(events.id, id));
  return row;
}

export async function findEventBySlug(db: Executor, slug: string) {
  const [row] = await db.select(eventColumns).from(events).where(eq(events.slug, slug));
  return row;
}

export async function listPublishedEvents(db: Executor) {
  return db
    .select(eventColumns)
    .from(events)
    .where(eq(events.status, 'published'))
    .orderBy(asc(events.startsAt));
}
