import { sql, type Executor } from '@plenary/db';
import type { SQL } from 'drizzle-orm';
import { selectRows } from '../../../core/sql';
import { eventRuleColumns, holdsPlace, snapshotOf, within, type LimitScope, type LimitsRow } from './counts';
import type { LimitsSnapshot } from './types';

/**
 * The counts of counts.ts recounted from the registration rows, as the capacity module read
 * them before the counters (migration capacity_counters): the reference the counters are
 * held to by capacity-counters.test.ts, and the baseline of bench/capacity-counts.ts. Its
 * cost grows with the event (every row of a category, option or code is read).
 */

/** A code's uses: registrations made with it that hold or wait for a place. */
const codeUses = (codeId: SQL) =>
  sql`(select count(*) from registrations r where r.invitation_code_id = ${codeId} and r.status not in ('cancelled','rejected'))`;

/** Live, unexpired codes of an event that reserve places: id, category and unused uses. */
function reservingCodes(eventId: string, now: Date): SQL {
  return sql`
    select c.id, c.category_id, greatest(c.max_uses - ${codeUses(sql`c.id`)}, 0)::int as unused
    from invitation_codes c
    where c.event_id = ${eventId} and c.reserves_places and c.revoked_at is null
      and (c.expires_at is null or c.expires_at > ${now.toISOString()})`;
}

/**
 * The limits and the places counted against them, in one round trip: under
 * the locks, so it is kept to one query however many registrations a batch holds.
 */
export async function recountLimits(
  db: Executor,
  eventId: string,
  now: Date,
  scope: LimitScope,
): Promise<LimitsSnapshot> {
  const eventWide = scope === 'whole event' || scope.eventBinds;
  const [row] = await selectRows<LimitsRow>(
    db,
    sql`select
      (select json_agg(json_build_object('id', k.id, 'capacity', k.capacity,
                  'taken', x.taken, 'waiting', x.waiting, 'last_rank', x.last_rank))
       from registration_categories k
       cross join lateral (select count(*) filter (where ${holdsPlace(now)}) as taken,
                                  count(*) filter (where r.status = 'waitlisted') as waiting,
                                  max(r.waitlist_rank) filter (where r.status = 'waitlisted') as last_rank
                           from registrations r where r.category_id = k.id) x
       where k.event_id = ${eventId} and ${within(sql`k.id`, scope, (s) => s.categoryIds)}) as categories,
      ${eventWide ? sql`(select count(*) from registrations r where r.event_id = ${eventId} and ${holdsPlace(now)})::int` : sql`0`} as event_taken,
      (select json_agg(x) from (${reservingCodes(eventId, now)}) x
       where ${eventWide ? sql`true` : within(sql`x.category_id`, scope, (s) => s.categoryIds)}) as reserving,
      (select json_agg(json_build_object('id', i.id, 'category_id', i.category_id, 'max_uses', i.max_uses,
                  'uses', ${codeUses(sql`i.id`)}, 'reserves_places', i.reserves_places,
                  'revoked_at', i.revoked_at, 'expires_at', i.expires_at))
       from invitation_codes i where i.event_id = ${eventId} and ${within(sql`i.id`, scope, (s) => s.codeIds)}) as codes,
      (select json_agg(json_build_object('id', o.id, 'capacity', o.capacity,
                  'booked', x.booked, 'waiting', x.waiting, 'last_rank', x.last_rank))
       from registration_options o
       cross join lateral (select count(*) filter (where ch.status = 'booked' and ${holdsPlace(now)}) as booked,
                                  count(*) filter (where ch.status = 'waitlisted' and r.status not in ('cancelled','rejected')) as waiting,
                                  max(ch.waitlist_rank) filter (where ch.status = 'waitlisted') as last_rank
                           from registration_choices ch join registrations r on r.id = ch.registration_id
                           where ch.option_id = o.id) x
       where o.event_id = ${eventId} and ${within(sql`o.id`, scope, (s) => s.optionIds)}) as options,
      ${eventRuleColumns(eventId)}`,
  );
  if (!row) throw new Error('limits snapshot returned nothing');
  return snapshotOf(row);
}
