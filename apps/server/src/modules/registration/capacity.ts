import { sql, type Executor } from '@plenary/db';
import type { SQL } from 'drizzle-orm';

/**
 * Places are counted from the registration rows every time, never kept in a
 * counter: a counter can drift, the rows cannot. These counts are exact only
 * inside a transaction that holds the limit's lock (see placement.ts).
 */

/** Statuses that hold a place. An offer holds it until it expires. */
export function holdsPlace(now: Date) {
  return sql`(r.status in ('pending','confirmed') or (r.status = 'offered' and r.offer_expires_at > ${now.toISOString()}))`;
}

export interface CategoryCounts {
  taken: number;
  waitlisted: number;
}

/** Taken and waiting places per category of an event. */
export async function countByCategory(
  db: Executor,
  eventId: string,
  now: Date,
): Promise<Map<string, CategoryCounts>> {
  const rows = await selectRows<{ category_id: string; taken: number; waitlisted: number }>(
    db,
    sql`
    select r.category_id,
           count(*) filter (where ${holdsPlace(now)})::int as taken,
           count(*) filter (where r.status = 'waitlisted')::int as waitlisted
    from registrations r where r.event_id = ${eventId} group by r.category_id`,
  );
  return new Map(
    rows.map((r) => [r.category_id, { taken: Number(r.taken), waitlisted: Number(r.waitlisted) }]),
  );
}

/** Places held in the whole event. */
export async function countEventTaken(db: Executor, eventId: string, now: Date): Promise<number> {
  const rows = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from registrations r where r.event_id = ${eventId} and ${holdsPlace(now)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function countCategoryTaken(db: Executor, categoryId: string, now: Date): Promise<number> {
  const rows = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from registrations r where r.category_id = ${categoryId} and ${holdsPlace(now)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export interface OptionCounts {
  booked: number;
  waitlisted: number;
}

/** Booked and waiting seats per option of an event. A seat is booked by a live registration only. */
export async function countByOption(
  db: Executor,
  eventId: string,
  now: Date,
): Promise<Map<string, OptionCounts>> {
  const rows = await selectRows<{ option_id: string; booked: number; waitlisted: number }>(
    db,
    sql`
    select c.option_id,
           count(*) filter (where c.status = 'booked' and ${holdsPlace(now)})::int as booked,
           count(*) filter (where c.status = 'waitlisted' and r.status not in ('cancelled','rejected'))::int as waitlisted
    from registration_choices c join registrations r on r.id = c.registration_id
    where r.event_id = ${eventId} group by c.option_id`,
  );
  return new Map(
    rows.map((r) => [r.option_id, { booked: Number(r.booked), waitlisted: Number(r.waitlisted) }]),
  );
}

export async function countOptionBooked(db: Executor, optionId: string, now: Date): Promise<number> {
  const rows = await selectRows<{ n: number }>(
    db,
    sql`
    select count(*)::int as n from registration_choices c join registrations r on r.id = c.registration_id
    where c.option_id = ${optionId} and c.status = 'booked' and ${holdsPlace(now)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Uses of each invitation code: registrations made with it that still hold or wait for a place. */
export async function countCodeUses(db: Executor, eventId: string): Promise<Map<string, number>> {
  const rows = await selectRows<{ code_id: string; n: number }>(
    db,
    sql`
    select r.invitation_code_id as code_id, count(*)::int as n from registrations r
    where r.event_id = ${eventId} and r.invitation_code_id is not null and r.status not in ('cancelled','rejected')
    group by r.invitation_code_id`,
  );
  return new Map(rows.map((r) => [r.code_id, Number(r.n)]));
}

/**
 * Places held back for codes that reserve them, per category: each such code's
 * unused uses (live, unexpired codes only).
 */
export async function countReserved(
  db: Executor,
  eventId: string,
  now: Date,
): Promise<Map<string, Array<{ codeId: string; unused: number }>>> {
  const rows = await selectRows<{ id: string; category_id: string; unused: number }>(
    db,
    sql`
    select c.id, c.category_id,
           greatest(c.max_uses - (select count(*) from registrations r
                                  where r.invitation_code_id = c.id and r.status not in ('cancelled','rejected')), 0)::int as unused
    from invitation_codes c
    where c.event_id = ${eventId} and c.reserves_places and c.revoked_at is null
      and (c.expires_at is null or c.expires_at > ${now.toISOString()})`,
  );
  const out = new Map<string, Array<{ codeId: string; unused: number }>>();
  for (const r of rows) {
    const list = out.get(r.category_id) ?? [];
    list.push({ codeId: r.id, unused: Number(r.unused) });
    out.set(r.category_id, list);
  }
  return out;
}

/** Runs raw SQL and returns its rows on either engine (drizzle's result shapes differ). */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
