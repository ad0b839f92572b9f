/**
 * What a placement batch pays to count places (`pnpm bench:capacity-counts`):
 * the capacity module's read under the locks (readLimits for one category,
 * one code and one tour, as a batch of one category reads them) in an event of
 * 1,000 and one of 50,000 registrations, on a fresh PostgreSQL database.
 * Prints the median and 95th percentile time per read for each size, for the
 * counters kept by the triggers of migration capacity_counters and, as the
 * baseline in the same run on the same rows, the old way (recount.ts: counting
 * the rows under the locks), with and without an event-wide limit that binds.
 *
 *   pnpm bench:capacity-counts [--rounds 200] [--sizes 1000,50000]
 *
 * PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), a
 * role that may create databases; the run gets a database of its own and drops it at the end.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, openDatabase, sql, type Database } from '@plenary/db';
import { readLimits } from '../src/modules/registration/capacity/counts';
import { recountLimits } from '../src/modules/registration/capacity/recount';
import { selectRows } from '../src/core/sql';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '1000,50000' },
  },
});
const rounds = Number(args.rounds);
const sizes = args.sizes.split(',').map(Number);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `plenary_bench_counts_${Date.now()}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

interface Event {
  eventId: string;
  categoryId: string;
  codeId: string;
  optionId: string;
}

/** An event of n registrations: 3 categories, 7 tours, 4 codes; most confirmed, some waiting, pending or cancelled. */
async function seed(database: Database, n: number): Promise<Event> {
  const [row] = await selectRows<Event & { event_id: string }>(
    database.db,
    sql`with e as (
          insert into events (slug, title, starts_at, ends_at, time_zone)
          values (${`bench-${n}`}, '{"en":"bench"}', now(), now() + interval '3 days', 'Asia/Seoul') returning id),
        s as (insert into registration_settings (event_id, capacity) select id, ${n * 2} from e),
        c as (insert into registration_categories (event_id, code, label, capacity, position)
              select e.id, 'C' || i, '{"en":"c"}', ${n}, i from e, generate_series(1, 3) i returning id, event_id),
        o as (insert into registration_options (event_id, code, label, capacity, kind)
              select e.id, 'T' || i, '{"en":"t"}', ${n}, 'tour' from e, generate_series(1, 7) i returning id)
        select (select id from e) as "eventId", (select min(id::text) from c)::uuid as "categoryId",
               (select min(id::text) from o)::uuid as "optionId", null::uuid as "codeId"`,
  );
  if (!row) throw new Error('seed returned nothing');
  const [code] = await selectRows<{ id: string }>(
    database.db,
    sql`insert into invitation_codes (event_id, code, category_id, reserves_places, max_uses)
        select ${row.eventId}, 'CODE-' || i, ${row.categoryId}, i % 2 = 0, ${n} from generate_series(1, 4) i returning id`,
  );
  // Personal fields live on the person (shared foundations): one person per registration.
  await database.db.execute(sql`
    insert into persons (email, given_name, family_name, country)
    select 'p' || i || '-' || ${n} || '@bench.example', 'G', 'F', 'KR' from generate_series(1, ${n}) i`);
  await database.db.execute(sql`
    insert into registrations (event_id, category_id, reference, status, source, person_id,
                               organisation, manage_token_hash, ticket_code, invitation_code_id, waitlist_rank)
    select ${row.eventId}, (select id from registration_categories where event_id = ${row.eventId} order by id offset i % 3 limit 1),
           'R-' || i, (array['confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','pending','waitlisted','waitlisted','cancelled'])[1 + i % 10],
           'portal', (select p.id from persons p where p.email = 'p' || i || '-' || ${n} || '@bench.example'),
           'O', md5('t' || i || ${n}), md5('q' || i || ${n}),
           case when i % 20 = 0 then ${code!.id}::uuid end, case when i % 10 in (7, 8) then i end
    from generate_series(1, ${n}) i`);
  await database.db.execute(sql`
    insert into registration_choices (registration_id, option_id, status)
    select r.id, (select id from registration_options where event_id = ${row.eventId} order by id offset (hashtext(r.id::text) & 7) % 7 limit 1), 'booked'
    from registrations r where r.event_id = ${row.eventId}`);
  // As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans).
  await database.db.execute(sql`vacuum analyze registrations`);
  await database.db.execute(sql`vacuum analyze registration_choices`);
  return { ...row, codeId: code!.id };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(database: Database, e: Event, n: number, eventBinds: boolean, way: 'counters' | 'recount (old)') {
  const read = way === 'counters' ? readLimits : recountLimits;
  const scope = { categoryIds: [e.categoryId], codeIds: [e.codeId], optionIds: [e.optionId], eventBinds };
  for (let i = 0; i < 20; i++) await read(database.db, e.eventId, new Date(), scope);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    await read(database.db, e.eventId, new Date(), scope);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const snap = await read(database.db, e.eventId, new Date(), scope);
  if (process.env.BENCH_EXPLAIN) {
    const now = new Date().toISOString();
    const parts = {
      event: sql`select count(*) from registrations r where r.event_id = ${e.eventId} and (r.status in ('pending','confirmed') or (r.status = 'offered' and r.offer_expires_at > ${now}))`,
      category: sql`select count(*) filter (where r.status in ('pending','confirmed') or (r.status = 'offered' and r.offer_expires_at > ${now})) from registrations r where r.category_id = ${e.categoryId}`,
      code: sql`select count(*) from registrations r where r.invitation_code_id = ${e.codeId} and r.status not in ('cancelled','rejected')`,
      option: sql`select count(*) filter (where ch.status = 'booked' and (r.status in ('pending','confirmed') or (r.status = 'offered' and r.offer_expires_at > ${now}))) from registration_choices ch join registrations r on r.id = ch.registration_id where ch.option_id = ${e.optionId}`,
    };
    for (const [name, q] of Object.entries(parts)) {
      const plan = await selectRows<{ 'QUERY PLAN': string }>(
        database.db,
        sql`explain (analyze, costs off) ${q}`,
      );
      console.info(`-- ${name}\n` + plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
  return {
    registrations: n,
    way,
    eventLimitBinds: eventBinds,
    medianMs: Number(quantile(times, 0.5).toFixed(2)),
    p95Ms: Number(quantile(times, 0.95).toFixed(2)),
    categoryTaken: snap.categories.get(e.categoryId)?.taken,
    eventTaken: snap.event.taken,
  };
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const database = await openDatabase({ engine: 'postgres', url, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const results: Array<Awaited<ReturnType<typeof measure>>> = [];
    for (const n of sizes) {
      const e = await seed(database, n);
      // Without an event-wide limit that binds, a batch counts its own category, code and tour
      // only; with one, it also counts the whole event's places (the count that grows).
      // Alternating the two ways, so the machine's load falls on both alike.
      for (const binds of [false, true])
        for (const way of ['recount (old)', 'counters'] as const) results.push(await measure(database, e, n, binds, way));
    }
    console.table(results);
    for (const binds of [false, true])
      for (const way of ['counters', 'recount (old)'] as const) {
        const at = (n: number | undefined) =>
          results.find((r) => r.eventLimitBinds === binds && r.registrations === n && r.way === way);
        const [small, large] = [at(sizes[0]), at(sizes.at(-1))];
        if (small && large && small !== large)
          console.info(
            `${way}, event limit ${binds ? 'binds' : 'does not bind'}: median ${small.medianMs} ms at ${small.registrations} registrations, ` +
              `${large.medianMs} ms at ${large.registrations} (x${(large.medianMs / small.medianMs).toFixed(1)})`,
          );
      }
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.end();
  }
}

await main();
