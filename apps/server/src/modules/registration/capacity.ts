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

/** Live, unexpired codes of an event that reserve places: id, category and unused uses. */
function reservingCodes(eventId: string, now: Date): SQL {
  return sql`
    select c.id, c.category_id,
           greatest(c.max_uses - (select count(*) from registrations r
                                  where r.invitation_code_id = c.id and r.status not in ('cancelled','rejected')), 0)::int as unused
    from invitation_codes c
    where c.event_id = ${eventId} and c.reserves_places and c.revoked_at is null
      and (c.expires_at is null or c.expires_at > ${now.toISOString()})`;
}

/** Codes holding places back, by category. */
export type ReservedPlaces = Map<string, Array<{ codeId: string; unused: number }>>;

function groupReserved(rows: Array<{ id: string; category_id: string; unused: number }>): ReservedPlaces {
  const out: ReservedPlaces = new Map();
  for (const r of rows) {
    const list = out.get(r.category_id) ?? [];
    list.push({ codeId: r.id, unused: Number(r.unused) });
    out.set(r.category_id, list);
  }
  return out;
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

/** Runs raw SQL and returns its rows on either engine (drizzle's result shapes differ). */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}

/** What decides whether the event-wide limit can bind at all. */
export interface EventLimitRule {
  eventCapacity: number | null;
  unlimitedCategories: number;
  categoryCapacityTotal: number;
}

/**
 * Whether the event-wide limit can ever be the one that stops a registration.
 * When every category has a limit and together they fit in the event's, the
 * category limits alone keep the event within its limit, and registrations in
 * different categories need not queue on one event-wide lock.
 */
export function eventLimitBinds(rule: EventLimitRule): boolean {
  return (
    rule.eventCapacity !== null &&
    (rule.unlimitedCategories > 0 || rule.categoryCapacityTotal > rule.eventCapacity)
  );
}

export function eventRuleColumns(eventId: string) {
  return sql`(select s.capacity from registration_settings s where s.event_id = ${eventId}) as event_capacity,
    (select count(*) from registration_categories k where k.event_id = ${eventId} and k.capacity is null)::int as unlimited,
    (select coalesce(sum(k.capacity), 0) from registration_categories k where k.event_id = ${eventId})::int as total`;
}

export function ruleOf(
  row: { event_capacity: number | null; unlimited: number; total: number } | undefined,
): EventLimitRule {
  return {
    eventCapacity: row?.event_capacity == null ? null : Number(row.event_capacity),
    unlimitedCategories: Number(row?.unlimited ?? 0),
    categoryCapacityTotal: Number(row?.total ?? 0),
  };
}

/** An array literal of this type whose elements are bound parameters (the same on both engines). */
export function sqlArray(values: readonly string[], type: 'uuid' | 'text'): SQL {
  const cast = sql.raw(type);
  return values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}::${cast}`),
        sql`, `,
      )}]`
    : sql`array[]::${cast}[]`;
}

/** The places a batch of registrations must know about, counted from the rows under the limits' locks. */
/** A waiting list's length and the last rank on it: a newcomer goes after it. */
export interface WaitingList {
  waiting: number;
  lastRank: number;
}

export interface LimitsSnapshot {
  /** Places held per category asked for. */
  categoryTaken: Map<string, number>;
  /** The waiting list of each category asked for. */
  categoryWaiting: Map<string, WaitingList>;
  eventTaken: number;
  /** Every live code of the event that holds places back, by category, with its unused uses. */
  reserved: ReservedPlaces;
  /** Uses of each code asked for (registrations that hold or wait for a place). */
  codeUses: Map<string, number>;
  /** Booked seats per option asked for. */
  optionBooked: Map<string, number>;
  /** The waiting list of each option asked for. */
  optionWaiting: Map<string, WaitingList>;
  /** The limits as they are now, under the locks: the event's, and its categories'. */
  rule: EventLimitRule;
}

