import { and, count, eq, gt, isNotNull, isNull, ne, schema, sql, type Executor } from '@plenary/db';
import type { EventRole } from '@plenary/db/schema';

const { events, eventMembers, eventInvitations, users } = schema;

export async function insertMember(db: Executor, row: typeof eventMembers.$inferInsert): Promise<void> {
  await db.insert(eventMembers).values(row);
}

/** The user's role in the event (null if not on the team), or undefined when the event does not exist. */
export async function findEventStanding(db: Executor, eventId: string, userId: string) {
  const [row] = await db
    .select({ role: eventMembers.role, requireTwoFactor: events.requireTwoFactor })
    .from(events)
    .leftJoin(eventMembers, and(eq(eventMembers.eventId, events.id), eq(eventMembers.userId, userId)))
    .where(eq(events.id, eventId));
  return row;
}

/**
 * The events a user can switch to: their teams, or every unarchived event for a
 * platform admin. The first is where the console opens when no event was opened before.
 */
export async function findMembershipsOfUser(db: Executor, userId: string, isPlatformAdmin: boolean) {
  const rows = await db
    .select({
      eventId: events.id,
      slug: events.slug,
      title: events.title,
      role: eventMembers.role,
      requireTwoFactor: events.requireTwoFactor,
    })
    .from(events)
    .leftJoin(eventMembers, and(eq(eventMembers.eventId, events.id), eq(eventMembers.userId, userId)))
    .where(isPlatformAdmin ? ne(events.status, 'archived') : sql`${eventMembers.userId} is not null`)
    // Published editions first (the one being run), then drafts and closed ones; newest first within each.
    .orderBy(sql`(${events.status} = 'published') desc`, sql`${events.startsAt} desc`);
  return rows.map((r) => ({ ...r, role: r.role ?? null }));
}

export async function listMembers(db: Executor, eventId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: eventMembers.role,
      totpEnabledAt: users.totpEnabledAt,
      joinedAt: eventMembers.createdAt,
    })
    .from(eventMembers)
    .innerJoin(users, eq(users.id, eventMembers.userId))
    .where(eq(eventMembers.eventId, eventId))
    .orderBy(users.displayName);
}

export async function findMemberForUpdate(db: Executor, eventId: string, userId: string) {
  const [row] = await db
    .select({ role: eventMembers.role })
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)))
    .for('update');
  return row;
}

/** Owners of the event, counted under a lock so two demotions cannot both pass the "last owner" check. */
export async function countOwnersForUpdate(db: Executor, eventId: string): Promise<number> {
  const rows = await db
    .select({ userId: eventMembers.userId })
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.role, 'owner')))
    .for('update');
  return rows.length;
}

export async function setMemberRole(db: Executor, eventId: string, userId: string, role: EventRole): Promise<void> {
  await db
    .update(eventMembers)
    .set({ role })
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)));
}

export async function deleteMember(db: Executor, eventId: string, userId: string): Promise<void> {
  await db.delete(eventMembers).where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)));
}

export async function insertInvitation(db: Executor, row: typeof eventInvitations.$inferInsert) {
  const [created] = await db.insert(eventInvitations).values(row).returning();
  if (!created) throw new Error('invitation insert returned nothing');
  return created;
}

export async function listOpenInvitations(db: Executor, eventId: string, now: Date) {
  return db
    .select({
      id: eventInvitations.id,
      email: eventInvitations.email,
      role: eventInvitations.role,
      invitedBy: users.email,
      expiresAt: eventInvitations.expiresAt,
      createdAt: eventInvitations.createdAt,
    })
    .from(eventInvitations)
    .leftJoin(users, eq(users.id, eventInvitations.invitedBy))
    .where(
      and(
        eq(eventInvitations.eventId, eventId),
        isNull(eventInvitations.acceptedAt),
        isNull(eventInvitations.revokedAt),
        gt(eventInvitations.expiresAt, now),
      ),
    )
    .orderBy(eventInvitations.createdAt);
}

export async function revokeInvitation(db: Executor, eventId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(eventInvitations)
    .set({ revokedAt: now })
    .where(and(eq(eventInvitations.id, id), eq(eventInvitations.eventId, eventId), isNull(eventInvitations.acceptedAt)))
    .returning({ id: eventInvitations.id });
  return rows.length > 0;
}

/** A live invitation by its token's hash, with the event's title. */
export async function findLiveInvitation(db: Executor, tokenHash: string, now: Date, options: { lock?: boolean } = {}) {
  const q = db
    .select({
      id: eventInvitations.id,
      eventId: eventInvitations.eventId,
      email: eventInvitations.email,
      role: eventInvitations.role,
      eventTitle: events.title,
    })
    .from(eventInvitations)
    .innerJoin(events, eq(events.id, eventInvitations.eventId))
    .where(
      and(
        eq(eventInvitations.tokenHash, tokenHash),
        isNull(eventInvitations.acceptedAt),
        isNull(eventInvitations.revokedAt),
        gt(eventInvitations.expiresAt, now),
      ),
    );
  const [row] = options.lock ? await q.for('update', { of: eventInvitations }) : await q;
  return row;
}

export async function markInvitationAccepted(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(eventInvitations).set({ acceptedAt: now }).where(eq(eventInvitations.id, id));
}

/**
 * The language the team works in: the one most of its members chose (a tie or nobody
 * having chosen gives null, and the caller falls back to the event's own language).
 */
export async function findTeamLocale(db: Executor, eventId: string): Promise<'ko' | 'en' | null> {
  const rows = await db
    .select({ locale: users.locale, n: count() })
    .from(eventMembers)
    .innerJoin(users, eq(users.id, eventMembers.userId))
    .where(and(eq(eventMembers.eventId, eventId), isNotNull(users.locale)))
    .groupBy(users.locale);
  const ko = Number(rows.find((r) => r.locale === 'ko')?.n ?? 0);
  const en = Number(rows.find((r) => r.locale === 'en')?.n ?? 0);
  return ko > en ? 'ko' : en > ko ? 'en' : null;
}
