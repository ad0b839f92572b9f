import { sql, type Executor } from '@plenary/db';
import type { SQL } from 'drizzle-orm';
import { selectRows, sqlArray } from '../../../core/sql';
import type { EventLimitRule, LimitsSnapshot, ReservedPlaces, WaitingList } from './types';

/**
 * The only SQL that reads limits and counts places. The counts are kept in
 * `capacity_counters` by the database's triggers on every write of a
 * registration or a choice (migration capacity_counters), so a read costs the
 * same whatever the event's size; the few places whose offer or payment
 * deadline has passed but that the expiry job has not released yet are
 * subtracted here (a deadline passes without a write). recount.ts counts the
 * same from the rows: the tests hold the counters to it after every kind of
 * write. Counts and limits are exact only while their locks are held
 * (locks.ts); read without them, they are a display.
 */

/**
 * Statuses that hold a place. An offer holds it until it expires, a registration
 * awaiting payment until its payment deadline (both are then released by the expiry job).
 */
export function holdsPlace(now: Date): SQL {
  const t = now.toISOString();
  return sql`(r.status in ('pending','confirmed') or (r.status = 'offered' and r.offer_expires_at > ${t})
    or (r.status = 'awaiting_payment' and r.payment_due_at > ${t}))`;
}

/** A code's uses: registrations made with it that hold or wait for a place (kept by the counters). */
const codeUses = (codeId: SQL) =>
  sql`coalesce((select u.uses from capacity_counters u where u.object_id = ${codeId}), 0)`;

/** Live, unexpired codes of an event that reserve places: id, category and unused uses. */
export function reservingCodes(eventId: string, now: Date): SQL {
  return sql`
    select c.id, c.category_id, greatest(c.max_uses - ${codeUses(sql`c.id`)}, 0)::int as unused
    from invitation_codes c
    where c.event_id = ${eventId} and c.reserves_places and c.revoked_at is null
      and (c.expires_at is null or c.expires_at > ${now.toISOString()})`;
}

/** Which objects to read: those a batch touches, or every one of the event. */
export type LimitScope =
  | {
      categoryIds: string[];
      codeIds: string[];
      optionIds: string[];
      /**
       * Whether the event-wide limit binds (and is locked): only then are the
       * event's places and every category's held-back places counted; otherwise
       * the batch's categories alone decide and the per-batch cost stays theirs.
       */
      eventBinds: boolean;
    }
  | 'whole event';

export const within = (column: SQL, scope: LimitScope, pick: (s: Exclude<LimitScope, 'whole event'>) => string[]) =>
  scope === 'whole event' ? sql`true` : sql`${column} = any(${sqlArray(pick(scope), 'uuid')})`;

/** One row of the limits query (counts.ts or recount.ts). */
export interface LimitsRow {
  categories: Array<{
    id: string;
    capacity: number | null;
    taken: number;
    waiting: number;
    last_rank: number | null;
  }> | null;
  event_taken: number;
  reserving: Array<{ id: string; category_id: string; unused: number }> | null;
  codes: Array<{
    id: string;
    category_id: string;
    max_uses: number;
    uses: number;
    reserves_places: boolean;
    revoked_at: string | null;
    expires_at: string | null;
  }> | null;
  options: Array<{
    id: string;
    capacity: number | null;
    booked: number;
    waiting: number;
    last_rank: number | null;
  }> | null;
  event_capacity: number | null;
  unlimited: number;
  total: number;
}

/**
 * The limits and the places counted against them, in one round trip: under
 * the locks, so it is kept to one query however many registrations a batch holds.
 */
