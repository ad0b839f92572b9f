import { and, asc, eq, schema, sql, type Executor } from '@plenary/db';
import { selectRows } from '../../core/sql';

const { registrations, registrationCategories: categories } = schema;

export async function listCategories(db: Executor, eventId: string) {
  return db
    .select()
    .from(categories)
    .where(eq(categories.eventId, eventId))
    .orderBy(asc(categories.position), asc(categories.code));
}

/** Where a page starts: after this (created_at, id). created_at keeps its microseconds as text. */
export interface RegistrationCursor {
  createdAt: string;
  id: string;
}

/**
 * One page of a partner's registrations for an event, oldest first, by
 * (created_at, id): a delegation's members share one created_at, so the id breaks ties.
 */
export async function pagePartnerRegistrations(
  db: Executor,
  f: { eventId: string; partnerId: string; after: RegistrationCursor | null; limit: number },
): Promise<Array<{ id: string; createdAt: string }>> {
  const after = f.after
    ? sql`and (r.created_at, r.id) > (${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`
    : sql``;
  return selectRows<{ id: string; createdAt: string }>(
    db,
    sql`select r.id,
               to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"
        from registrations r
        where r.event_id = ${f.eventId} and r.partner_id = ${f.partnerId} ${after}
        order by r.created_at, r.id
        limit ${f.limit}`,
  );
}

/** The registration when it belongs to this partner and event; anything else is "not found". */
export async function findPartnerRegistration(
  db: Executor,
  f: { eventId: string; partnerId: string; registrationId: string },
) {
  const [row] = await db
    .select({ id: registrations.id, status: registrations.status })
    .from(registrations)
    .where(
      and(
        eq(registrations.id, f.registrationId),
        eq(registrations.eventId, f.eventId),
        eq(registrations.partnerId, f.partnerId),
      ),
    );
  return row;
}
