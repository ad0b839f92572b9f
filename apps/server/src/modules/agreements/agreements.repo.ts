import { and, asc, desc, eq, inArray, schema, sql, type Executor } from '@plenary/db';
import type { AgreementClause } from '@plenary/db/schema';

const {
  agreements,
  agreementVersions,
  agreementParties,
  agreementSignatories,
  agreementComments,
  agreementActions,
  declarationEndorsements,
  organisations,
  persons,
  users,
  events,
} = schema;

export type AgreementRow = typeof agreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;

export async function insertAgreement(db: Executor, row: typeof agreements.$inferInsert): Promise<AgreementRow> {
  const [created] = await db.insert(agreements).values(row).returning();
  if (!created) throw new Error('agreement insert returned nothing');
  return created;
}

/** The agreement of this event (null: missing or another event's: the same to the caller). */
export async function findAgreement(
  db: Executor,
  eventId: string,
  id: string,
  forUpdate = false,
): Promise<AgreementRow | undefined> {
  const q = db
    .select()
    .from(agreements)
    .where(and(eq(agreements.eventId, eventId), eq(agreements.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateAgreement(
  db: Executor,
  id: string,
  patch: Partial<typeof agreements.$inferInsert>,
): Promise<AgreementRow> {
  const [row] = await db
    .update(agreements)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(agreements.id, id))
    .returning();
  if (!row) throw new Error('agreement update returned nothing');
  return row;
}

export async function listAgreements(
  db: Executor,
  f: { eventId: string; kind?: string | undefined; status?: string | undefined },
): Promise<AgreementRow[]> {
  const conditions = [eq(agreements.eventId, f.eventId)];
  if (f.kind) conditions.push(eq(agreements.kind, f.kind as AgreementRow['kind']));
  if (f.status) conditions.push(eq(agreements.status, f.status as AgreementRow['status']));
  return db
    .select()
    .from(agreements)
    .where(and(...conditions))
    .orderBy(desc(agreements.updatedAt), asc(agreements.id));
}

export async function findRenewalOf(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.renewalOfId, id));
  return row?.id ?? null;
}

// ---- Versions ----

export async function latestVersion(db: Executor, agreementId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(desc(agreementVersions.number))
    .limit(1);
  return row;
}

export async function latestNumbers(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: agreementVersions.agreementId, n: sql<number>`max(${agreementVersions.number})::int` })
    .from(agreementVersions)
    .where(inArray(agreementVersions.agreementId, [...ids]))
    .groupBy(agreementVersions.agreementId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function findVersion(db: Executor, agreementId: string, number: number): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number)));
  return row;
}

export async function findVersionById(db: Executor, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(agreementVersions).where(eq(agreementVersions.id, id));
  return row;
}

export async function listVersions(db: Executor, agreementId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(desc(agreementVersions.number));
}

export async function insertVersion(
  db: Executor,
  row: {
    agreementId: string;
    number: number;
    clauses: AgreementClause[];
    sha256: string;
    createdByUserId: string | null;
    createdByName: string;
    createdAt: Date;
  },
): Promise<VersionRow> {
  const [created] = await db.insert(agreementVersions).values(row).returning();
  if (!created) throw new Error('version insert returned nothing');
  return created;
}

// ---- Parties and signatories ----

export interface PartyRow {
  id: string;
  agreementId: string;
  organisationId: string;
  position: number;
  name: { ko?: string; en?: string };
  country: string | null;
}

export async function partiesOf(db: Executor, agreementIds: readonly string[]): Promise<PartyRow[]> {
  if (!agreementIds.length) return [];
  return db
    .select({
      id: agreementParties.id,
      agreementId: agreementParties.agreementId,
      organisationId: agreementParties.organisationId,
      position: agreementParties.position,
      name: organisations.name,
      country: organisations.country,
    })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(inArray(agreementParties.agreementId, [...agreementIds]))
    .orderBy(asc(agreementParties.agreementId), asc(agreementParties.position));
}

export async function signatoriesOf(db: Executor, partyIds: readonly string[]) {
  if (!partyIds.length) return [];
  return db
    .select({
      id: agreementSignatories.id,
      partyId: agreementSignatories.partyId,
      personId: agreementSignatories.personId,
      role: agreementSignatories.role,
      title: agreementSignatories.title,
      onBehalfOf: agreementSignatories.onBehalfOf,
      givenName: persons.givenName,
      familyName: persons.familyName,
      localName: persons.localName,
      email: persons.email,
    })
    .from(agreementSignatories)
    .innerJoin(persons, eq(persons.id, agreementSignatories.personId))
    .where(inArray(agreementSignatories.partyId, [...partyIds]))
    .orderBy(asc(agreementSignatories.partyId), asc(agreementSignatories.position));
}

export async function deleteParties(db: Executor, agreementId: string): Promise<void> {
  await db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
}

export async function insertParty(
  db: Executor,
  row: { agreementId: string; organisationId: string; position: number },
): Promise<string> {
  const [created] = await db.insert(agreementParties).values(row).returning({ id: agreementParties.id });
  if (!created) throw new Error('party insert returned nothing');
  return created.id;
}

export async function insertSignatories(db: Executor, rows: Array<typeof agreementSignatories.$inferInsert>) {
  if (rows.length) await db.insert(agreementSignatories).values(rows);
}

