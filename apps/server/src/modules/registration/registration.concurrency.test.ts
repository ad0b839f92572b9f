import { afterAll, describe, expect, it } from 'vitest';
import { schema, sql } from '@plenary/db';
import { testEngine } from '@plenary/db/testing';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { selectRows } from '../../core/sql';

/**
 * The reference event's scale: 900 places, 2,000 people registering at the same
 * moment, 7 cluster tours of 40 seats. Run on PostgreSQL, where transactions
 * truly run side by side (PGlite has one connection, so it cannot race).
 *
 * The load is spread over four servers on one database, each with its own pool
 * and its own placement batcher, as four processes behind a load balancer
 * would be: a batcher keeps its own batches in turn, so only the locks keep
 * four servers' batches from overselling. The control run switches the locks
 * off and must oversell, or this test could not fail.
 */
const ATTEMPTS = 2000;
const PLACES = { GOV: 300, UNI: 300, SME: 300 };
const TOURS = 7;
const SEATS = 40;

const harnesses: TestHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

const SERVERS = 4;

async function stampede(
  config: { capacityLocks: boolean; placementBatchSize?: number },
  places: Record<string, number> = PLACES,
  attempts = ATTEMPTS,
) {
  const h = await createHarness({ poolSize: 5, config });
  harnesses.push(h);
  const servers = [h];
  for (let i = 1; i < SERVERS; i++) {
    const other = await createHarness({ poolSize: 5, config, sameDatabaseAs: h });
    harnesses.push(other);
    servers.push(other);
  }
  const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  const e = await registrationEvent(h, admin, {
    eventCapacity: 900,
    categories: Object.entries(places).map(([code, capacity]) => ({ code, capacity })),
    options: Array.from({ length: TOURS }, (_, i) => ({ code: `TOUR-${i + 1}`, capacity: SEATS })),
  });
  const codes = Object.keys(places);
  const results = await Promise.allSettled(
    Array.from({ length: attempts }, (_, i) =>
      servers[i % SERVERS]!.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories[codes[i % codes.length]!]!,
        participant: participant({ email: `p${i}@stampede.example` }),
        optionIds: [e.options[`TOUR-${(i % TOURS) + 1}`]!],
      }),
    ),
  );
  const failures = results.filter((r) => r.status === 'rejected');
  const byStatus = await selectRows<{ status: string; n: number }>(
    h.runtime.db,
    sql`select status, count(*)::int as n from registrations group by status order by status`,
  );
  const perCategory = await selectRows<{ code: string; n: number }>(
    h.runtime.db,
    sql`select c.code, count(*)::int as n from registrations r join registration_categories c on c.id = r.category_id where r.status = 'confirmed' group by c.code order by c.code`,
  );
  const perTour = await selectRows<{ code: string; n: number }>(
    h.runtime.db,
    sql`select o.code, count(*)::int as n from registration_choices ch join registration_options o on o.id = ch.option_id
        join registrations r on r.id = ch.registration_id where ch.status = 'booked' and r.status = 'confirmed' group by o.code order by o.code`,
  );
  const mails = await h.runtime.db.$count(schema.mailOutbox);
  return {
    failures: failures.length,
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    perCategory: Object.fromEntries(perCategory.map((r) => [r.code, Number(r.n)])),
    perTour: perTour.map((r) => Number(r.n)),
    mails,
  };
}

describe.runIf(testEngine() === 'postgres')('capacity under 2,000 simultaneous registrations', () => {
  it('confirms exactly 900, waitlists 1,100, and fills no tour past its 40 seats', async () => {
    const run = await stampede({ capacityLocks: true });
    expect(run.failures).toBe(0);
    expect(run.byStatus).toEqual({ confirmed: 900, waitlisted: 1100 });
    expect(run.perCategory).toEqual({ GOV: 300, SME: 300, UNI: 300 });
    expect(run.perTour).toEqual(Array(TOURS).fill(SEATS));
    // Everyone got their mail, written in the same transaction as their registration.
    expect(run.mails).toBe(ATTEMPTS);
  }, 240_000);

  it('holds the event-wide limit when it binds (categories add up to more): exactly 900 of 1,500', async () => {
    const run = await stampede({ capacityLocks: true }, { GOV: 400, UNI: 400, SME: 400 }, 1500);
    expect(run.failures).toBe(0);
    expect(run.byStatus).toEqual({ confirmed: 900, waitlisted: 600 });
    expect(run.perTour).toEqual(Array(TOURS).fill(SEATS));
  }, 240_000);

  it('places each registration alone just as exactly (batches of one)', async () => {
    const run = await stampede({ capacityLocks: true, placementBatchSize: 1 });
    expect(run.failures).toBe(0);
    expect(run.byStatus).toEqual({ confirmed: 900, waitlisted: 1100 });
    expect(run.perTour).toEqual(Array(TOURS).fill(SEATS));
  }, 240_000);

  it('control: with the locks switched off the same load oversells, so the test above can fail', async () => {
    const run = await stampede({ capacityLocks: false });
    const confirmed = run.byStatus.confirmed ?? 0;
    const overTour = run.perTour.some((n) => n > SEATS);
    console.info(
      `control run without locks: ${JSON.stringify(run.byStatus)}, tour seats booked ${JSON.stringify(run.perTour)}`,
    );
    expect(confirmed > 900 || overTour).toBe(true);
  }, 240_000);
});
