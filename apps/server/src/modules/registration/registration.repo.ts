import { getTableColumns } from 'drizzle-orm';
import { and, asc, eq, inArray, isNull, lt, or, schema, sql, type Executor } from '@plenary/db';
import { registrantColumns, type Registrant } from '../people/people.repo';

/**
 * The SQL of a registration's life (status changes, waiting lists, option
 * seats), kept out of the services. Placement and the capacity counts have
 * their own files (placement*.ts, capacity.ts).
 */
const {
  events,
  registrationSettings,
  registrationCategories: categories,
  registrationOptions: options,
  invitationCodes,
  registrations,
  registrationChoices,
  visaLetterRequests,
  persons,
} = schema;

/** A registration with its person's fields, as the registration row carried them before people. */
export type RegistrationRow = typeof registrations.$inferSelect & Registrant;
export type RegistrationPatch = Partial<Omit<typeof registrations.$inferSelect, 'id' | 'eventId' | 'createdAt'>>;

/** A registration joined to its person; row locks (`for update of registrations`) stay on the registration. */
function selectRegistrations(db: Executor) {
  return db
    .select({ ...getTableColumns(registrations), ...registrantColumns })
    .from(registrations)
    .innerJoin(persons, eq(persons.id, registrations.personId));
}

/** Reads a registration without a lock (to learn which limits to lock first). */
export async function findRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await selectRegistrations(db).where(eq(registrations.id, id));
  return row;
}

/** Locks a registration's row. Take the limits' advisory locks before this, never after (locks.ts). */
export async function lockRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await selectRegistrations(db)
    .where(eq(registrations.id, id))
    .for('update', { of: registrations });
  return row;
}

/** Locks several rows of one event in id order, the one order every path takes row locks in. */
export async function lockRegistrations(
  db: Executor,
  eventId: string,
  ids: string[],
): Promise<RegistrationRow[]> {
  if (!ids.length) return [];
  return selectRegistrations(db)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.id, ids)))
    .orderBy(asc(registrations.id))
    .for('update', { of: registrations });
}

/**
 * Writes a registration's columns if it is still in the status the caller saw
 * (undefined when it moved meanwhile).
 */
export async function updateRegistration(
  db: Executor,
  id: string,
  fromStatus: RegistrationRow['status'] | null,
  patch: RegistrationPatch,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .update(registrations)
    .set(patch)
    .from(persons)
    .where(
      and(
        eq(registrations.id, id),
        eq(persons.id, registrations.personId),
        fromStatus ? eq(registrations.status, fromStatus) : undefined,
      ),
    )
    .returning({ ...getTableColumns(registrations), ...registrantColumns });
  return row;
}

export async function findEvent(db: Executor, eventId: string) {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  return row;
}

export async function findVisaLetterStatus(db: Executor, registrationId: string) {
  const [row] = await db
    .select({ status: visaLetterRequests.status, decisionReason: visaLetterRequests.decisionReason })
    .from(visaLetterRequests)
    .where(eq(visaLetterRequests.registrationId, registrationId));
  return row;
}

export async function eventTitle(db: Executor, eventId: string) {
  const [row] = await db.select({ title: events.title }).from(events).where(eq(events.id, eventId));
  return row?.title ?? {};
}

export async function findSettings(db: Executor, eventId: string) {
  const [row] = await db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId));
  return row;
}

/** A category's new limit; the caller holds the whole event's locks (capacity/locks.ts). */
export async function raiseCategoryLimit(db: Executor, categoryId: string, capacity: number, now: Date) {
  await db.update(categories).set({ capacity, updatedAt: now }).where(eq(categories.id, categoryId));
}

export async function categoryRequiresApproval(db: Executor, categoryId: string): Promise<boolean> {
  const [row] = await db
    .select({ requiresApproval: categories.requiresApproval })
    .from(categories)
    .where(eq(categories.id, categoryId));
  return row?.requiresApproval ?? false;
}

/** Every limited object of an event: what a change that hands places on must lock. */
export async function limitedObjectsOf(db: Executor, eventId: string) {
  const [cats, codes, opts] = await Promise.all([
    db.select({ id: categories.id }).from(categories).where(eq(categories.eventId, eventId)),
    db.select({ id: invitationCodes.id }).from(invitationCodes).where(eq(invitationCodes.eventId, eventId)),
    db.select({ id: options.id }).from(options).where(eq(options.eventId, eventId)),
  ]);
  return { categoryIds: cats.map((c) => c.id), codeIds: codes.map((c) => c.id), optionIds: opts.map((o) => o.id) };
}

export async function optionLimits(db: Executor, eventId: string) {
  return db
    .select({ id: options.id, capacity: options.capacity })
    .from(options)
    .where(eq(options.eventId, eventId));
}

/**
 * A page of an event's waiting list in the given categories, in list order,
 * after the cursor: promotion reads page after page, so no category starves
 * behind a long list in another.
 */
