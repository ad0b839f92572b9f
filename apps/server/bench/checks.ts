import type pg from 'pg';

/** A place is held by a pending, confirmed, offered or awaiting_payment registration (stricter than the server: any offer or payment wait counts). */
const held = `r.status in ('pending','confirmed','offered','awaiting_payment')`;

/**
 * Counts straight from PostgreSQL after the load: no category, event or tour
 * holds more than its limit, and every registration answered is in the table.
 */
export async function checkLimits(
  db: pg.Client,
  eventId: string,
  answered: { ok: number; confirmed: number; bareOk: number; floorOk: number },
): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  const check = (good: boolean, text: string) => {
    ok &&= good;
    lines.push(`  ${good ? 'PASS' : 'FAIL'}  ${text}`);
  };
  const categories = await db.query<{
    code: string;
    capacity: number | null;
    held: number;
    waitlisted: number;
  }>(
    `select c.code, c.capacity,
            count(r.id) filter (where ${held})::int as held,
            count(r.id) filter (where r.status = 'waitlisted')::int as waitlisted
     from registration_categories c left join registrations r on r.category_id = c.id
     where c.event_id = $1 group by c.id order by c.position`,
    [eventId],
  );
  for (const c of categories.rows)
    check(
      c.capacity === null || c.held <= c.capacity,
      `category ${c.code}: ${c.held} held of ${c.capacity ?? '∞'} (${c.waitlisted} waitlisted)`,
    );
  const event = await db.query<{ capacity: number | null; held: number; total: number; confirmed: number }>(
    `select s.capacity,
            (select count(*) from registrations r where r.event_id = $1 and ${held})::int as held,
            (select count(*) from registrations r where r.event_id = $1)::int as total,
            (select count(*) from registrations r where r.event_id = $1 and r.status = 'confirmed')::int as confirmed
     from registration_settings s where s.event_id = $1`,
    [eventId],
  );
  const e = event.rows[0];
  check(
    Boolean(e) && (e!.capacity === null || e!.held <= e!.capacity),
    `event: ${e?.held} held of ${e?.capacity ?? '∞'}`,
  );
  const options = await db.query<{
    code: string;
    capacity: number | null;
    booked: number;
    waitlisted: number;
  }>(
    `select o.code, o.capacity,
            count(ch.registration_id) filter (where ch.status = 'booked' and ${held})::int as booked,
            count(ch.registration_id) filter (where ch.status = 'waitlisted')::int as waitlisted
     from registration_options o
     left join registration_choices ch on ch.option_id = o.id
     left join registrations r on r.id = ch.registration_id
     where o.event_id = $1 group by o.id order by o.position`,
    [eventId],
  );
  const within = options.rows.filter((o) => o.capacity === null || o.booked <= o.capacity);
  check(
    within.length === options.rows.length,
    `tours: ${options.rows.map((o) => `${o.code} ${o.booked}/${o.capacity ?? '∞'}`).join(', ')} booked (${options.rows.reduce((n, o) => n + o.waitlisted, 0)} waitlisted)`,
  );
  check(
    e?.total === answered.ok && e.confirmed === answered.confirmed,
    `stored ${e?.total} registrations (${e?.confirmed} confirmed) = ${answered.ok} answered (${answered.confirmed} confirmed)`,
  );
  const bare = await db.query<{ n: number }>(
    `select count(*)::int as n from bench_bare where email like 'bench-%'`,
  );
  check(
    bare.rows[0]?.n === answered.bareOk,
    `bare: stored ${bare.rows[0]?.n} rows = ${answered.bareOk} answered`,
  );
  const floor = await db.query<{ n: number }>(
    `select count(*)::int as n from bench_floor where email like 'bench-%'`,
  );
  check(
    floor.rows[0]?.n === answered.floorOk,
    `framework floor: stored ${floor.rows[0]?.n} rows = ${answered.floorOk} answered`,
  );
  return { ok, lines };
}
