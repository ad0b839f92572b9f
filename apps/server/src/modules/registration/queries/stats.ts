import { asc, eq, schema, sql, type Executor } from '@plenary/db';
import { DomainError, registrationStatuses, type RegistrationStatsDto } from '@plenary/contracts';
import { selectRows } from '../../../core/sql';
import { readAvailability } from '../capacity';

const { events, registrationCategories: c, registrationOptions: o } = schema;

/** Every day from first to last as YYYY-MM-DD (UTC arithmetic on calendar dates). */
function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${first}T00:00:00Z`);
    d <= new Date(`${last}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The dashboard's numbers. Categories and options count places as the capacity
 * rules do (capacity.ts); countries count live registrations (not cancelled or
 * rejected); the timeline counts every registration by the day it was made in the
 * event's time zone, with empty days filled in so the line has no jumps.
 */
export async function registrationStats(
  db: Executor,
  eventId: string,
  now: Date,
): Promise<RegistrationStatsDto> {
  const [event] = await db.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId));
  if (!event) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
  const [statusRows, countryRows, dayRows, checkedRows, categories, options, places] =
    await Promise.all([
      selectRows<{ status: string; n: number }>(
        db,
        sql`select status, count(*)::int as n from registrations where event_id = ${eventId} group by status`,
      ),
      selectRows<{ country: string; n: number }>(
        db,
        sql`select coalesce(p.country, '') as country, count(*)::int as n
            from registrations r join persons p on p.id = r.person_id
            where r.event_id = ${eventId} and r.status not in ('cancelled','rejected')
            group by 1 order by n desc, country`,
      ),
      selectRows<{ day: string; n: number }>(
        db,
        sql`select to_char((created_at at time zone ${event.timeZone})::date, 'YYYY-MM-DD') as day, count(*)::int as n
            from registrations where event_id = ${eventId} group by 1 order by 1`,
      ),
      selectRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from registrations where event_id = ${eventId} and checked_in_at is not null`,
      ),
      db
        .select({ id: c.id, label: c.label, colour: c.colour, capacity: c.capacity })
        .from(c)
        .where(eq(c.eventId, eventId))
        .orderBy(asc(c.position), asc(c.code)),
      db
        .select({ id: o.id, label: o.label, capacity: o.capacity })
        .from(o)
        .where(eq(o.eventId, eventId))
        .orderBy(asc(o.position), asc(o.code)),
      readAvailability(db, eventId, now),
    ]);
  const statusCount = new Map(statusRows.map((row) => [row.status, Number(row.n)]));
  const perDay = new Map(dayRows.map((row) => [row.day, Number(row.n)]));
  const first = dayRows[0]?.day;
  const last = dayRows.at(-1)?.day;
  return {
    total: statusRows.reduce((sum, row) => sum + Number(row.n), 0),
    byStatus: registrationStatuses.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byCategory: categories.map((cat) => ({
      categoryId: cat.id,
      label: cat.label,
      colour: cat.colour,
      capacity: cat.capacity,
      taken: places.categories.get(cat.id)?.taken ?? 0,
      waitlisted: places.categories.get(cat.id)?.waiting.waiting ?? 0,
    })),
    byCountry: countryRows.map((row) => ({ country: row.country, count: Number(row.n) })),
    byOption: options.map((opt) => ({
      optionId: opt.id,
      label: opt.label,
      capacity: opt.capacity,
      booked: places.options.get(opt.id)?.booked ?? 0,
      waitlisted: places.options.get(opt.id)?.waiting.waiting ?? 0,
    })),
    overTime:
      first && last ? daysBetween(first, last).map((date) => ({ date, count: perDay.get(date) ?? 0 })) : [],
    checkedIn: Number(checkedRows[0]?.n ?? 0),
  };
}
