import { and, asc, eq, ilike, isNull, or, schema, sql, type Executor } from '@plenary/db';
import type { Letterhead } from '@plenary/db/schema';
import { selectRows } from '../../core/sql';
import { registrantColumns } from '../people/people.repo';

const { registrations: r, registrationCategories: c, events: e, registrationSettings: rs, persons: p } = schema;

/** What the desk and the documents need of a registration: narrow, no tokens. */
const deskColumns = {
  id: r.id,
  eventId: r.eventId,
  reference: r.reference,
  status: r.status,
  email: p.email,
  givenName: p.givenName,
  familyName: p.familyName,
  localName: p.localName,
  organisation: r.organisation,
  country: registrantColumns.country,
  locale: r.locale,
  partnerId: r.partnerId,
  delegationId: r.delegationId,
  ticketCode: r.ticketCode,
  paymentStatus: r.paymentStatus,
  paymentReference: r.paymentReference,
  paidAt: r.paidAt,
  checkedInAt: r.checkedInAt,
  categoryId: c.id,
  categoryLabel: c.label,
  categoryColour: c.colour,
  feeAmount: c.feeAmount,
  feeCurrency: c.feeCurrency,
};

export type DeskRegistration = Awaited<ReturnType<typeof findDeskRegistrations>>[number];

function selectDesk(db: Executor) {
  return db
    .select(deskColumns)
    .from(r)
    .innerJoin(c, eq(c.id, r.categoryId))
    .innerJoin(p, eq(p.id, r.personId));
}

/** Registrations of one event by id, in no particular order; ids of other events are left out. */
export async function findDeskRegistrations(db: Executor, eventId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return selectDesk(db).where(
    and(
      eq(r.eventId, eventId),
      sql`${r.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ),
  );
}

export async function findDeskRegistration(
  db: Executor,
  eventId: string,
  id: string,
): Promise<DeskRegistration | undefined> {
  return (await findDeskRegistrations(db, eventId, [id]))[0];
}

export async function findByTicketCode(
  db: Executor,
  eventId: string,
  ticketCode: string,
): Promise<DeskRegistration | undefined> {
  const [row] = await selectDesk(db).where(and(eq(r.eventId, eventId), eq(r.ticketCode, ticketCode)));
  return row;
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function likeTerm(query: string): string {
  return `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export async function searchDeskRegistrations(db: Executor, eventId: string, query: string, limit: number) {
  const term = likeTerm(query);
  return selectDesk(db)
    .where(
      and(
        eq(r.eventId, eventId),
        or(
          ilike(r.reference, term),
          ilike(p.email, term),
          ilike(r.organisation, term),
          ilike(p.localName, term),
          ilike(sql`${p.givenName} || ' ' || ${p.familyName}`, term),
          ilike(sql`${p.familyName} || ' ' || ${p.givenName}`, term),
        ),
      ),
    )
    .orderBy(asc(p.familyName), asc(p.givenName), asc(r.id))
    .limit(limit);
}

/**
 * Checks in only if not checked in yet, in one statement: two desks scanning the
 * same ticket at once check it in once, and the other sees "already checked in";
 * only while confirmed, so a cancellation committed meanwhile wins.
 */
export async function markCheckedIn(db: Executor, id: string, at: Date, by: string): Promise<boolean> {
  const rows = await db
    .update(r)
    .set({ checkedInAt: at, checkedInBy: by, updatedAt: at })
    .where(and(eq(r.id, id), isNull(r.checkedInAt), eq(r.status, 'confirmed')))
    .returning({ id: r.id });
  return rows.length === 1;
}

export async function clearCheckedIn(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(r).set({ checkedInAt: null, checkedInBy: null, updatedAt: at }).where(eq(r.id, id));
}

export async function countCheckIns(
  db: Executor,
  eventId: string,
): Promise<{ checkedIn: number; confirmed: number }> {
  const rows = await selectRows<{ checked_in: number; confirmed: number }>(
    db,
    sql`select count(*) filter (where checked_in_at is not null)::int as checked_in,
               count(*) filter (where status = 'confirmed')::int as confirmed
        from registrations where event_id = ${eventId}`,
  );
  return { checkedIn: Number(rows[0]?.checked_in ?? 0), confirmed: Number(rows[0]?.confirmed ?? 0) };
}

export interface EventForDocuments {
  id: string;
  title: { ko?: string; en?: string };
  venueName: { ko?: string; en?: string };
  venueAddress: { ko?: string; en?: string };
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  visaLettersEnabled: boolean;
  letterhead: Letterhead;
}

/** The event with its registration settings (defaults when the event has none yet). */
export async function findEventForDocuments(
  db: Executor,
  eventId: string,
): Promise<EventForDocuments | undefined> {
  const [row] = await db
    .select({
      id: e.id,
      title: e.title,
      venueName: e.venueName,
      venueAddress: e.venueAddress,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timeZone: e.timeZone,
      visaLettersEnabled: rs.visaLettersEnabled,
      letterhead: rs.letterhead,
    })
    .from(e)
    .leftJoin(rs, eq(rs.eventId, e.id))
    .where(eq(e.id, eventId));
  if (!row) return undefined;
  return { ...row, visaLettersEnabled: row.visaLettersEnabled ?? true, letterhead: row.letterhead ?? {} };
}