export async function existingOrganisations(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export async function searchOrganisations(db: Executor, search: string, limit: number) {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(
      and(
        sql`${organisations.mergedInto} is null`,
        search
          ? sql`(${organisations.name}->>'en' ilike ${like} or ${organisations.name}->>'ko' ilike ${like})`
          : undefined,
      ),
    )
    .orderBy(sql`coalesce(${organisations.name}->>'en', ${organisations.name}->>'ko')`)
    .limit(limit);
}

// ---- Comments, actions ----

export async function listComments(db: Executor, agreementId: string) {
  return db
    .select()
    .from(agreementComments)
    .where(eq(agreementComments.agreementId, agreementId))
    .orderBy(asc(agreementComments.createdAt), asc(agreementComments.id));
}

export async function insertComment(db: Executor, row: typeof agreementComments.$inferInsert) {
  const [created] = await db.insert(agreementComments).values(row).returning();
  if (!created) throw new Error('comment insert returned nothing');
  return created;
}

export async function listActions(db: Executor, agreementId: string) {
  return db
    .select({
      id: agreementActions.id,
      title: agreementActions.title,
      ownerUserId: agreementActions.ownerUserId,
      ownerName: users.displayName,
      dueOn: agreementActions.dueOn,
      status: agreementActions.status,
    })
    .from(agreementActions)
    .innerJoin(users, eq(users.id, agreementActions.ownerUserId))
    .where(eq(agreementActions.agreementId, agreementId))
    .orderBy(asc(agreementActions.dueOn), asc(agreementActions.id));
}

export async function insertAction(db: Executor, row: typeof agreementActions.$inferInsert) {
  await db.insert(agreementActions).values(row);
}

export async function setActionStatus(
  db: Executor,
  agreementId: string,
  actionId: string,
  status: 'open' | 'done' | 'cancelled',
): Promise<boolean> {
  const rows = await db
    .update(agreementActions)
    .set({ status })
    .where(and(eq(agreementActions.agreementId, agreementId), eq(agreementActions.id, actionId)))
    .returning({ id: agreementActions.id });
  return rows.length === 1;
}

// ---- Endorsements ----

export async function listEndorsements(db: Executor, agreementId: string, onlyVerified: boolean) {
  return db
    .select({
      id: declarationEndorsements.id,
      organisationName: declarationEndorsements.organisationName,
      country: declarationEndorsements.country,
      title: declarationEndorsements.title,
      status: declarationEndorsements.status,
      createdAt: declarationEndorsements.createdAt,
      verifiedAt: declarationEndorsements.verifiedAt,
      personName: declarationEndorsements.personName,
    })
    .from(declarationEndorsements)
    .where(
      and(
        eq(declarationEndorsements.agreementId, agreementId),
        onlyVerified ? eq(declarationEndorsements.status, 'verified') : undefined,
      ),
    )
    .orderBy(asc(declarationEndorsements.createdAt), asc(declarationEndorsements.id));
}

export async function insertEndorsement(db: Executor, row: typeof declarationEndorsements.$inferInsert) {
  const [created] = await db
    .insert(declarationEndorsements)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: declarationEndorsements.id, status: declarationEndorsements.status });
  return created;
}

export async function decideEndorsement(
  db: Executor,
  agreementId: string,
  id: string,
  patch: { status: 'verified' | 'rejected'; verifiedByUserId: string; verifiedAt: Date },
) {
  const [row] = await db
    .update(declarationEndorsements)
    .set(patch)
    .where(and(eq(declarationEndorsements.agreementId, agreementId), eq(declarationEndorsements.id, id)))
    .returning({ id: declarationEndorsements.id });
  return row?.id ?? null;
}

// ---- Public ----

export async function findEventBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, ['published', 'closed'])));
  return row;
}

export async function listPublished(db: Executor, eventId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.eventId, eventId),
        eq(agreements.published, true),
        inArray(agreements.status, ['signed', 'in_effect', 'expired', 'terminated', 'renewed', 'adopted']),
      ),
    )
    .orderBy(asc(agreements.kind), asc(agreements.createdAt));
}

// ---- Reminders ----

/** In-effect agreements expiring on or before `until` whose owner has not been told of this expiry. */
export async function dueForExpiryReminder(db: Executor, until: string) {
  return db
    .select({
      id: agreements.id,
      eventId: agreements.eventId,
      title: agreements.title,
      expiresOn: agreements.expiresOn,
      ownerEmail: users.email,
      ownerLocale: users.locale,
    })
    .from(agreements)
    .innerJoin(users, eq(users.id, agreements.ownerUserId))
    .where(
      and(
        eq(agreements.status, 'in_effect'),
        sql`${agreements.expiresOn} is not null and ${agreements.expiresOn} <= ${until}`,
        sql`${agreements.expiryRemindedFor} is distinct from ${agreements.expiresOn}`,
      ),
    )
    .orderBy(asc(agreements.expiresOn), asc(agreements.id))
    .limit(500);
}

/** Claims the reminder for this expiry (false: another run has). */
export async function markExpiryReminded(db: Executor, id: string, expiresOn: string): Promise<boolean> {
  const rows = await db
    .update(agreements)
    .set({ expiryRemindedFor: expiresOn })
    .where(and(eq(agreements.id, id), sql`${agreements.expiryRemindedFor} is distinct from ${expiresOn}::date`))
    .returning({ id: agreements.id });
  return rows.length === 1;
}
