-- The soak's checker: one row per broken invariant of an event's registrations ($1 = event id).
-- No rows: every limit held and every waiting list consistent. Run after the load has stopped
-- and the servers have had a moment to finish promotions.
--
-- A place is held by a pending, confirmed, offered or awaiting_payment registration (an open offer holds its
-- place until it is accepted, declined or lapses). A tour seat is held by a booked choice of
-- a registration that holds a place.
with held as (
  select * from registrations r
  where r.event_id = $1 and r.status in ('pending', 'confirmed', 'offered', 'awaiting_payment')
),
settings as (select capacity from registration_settings where event_id = $1),
category_use as (
  select c.id, c.code, c.capacity, count(h.id)::int as held
  from registration_categories c left join held h on h.category_id = c.id
  where c.event_id = $1 group by c.id
),
option_use as (
  select o.id, o.code, o.capacity, count(h.id)::int as booked
  from registration_options o
  left join registration_choices ch on ch.option_id = o.id and ch.status = 'booked'
  left join held h on h.id = ch.registration_id
  where o.event_id = $1 group by o.id
),
event_use as (select (select count(*) from held)::int as held, (select capacity from settings) as capacity)
-- 1. The event-wide limit.
select 'event limit' as invariant, 'event' as subject, format('%s held of %s', held, capacity) as detail
  from event_use where capacity is not null and held > capacity
-- 2. Each category's limit.
union all
select 'category limit', code, format('%s held of %s', held, capacity)
  from category_use where capacity is not null and held > capacity
-- 3. Each option's (tour's) seats.
union all
select 'option limit', code, format('%s booked of %s', booked, capacity)
  from option_use where capacity is not null and booked > capacity
-- 4. Each invitation code's uses (a cancelled or rejected registration gives its use back).
union all
select 'code uses', ic.code, format('%s uses of %s', count(r.id), ic.max_uses)
  from invitation_codes ic
  join registrations r on r.invitation_code_id = ic.id and r.status not in ('cancelled', 'rejected')
  where ic.event_id = $1 group by ic.id having count(r.id) > ic.max_uses
-- 5. A waiting registration has a rank, and no two in one category's list share one (the
--    list's order is total; each category keeps its own list, so ranks may repeat across them).
union all
select 'waiting rank', r.reference, coalesce(format('rank %s shared by %s', r.waitlist_rank, n.k), 'no rank')
  from registrations r
  left join lateral (
    select count(*) as k from registrations o
    where o.category_id = r.category_id and o.status = 'waitlisted' and o.waitlist_rank = r.waitlist_rank
  ) n on true
  where r.event_id = $1 and r.status = 'waitlisted' and (r.waitlist_rank is null or n.k > 1)
-- 6. Nobody waits for a category that has a free place while the event has one too
--    (promotion would have offered it; no code in the soak holds places back).
union all
select 'waiting with a free place', c.code,
       format('%s waiting, %s held of %s, event %s of %s', count(r.id), c.held, c.capacity, e.held, e.capacity)
  from category_use c cross join event_use e
  join registrations r on r.category_id = c.id and r.status = 'waitlisted'
  where (c.capacity is null or c.held < c.capacity) and (e.capacity is null or e.held < e.capacity)
  group by c.code, c.held, c.capacity, e.held, e.capacity
-- 7. An option's waiting choices: ranked, ranks unique, and nobody waits for a free seat
--    (only choices of registrations that hold a place count: the others do not wait for a seat).
union all
select 'option waiting rank', o.code, format('%s waiting choices, %s distinct ranks', count(*), count(distinct ch.waitlist_rank))
  from registration_options o
  join registration_choices ch on ch.option_id = o.id and ch.status = 'waitlisted'
  join held h on h.id = ch.registration_id
  where o.event_id = $1
  group by o.code having count(*) <> count(distinct ch.waitlist_rank)
union all
select 'option waiting with a free seat', u.code, format('%s waiting, %s booked of %s', count(*), u.booked, u.capacity)
  from option_use u
  join registration_choices ch on ch.option_id = u.id and ch.status = 'waitlisted'
  join held h on h.id = ch.registration_id and h.status = 'confirmed'
  where u.capacity is not null and u.booked < u.capacity
  group by u.code, u.booked, u.capacity
-- 8. An offer has a deadline; only a confirmed registration is checked in (a checked-in
--    registration cannot be cancelled or rejected: transitions.ts refuses it with 409, and the
--    soak's cancellations of checked-in registrations count as refused calls).
union all
select 'offer without deadline', reference, status
  from registrations where event_id = $1 and status = 'offered' and offer_expires_at is null
union all
select 'checked in but not confirmed', reference, status
  from registrations where event_id = $1 and checked_in_at is not null and status <> 'confirmed';
