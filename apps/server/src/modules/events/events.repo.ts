import { and, asc, desc, eq, inArray, ne, schema, sql, type Executor } from '@plenary/db';
import type { EventStatus } from '@plenary/db/schema';

const { events, eventMembers } = schema;
export type EventRow = typeof events.$inferSelect;

export async function insertEvent(db: Executor, row: typeof events.$inferInsert): Promise<EventRow> {
  const [created] = await db.insert(events).values(row).returning();
  if (!created) throw new Error('event insert returned nothing');
  return created;
}

export async function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/** Locks the event row for a read-modify-write (update, transition). */
export async function findEventForUpdate(db: Executor, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).for('update');
  return row;
}

export async function updateEvent(db: Executor, id: string, patch: Partial<typeof events.$inferInsert>): Promise<EventRow> {
  const [row] = await db
    .update(events)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(events.id, id))
    .returning();
  if (!row) throw new Error('event update returned nothing');
  return row;
}

export async function listEvents(
  db: Executor,
  f: { memberUserId: string | null; status?: EventStatus | undefined; includeArchived: boolean },
): Promise<EventRow[]> {
  const conditions = [];
  if (f.status) conditions.push(eq(events.status, f.status));
  else if (!f.includeArchived) conditions.push(ne(events.status, 'archived'));
  if (f.memberUserId) {
    const mine = db.select({ id: eventMembers.eventId }).from(eventMembers).where(eq(eventMembers.userId, f.memberUserId));
    conditions.push(inArray(events.id, mine));
  }
  return db
    .select()
    .from(events)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(events.startsAt));
}

export async function listPublishedEvents(db: Executor): Promise<EventRow[]> {
  return db.select().from(events).where(eq(events.status, 'published')).orderBy(asc(events.startsAt));
}

/** An event's public page: published, or closed (off the list, but a shared link still shows it). */
export async function findPublishedEventBySlug(db: Executor, slug: string): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, ['published', 'closed'])));
  return row;
}