export async function waitingPage(
  db: Executor,
  eventId: string,
  categoryIds: string[],
  after: { rank: number; id: string } | null,
  limit: number,
) {
  if (!categoryIds.length) return [];
  // A row without a rank (none is written so, but the column allows it) goes last, and the cursor can pass it.
  const rank = sql<number>`coalesce(${registrations.waitlistRank}, ${LAST_RANK})`;
  const rows = await db
    .select({
      id: registrations.id,
      categoryId: registrations.categoryId,
      invitationCodeId: registrations.invitationCodeId,
      rank,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, 'waitlisted'),
        inArray(registrations.categoryId, categoryIds),
        after ? sql`(${rank}, ${registrations.id}) > (${after.rank}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(rank), asc(registrations.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

/** Above every rank written (microseconds since 1970 until about 2255), within a safe integer. */
const LAST_RANK = Number.MAX_SAFE_INTEGER;

/**
 * What makes a place lapse: an offer past its deadline, a fee not paid by its
 * deadline, a portal address never confirmed in time.
 */
function lapsed(now: Date, unverifiedBefore: Date) {
  // A checked-in registration never lapses: the person came (transitions.ts refuses the move).
  return and(isNull(registrations.checkedInAt), lapsedPlace(now, unverifiedBefore));
}

function lapsedPlace(now: Date, unverifiedBefore: Date) {
  return or(
    and(eq(registrations.status, 'offered'), sql`${registrations.offerExpiresAt} <= ${now.toISOString()}`),
    and(eq(registrations.status, 'awaiting_payment'), sql`${registrations.paymentDueAt} <= ${now.toISOString()}`),
    and(
      inArray(registrations.status, ['pending', 'confirmed', 'waitlisted', 'awaiting_payment']),
      eq(registrations.source, 'portal'),
      isNull(registrations.emailVerifiedAt),
      lt(registrations.createdAt, unverifiedBefore),
    ),
  );
}

/** Events with a lapsed place, read without locks (the rows are re-checked under theirs). */
export async function eventsWithLapsedPlaces(
  db: Executor,
  now: Date,
  unverifiedBefore: Date,
  eventIds?: string[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eventIds ? inArray(registrations.eventId, eventIds) : undefined, lapsed(now, unverifiedBefore)));
  return rows.map((r) => r.eventId);
}

/**
 * Locks an event's lapsed registrations, in id order. PostgreSQL evaluates the
 * condition again on a row it had to wait for, so one that was verified or
 * accepted meanwhile is left out.
 */
export async function lockLapsedPlaces(
  db: Executor,
  eventId: string,
  now: Date,
  unverifiedBefore: Date,
  limit: number,
): Promise<RegistrationRow[]> {
  return selectRegistrations(db)
    .where(and(eq(registrations.eventId, eventId), lapsed(now, unverifiedBefore)))
    .orderBy(asc(registrations.id))
    .limit(limit)
    .for('update', { of: registrations });
}

export async function choicesOf(db: Executor, registrationId: string) {
  return db.select().from(registrationChoices).where(eq(registrationChoices.registrationId, registrationId));
}

export async function deleteChoice(db: Executor, registrationId: string, optionId: string): Promise<void> {
  await db
    .delete(registrationChoices)
    .where(and(eq(registrationChoices.registrationId, registrationId), eq(registrationChoices.optionId, optionId)));
}

export async function insertChoice(
  db: Executor,
  choice: { registrationId: string; optionId: string; status: 'booked' | 'waitlisted'; waitlistRank: number | null },
): Promise<void> {
  await db.insert(registrationChoices).values(choice);
}

/** An option's waiting list: how many wait and the last rank on it. */
export async function optionWaitingList(db: Executor, optionId: string) {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${registrations.status} not in ('cancelled','rejected'))::int`,
      lastRank: sql<number | null>`max(${registrationChoices.waitlistRank})`,
    })
    .from(registrationChoices)
    .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
    .where(and(eq(registrationChoices.optionId, optionId), eq(registrationChoices.status, 'waitlisted')));
  return { waiting: Number(row?.waiting ?? 0), lastRank: Number(row?.lastRank ?? 0) };
}

/** Registrations holding a place and waiting for a seat of this option, in list order. */
export async function waitingForSeat(db: Executor, optionId: string, limit: number) {
  return db
    .select({ registrationId: registrationChoices.registrationId })
    .from(registrationChoices)
    .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
    .where(
      and(
        eq(registrationChoices.optionId, optionId),
        eq(registrationChoices.status, 'waitlisted'),
        inArray(registrations.status, ['pending', 'confirmed', 'awaiting_payment']),
      ),
    )
    .orderBy(asc(registrationChoices.waitlistRank), asc(registrationChoices.registrationId))
    .limit(limit);
}

export async function bookSeat(db: Executor, registrationId: string, optionId: string): Promise<void> {
  await db
    .update(registrationChoices)
    .set({ status: 'booked', waitlistRank: null })
    .where(and(eq(registrationChoices.registrationId, registrationId), eq(registrationChoices.optionId, optionId)));
}