/**
 * Everything a batch of registrations must know about its limits, in one round
 * trip: it runs while the limits' locks are held, so it is kept to one query
 * however many registrations the batch holds.
 */
export async function snapshotLimits(
  db: Executor,
  q: { eventId: string; categoryIds: string[]; codeIds: string[]; optionIds: string[]; now: Date },
): Promise<LimitsSnapshot> {
  const [row] = await selectRows<{
    categories: Array<{ id: string; taken: number; waiting: number; last_rank: number | null }> | null;
    event_taken: number;
    reserving: Array<{ id: string; category_id: string; unused: number }> | null;
    codes: Array<{ id: string; uses: number }> | null;
    options: Array<{ id: string; booked: number; waiting: number; last_rank: number | null }> | null;
    event_capacity: number | null;
    unlimited: number;
    total: number;
  }>(
    db,
    sql`select
      (select json_agg((select json_build_object('id', k.id,
                  'taken', count(*) filter (where ${holdsPlace(q.now)}),
                  'waiting', count(*) filter (where r.status = 'waitlisted'),
                  'last_rank', max(r.waitlist_rank) filter (where r.status = 'waitlisted'))
                from registrations r where r.event_id = ${q.eventId} and r.category_id = k.id))
       from unnest(${sqlArray(q.categoryIds, 'uuid')}) as k(id)) as categories,
      (select count(*) from registrations r where r.event_id = ${q.eventId} and ${holdsPlace(q.now)})::int as event_taken,
      (select json_agg(x) from (${reservingCodes(q.eventId, q.now)}) x) as reserving,
      (select json_agg(json_build_object('id', k.id, 'uses',
         (select count(*) from registrations r where r.invitation_code_id = k.id and r.status not in ('cancelled','rejected'))))
       from unnest(${sqlArray(q.codeIds, 'uuid')}) as k(id)) as codes,
      (select json_agg((select json_build_object('id', o.id,
                  'booked', count(*) filter (where ch.status = 'booked' and ${holdsPlace(q.now)}),
                  'waiting', count(*) filter (where ch.status = 'waitlisted' and r.status not in ('cancelled','rejected')),
                  'last_rank', max(ch.waitlist_rank) filter (where ch.status = 'waitlisted'))
                from registration_choices ch join registrations r on r.id = ch.registration_id
                where ch.option_id = o.id))
       from unnest(${sqlArray(q.optionIds, 'uuid')}) as o(id)) as options,
      ${eventRuleColumns(q.eventId)}`,
  );
  if (!row) throw new Error('limits snapshot returned nothing');
  return {
    categoryTaken: new Map((row.categories ?? []).map((c) => [c.id, Number(c.taken)])),
    categoryWaiting: new Map((row.categories ?? []).map((c) => [c.id, waitingList(c)])),
    eventTaken: Number(row.event_taken),
    reserved: groupReserved(row.reserving ?? []),
    codeUses: new Map((row.codes ?? []).map((c) => [c.id, Number(c.uses)])),
    optionBooked: new Map((row.options ?? []).map((o) => [o.id, Number(o.booked)])),
    optionWaiting: new Map((row.options ?? []).map((o) => [o.id, waitingList(o)])),
    rule: ruleOf(row),
  };
}

function waitingList(row: { waiting: number; last_rank: number | null }): WaitingList {
  return { waiting: Number(row.waiting), lastRank: Number(row.last_rank ?? 0) };
}

/**
 * Puts a newcomer at the end of a waiting list held under its lock: a rank
 * after every rank on it (the time in microseconds, or one more than the
 * last), and its position, 1 being next.
 */
export function joinWaitingList(list: WaitingList, now: Date): { rank: number; position: number } {
  list.lastRank = Math.max(list.lastRank + 1, now.getTime() * 1000);
  list.waiting += 1;
  return { rank: list.lastRank, position: list.waiting };
}
