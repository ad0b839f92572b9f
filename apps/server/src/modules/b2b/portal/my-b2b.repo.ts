import { alias } from 'drizzle-orm/pg-core';
import { and, eq, inArray, or, schema, type Executor } from '@plenary/db';
import { visibleMeetingStatuses } from '@plenary/contracts';

const { b2bFairs, b2bSlots, b2bTables, b2bProfiles, b2bInterpreters, b2bMeetings, organisations, events } =
  schema;
const buyer = alias(b2bProfiles, 'buyer');
const seller = alias(b2bProfiles, 'seller');
const buyerOrg = alias(organisations, 'buyer_org');
const sellerOrg = alias(organisations, 'seller_org');

/**
 * Who is a company's contact at the fair: the person its B2B profile names
 * (contact_person_id, set by the coordinator or the company's own profile).
 * Not persons.organisation_id: that is whatever organisation a registrant typed,
 * so anyone naming a company at registration would read its meetings.
 */
const contactOf = (personId: string) =>
  or(eq(buyer.contactPersonId, personId), eq(seller.contactPersonId, personId));

/** Only what a company is shown: published, held, missed (not planned, not cancelled). */
const visible = inArray(b2bMeetings.status, [...visibleMeetingStatuses]);

/** The b2bMeeting object rule: the meeting exists, is visible, and the person is a contact of either side. */
export async function isContactsMeeting(db: Executor, personId: string, meetingId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: b2bMeetings.id })
    .from(b2bMeetings)
    .innerJoin(buyer, eq(buyer.id, b2bMeetings.buyerProfileId))
    .innerJoin(seller, eq(seller.id, b2bMeetings.sellerProfileId))
    .where(and(eq(b2bMeetings.id, meetingId), visible, contactOf(personId)))
    .limit(1);
  return row !== undefined;
}

/** The person's companies' visible meetings: of one event, or one meeting by id. */
export async function contactsMeetings(
  db: Executor,
  personId: string,
  where: { eventId: string } | { meetingId: string },
) {
  return db
    .select({
      id: b2bMeetings.id,
      status: b2bMeetings.status,
      eventId: b2bFairs.eventId,
      timeZone: events.timeZone,
      startsAt: b2bSlots.startsAt,
      endsAt: b2bSlots.endsAt,
      tableName: b2bTables.name,
      buyerContact: buyer.contactPersonId,
      buyerName: buyerOrg.name,
      buyerCountry: buyer.country,
      buyerLanguages: buyer.languages,
      sellerName: sellerOrg.name,
      sellerCountry: seller.country,
      sellerLanguages: seller.languages,
      interpreterPairs: b2bInterpreters.languagePairs,
    })
    .from(b2bMeetings)
    .innerJoin(b2bFairs, eq(b2bFairs.id, b2bMeetings.fairId))
    .innerJoin(events, eq(events.id, b2bFairs.eventId))
    .innerJoin(buyer, eq(buyer.id, b2bMeetings.buyerProfileId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, buyer.organisationId))
    .innerJoin(seller, eq(seller.id, b2bMeetings.sellerProfileId))
    .innerJoin(sellerOrg, eq(sellerOrg.id, seller.organisationId))
    .innerJoin(b2bSlots, eq(b2bSlots.id, b2bMeetings.slotId))
    .innerJoin(b2bTables, eq(b2bTables.id, b2bMeetings.tableId))
    .leftJoin(b2bInterpreters, eq(b2bInterpreters.id, b2bMeetings.interpreterId))
    .where(
      and(
        'eventId' in where ? eq(b2bFairs.eventId, where.eventId) : eq(b2bMeetings.id, where.meetingId),
        visible,
        contactOf(personId),
      ),
    )
    .orderBy(b2bSlots.startsAt, b2bTables.position, b2bMeetings.id);
}
export type ContactsMeetingRow = Awaited<ReturnType<typeof contactsMeetings>>[number];

/** The events where the person's companies have a visible meeting. */
export async function contactsEventIds(db: Executor, personId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ eventId: b2bFairs.eventId })
    .from(b2bMeetings)
    .innerJoin(b2bFairs, eq(b2bFairs.id, b2bMeetings.fairId))
    .innerJoin(buyer, eq(buyer.id, b2bMeetings.buyerProfileId))
    .innerJoin(seller, eq(seller.id, b2bMeetings.sellerProfileId))
    .where(and(visible, contactOf(personId)));
  return rows.map((r) => r.eventId);
}