export async function readLimits(
  db: Executor,
  eventId: string,
  now: Date,
  scope: LimitScope,
): Promise<LimitsSnapshot> {
  const eventWide = scope === 'whole event' || scope.eventBinds;
  const [row] = await selectRows<LimitsRow>(
    db,
    sql`with lapsed as (
        -- Offers and payments past their deadline: still counted by the counters until the
        -- expiry job releases them, never more than a period's worth (the event_count index).
        select r.id, r.category_id from registrations r
        where r.event_id = ${eventId} and r.status in ('offered','awaiting_payment') and not coalesce(${holdsPlace(now)}, false))
    select
      (select json_agg(json_build_object('id', k.id, 'capacity', k.capacity,
                  'taken', coalesce(n.held, 0) - (select count(*) from lapsed l where l.category_id = k.id),
                  'waiting', coalesce(n.waiting, 0),
                  'last_rank', (select max(r.waitlist_rank) from registrations r
                                where r.category_id = k.id and r.status = 'waitlisted')))
       from registration_categories k left join capacity_counters n on n.object_id = k.id
       where k.event_id = ${eventId} and ${within(sql`k.id`, scope, (s) => s.categoryIds)}) as categories,
      ${
        eventWide
          ? sql`((select coalesce(sum(n.held), 0) from registration_categories k
                  join capacity_counters n on n.object_id = k.id where k.event_id = ${eventId})
                 - (select count(*) from lapsed))::int`
          : sql`0`
      } as event_taken,
      (select json_agg(x) from (${reservingCodes(eventId, now)}) x
       where ${eventWide ? sql`true` : within(sql`x.category_id`, scope, (s) => s.categoryIds)}) as reserving,
      (select json_agg(json_build_object('id', i.id, 'category_id', i.category_id, 'max_uses', i.max_uses,
                  'uses', ${codeUses(sql`i.id`)}, 'reserves_places', i.reserves_places,
                  'revoked_at', i.revoked_at, 'expires_at', i.expires_at))
       from invitation_codes i where i.event_id = ${eventId} and ${within(sql`i.id`, scope, (s) => s.codeIds)}) as codes,
      (select json_agg(json_build_object('id', o.id, 'capacity', o.capacity,
                  'booked', coalesce(n.held, 0) - (select count(*) from registration_choices ch join lapsed l
                                                    on l.id = ch.registration_id
                                                    where ch.option_id = o.id and ch.status = 'booked'),
                  'waiting', coalesce(n.waiting, 0),
                  'last_rank', (select max(ch.waitlist_rank) from registration_choices ch
                                where ch.option_id = o.id and ch.status = 'waitlisted')))
       from registration_options o left join capacity_counters n on n.object_id = o.id
       where o.event_id = ${eventId} and ${within(sql`o.id`, scope, (s) => s.optionIds)}) as options,
      ${eventRuleColumns(eventId)}`,
  );
  if (!row) throw new Error('limits snapshot returned nothing');
  return snapshotOf(row);
}

/** The snapshot the pure functions of availability.ts and decide.ts read. */
export function snapshotOf(row: LimitsRow): LimitsSnapshot {
  const date = (v: string | null) => (v ? new Date(v) : null);
  return {
    event: {
      capacity: row.event_capacity == null ? null : Number(row.event_capacity),
      taken: Number(row.event_taken),
    },
    categories: new Map(
      (row.categories ?? []).map((c) => [
        c.id,
        { capacity: c.capacity, taken: Number(c.taken), waiting: waitingList(c) },
      ]),
    ),
    codes: new Map(
      (row.codes ?? []).map((c) => [
        c.id,
        {
          categoryId: c.category_id,
          maxUses: Number(c.max_uses),
          uses: Number(c.uses),
          reservesPlaces: c.reserves_places,
          revokedAt: date(c.revoked_at),
          expiresAt: date(c.expires_at),
        },
      ]),
    ),
    reserved: groupReserved(row.reserving ?? []),
    options: new Map(
      (row.options ?? []).map((o) => [
        o.id,
        { capacity: o.capacity, booked: Number(o.booked), waiting: waitingList(o) },
      ]),
    ),
    rule: ruleOf(row),
  };
}

export function groupReserved(
  rows: Array<{ id: string; category_id: string; unused: number }>,
): ReservedPlaces {
  const out: ReservedPlaces = new Map();
  for (const r of rows) {
    const list = out.get(r.category_id) ?? [];
    list.push({ codeId: r.id, unused: Number(r.unused) });
    out.set(r.category_id, list);
  }
  return out;
}

function waitingList(row: { waiting: number; last_rank: number | null }): WaitingList {
  return { waiting: Number(row.waiting), lastRank: Number(row.last_rank ?? 0) };
}

/** The columns that decide whether the event-wide limit can bind (see eventLimitBinds). */
export function eventRuleColumns(eventId: string): SQL {
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
