import { sql, type Executor } from '@plenary/db';
import { selectRows } from '../../../core/sql';
import { groupReserved, holdsPlace, reservingCodes } from './counts';
import type { ReservedPlaces } from './types';

/**
 * @deprecated The counting helpers other modules imported before the capacity
 * module had an API (promotion.ts, portal.service.ts's option change, the
 * dashboard). Kept, unchanged, so those keep building while their owners move
 * to readAvailability + placesLeft / seatsLeft (index.ts). Nothing new uses them.
 */

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
export async function countReserved(db: Executor, eventId: string, now: Date): Promise<ReservedPlaces> {
  return groupReserved(
    await selectRows<{ id: string; category_id: string; unused: number }>(db, reservingCodes(eventId, now)),
  );
}

/**
 * Places held back by codes that reserve them, in a category (or, with null,
 * in the whole event), except by the registrant's own code.
 */
export function placesHeldBack(
  reserved: ReservedPlaces,
  categoryId: string | null,
  exceptCodeId: string | null = null,
): number {
  const lists = categoryId === null ? [...reserved.values()] : [reserved.get(categoryId) ?? []];
  return lists.flat().reduce((sum, r) => (r.codeId === exceptCodeId ? sum : sum + r.unused), 0);
}
