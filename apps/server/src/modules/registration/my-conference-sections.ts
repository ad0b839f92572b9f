import { and, count, desc, eq, schema, sql } from '@plenary/db';
import type { ConferenceSectionProvider } from '../accounts/conference-sections';

const { registrations, registrationCategories, delegations } = schema;

/** Live registrations first, then the newest: a cancelled one shows only when nothing else is left. */
const liveFirst = sql`case when ${registrations.status} in ('cancelled','rejected') then 1 else 0 end`;

/** My conference: the person's registration at the event, with its status and QR ticket. */
export const registrationSection: ConferenceSectionProvider<'registration'> = {
  kind: 'registration',
  async section(db, personId, eventId) {
    const [row] = await db
      .select({
        id: registrations.id,
        reference: registrations.reference,
        status: registrations.status,
        label: registrationCategories.label,
        ticketCode: registrations.ticketCode,
      })
      .from(registrations)
      .innerJoin(registrationCategories, eq(registrationCategories.id, registrations.categoryId))
      .where(and(eq(registrations.personId, personId), eq(registrations.eventId, eventId)))
      .orderBy(liveFirst, desc(registrations.createdAt))
      .limit(1);
    if (!row) return null;
    return {
      kind: 'registration',
      registrationId: row.id,
      reference: row.reference,
      status: row.status,
      category: row.label,
      // As on the registration's own page: the ticket exists once the place is confirmed.
      ticketCode: row.status === 'confirmed' ? row.ticketCode : null,
    };
  },
  async eventIds(db, personId) {
    const rows = await db
      .selectDistinct({ eventId: registrations.eventId })
      .from(registrations)
      .where(eq(registrations.personId, personId));
    return rows.map((r) => r.eventId);
  },
};

/**
 * My conference: the delegations the person is the contact of (a delegation points to its
 * contact's person).
 */
export const delegationSection: ConferenceSectionProvider<'delegation'> = {
  kind: 'delegation',
  async section(db, personId, eventId) {
    const rows = await db
      .select({
        id: delegations.id,
        name: delegations.name,
        members: count(registrations.id),
        confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')`.mapWith(Number),
      })
      .from(delegations)
      .leftJoin(registrations, eq(registrations.delegationId, delegations.id))
      .where(and(eq(delegations.contactPersonId, personId), eq(delegations.eventId, eventId)))
      .groupBy(delegations.id, delegations.name, delegations.createdAt)
      .orderBy(delegations.createdAt);
    if (rows.length === 0) return null;
    return { kind: 'delegation', delegations: rows };
  },
  async eventIds(db, personId) {
    const rows = await db
      .selectDistinct({ eventId: delegations.eventId })
      .from(delegations)
      .where(eq(delegations.contactPersonId, personId));
    return rows.map((r) => r.eventId);
  },
};
